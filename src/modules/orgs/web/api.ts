import { apiGet, withQuery } from '../../../web/api/client';
import { type TOrgChildren, type TOrgDetail, type TOrgSummary, ZOrgChildren, ZOrgDetail, ZOrgSummary } from '../contract';

/** Children of `parentId`; without it, the acting org as the single item. */
export const fetchOrgChildren = (parentId?: number): Promise<TOrgChildren> =>
  apiGet(withQuery('/api/orgs/children', { parentId }), ZOrgChildren);

export const fetchOrgDetail = (id: number): Promise<TOrgDetail> => apiGet(`/api/orgs/${id}`, ZOrgDetail);

export const fetchOrgSummary = (rootId?: number): Promise<TOrgSummary> =>
  apiGet(withQuery('/api/orgs/summary', { rootId }), ZOrgSummary);
