import { defineRoute } from '../../../core/http/route';
import {
  ACCOUNTS_READ,
  ACCOUNTS_SECURITY,
  ACCOUNTS_WRITE,
  ZAccountIdParams,
  ZAccountList,
  ZAccountListQuery,
  ZAccountRow,
  ZCreateAccountRequest,
  ZCreatedAccount,
  ZRoleChangeRequest,
} from '../contract';
import { findAccounts } from './queries/find-accounts';
import { resetSecondFactor, setAccountStatus, unlockAccount } from './use-cases/account-status';
import { grantRole, revokeRole } from './use-cases/change-role';
import { createAccount } from './use-cases/create-account';

export const findAccountsRoute = defineRoute({
  method: 'GET',
  url: '/accounts',
  summary: '工作人员账号列表（在本组织及下级有角色的账号；按账号、姓名前缀或手机号查找；键集分页）',
  access: ACCOUNTS_READ,
  audit: 'read',
  query: ZAccountListQuery,
  response: ZAccountList,
  handler: ({ query, ctx }) => findAccounts(ctx, query),
});

export const createAccountRoute = defineRoute({
  method: 'POST',
  url: '/accounts',
  summary: '新建工作人员账号（返回一次性初始密码，仅显示一次；首次登录须改密并绑定验证器）',
  access: ACCOUNTS_WRITE,
  audit: 'admin',
  body: ZCreateAccountRequest,
  response: ZCreatedAccount,
  handler: ({ body, ctx }) => createAccount(ctx, body),
});

export const grantRoleRoute = defineRoute({
  method: 'POST',
  url: '/accounts/:id/roles',
  summary: '授予角色（管理员角色仅限省总工会系统管理员授予；一个账号至多一个管理员角色）',
  access: ACCOUNTS_WRITE,
  audit: 'admin',
  params: ZAccountIdParams,
  body: ZRoleChangeRequest,
  response: ZAccountRow,
  handler: ({ params, body, ctx }) => grantRole(ctx, params.id, body),
});

export const revokeRoleRoute = defineRoute({
  method: 'POST',
  url: '/accounts/:id/roles/revoke',
  summary: '收回角色（不能收回账号的最后一个角色，请改为停用账号）',
  access: ACCOUNTS_WRITE,
  audit: 'admin',
  params: ZAccountIdParams,
  body: ZRoleChangeRequest,
  response: ZAccountRow,
  handler: ({ params, body, ctx }) => revokeRole(ctx, params.id, body),
});

export const disableAccountRoute = defineRoute({
  method: 'POST',
  url: '/accounts/:id/disable',
  summary: '停用账号（立即结束其全部会话）',
  access: ACCOUNTS_WRITE,
  audit: 'admin',
  params: ZAccountIdParams,
  response: ZAccountRow,
  handler: ({ params, ctx }) => setAccountStatus(ctx, params.id, 'disabled'),
});

export const enableAccountRoute = defineRoute({
  method: 'POST',
  url: '/accounts/:id/enable',
  summary: '启用账号',
  access: ACCOUNTS_WRITE,
  audit: 'admin',
  params: ZAccountIdParams,
  response: ZAccountRow,
  handler: ({ params, ctx }) => setAccountStatus(ctx, params.id, 'active'),
});

export const unlockAccountRoute = defineRoute({
  method: 'POST',
  url: '/accounts/:id/unlock',
  summary: '解除登录失败锁定',
  access: ACCOUNTS_SECURITY,
  audit: 'admin',
  params: ZAccountIdParams,
  response: ZAccountRow,
  handler: ({ params, ctx }) => unlockAccount(ctx, params.id),
});

export const resetSecondFactorRoute = defineRoute({
  method: 'POST',
  url: '/accounts/:id/reset-second-factor',
  summary: '重置二次验证（删除验证器与恢复码并结束全部会话，下次登录重新绑定）',
  access: ACCOUNTS_SECURITY,
  audit: 'admin',
  params: ZAccountIdParams,
  response: ZAccountRow,
  handler: ({ params, ctx }) => resetSecondFactor(ctx, params.id),
});

export const ACCOUNT_ROUTES = [
  findAccountsRoute,
  createAccountRoute,
  grantRoleRoute,
  revokeRoleRoute,
  disableAccountRoute,
  enableAccountRoute,
  unlockAccountRoute,
  resetSecondFactorRoute,
];
