import { apiGet, apiPost, apiPut, withQuery } from '../../../web/api/client';
import {
  type TCreateOrgRequest,
  type TDissolveOrgRequest,
  type TEditOrgRequest,
  type TMergeOrgRequest,
  type TMoveOrgRequest,
  type TOrgChangeResult,
  type TOrgChildren,
  type TOrgDetail,
  type TOrgSummary,
  ZOrgChangeResult,
  ZOrgChildren,
  ZOrgDetail,
  ZOrgSummary,
} from '../contract';

/** Children of `parentId` (a page of them; `q` filters by name, `after` continues); without it, the acting org as the single item. */
export const fetchOrgChildren = (parentId?: number, query: { q?: string; after?: string; limit?: number } = {}): Promise<TOrgChildren> =>
  apiGet(withQuery('/api/orgs/children', { parentId, q: query.q, after: query.after, limit: query.limit }), ZOrgChildren);

export const fetchOrgDetail = (id: number): Promise<TOrgDetail> => apiGet(`/api/orgs/${id}`, ZOrgDetail);

export const fetchOrgSummary = (rootId?: number): Promise<TOrgSummary> =>
  apiGet(withQuery('/api/orgs/summary', { rootId }), ZOrgSummary);

export const createOrg = (request: TCreateOrgRequest): Promise<TOrgDetail> => apiPost('/api/orgs', request, ZOrgDetail);

export const editOrg = (id: number, request: TEditOrgRequest): Promise<TOrgDetail> => apiPut(`/api/orgs/${id}`, request, ZOrgDetail);

export const moveOrg = (id: number, request: TMoveOrgRequest): Promise<TOrgChangeResult> =>
  apiPost(`/api/orgs/${id}/move`, request, ZOrgChangeResult);

export const dissolveOrg = (id: number, request: TDissolveOrgRequest): Promise<TOrgChangeResult> =>
  apiPost(`/api/orgs/${id}/dissolve`, request, ZOrgChangeResult);

export const mergeOrg = (id: number, request: TMergeOrgRequest): Promise<TOrgChangeResult> =>
  apiPost(`/api/orgs/${id}/merge`, request, ZOrgChangeResult);
