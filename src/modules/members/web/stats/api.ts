import { apiGet, withQuery } from '../../../../web/api/client';
import { type TMemberStats, ZMemberStats } from '../../contract';

/** The figures of a unit's subtree (default: the acting unit), read from the maintained counters. */
export const fetchMemberStats = (orgUnitId?: number): Promise<TMemberStats> =>
  apiGet(withQuery('/api/members/stats', { orgUnitId }), ZMemberStats);
