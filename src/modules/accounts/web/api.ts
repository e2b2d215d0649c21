import { apiGet, apiPost, withQuery } from '../../../web/api/client';
import {
  type TAccountList,
  type TAccountListQuery,
  type TAccountRow,
  type TCreateAccountRequest,
  type TCreatedAccount,
  type TRoleChangeRequest,
  ZAccountList,
  ZAccountRow,
  ZCreatedAccount,
} from '../contract';

export const fetchAccounts = (query: Partial<TAccountListQuery>): Promise<TAccountList> =>
  apiGet(withQuery('/api/accounts', { orgUnitId: query.orgUnitId, q: query.q, after: query.after, limit: query.limit }), ZAccountList);

export const createAccount = (request: TCreateAccountRequest): Promise<TCreatedAccount> =>
  apiPost('/api/accounts', request, ZCreatedAccount);

export const grantRole = (accountId: number, request: TRoleChangeRequest): Promise<TAccountRow> =>
  apiPost(`/api/accounts/${accountId}/roles`, request, ZAccountRow);

export const revokeRole = (accountId: number, request: TRoleChangeRequest): Promise<TAccountRow> =>
  apiPost(`/api/accounts/${accountId}/roles/revoke`, request, ZAccountRow);

export type AccountAction = 'disable' | 'enable' | 'unlock' | 'reset-second-factor';

export const runAccountAction = (accountId: number, action: AccountAction): Promise<TAccountRow> =>
  apiPost(`/api/accounts/${accountId}/${action}`, {}, ZAccountRow);
