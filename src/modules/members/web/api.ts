import { apiGet, apiPost, withQuery } from '../../../web/api/client';
import {
  type TMemberList,
  type TMemberListQuery,
  type TRevealRequest,
  type TRevealResult,
  ZMemberList,
  ZRevealResult,
} from '../contract';

export const fetchMembers = (query: Partial<TMemberListQuery>): Promise<TMemberList> =>
  apiGet(
    withQuery('/api/members', { orgUnitId: query.orgUnitId, q: query.q, status: query.status, after: query.after, limit: query.limit }),
    ZMemberList,
  );

export const revealMemberField = (membershipId: number, request: TRevealRequest): Promise<TRevealResult> =>
  apiPost(`/api/members/${membershipId}/reveal`, request, ZRevealResult);
