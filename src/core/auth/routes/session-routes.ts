import { AppError } from '../../http/errors';
import { requireUser } from '../../http/request-context';
import { defineRoute } from '../../http/route';
import { ZMe, ZOk, ZSwitchOrgRequest } from '../contract';
import { describeMe } from '../describe-me';
import { revokeSession, SESSION_COOKIE, switchSessionOrg } from '../session';

export const logoutRoute = defineRoute({
  method: 'POST',
  url: '/auth/logout',
  summary: '退出登录（服务端作废会话）',
  access: 'password-passed',
  audit: 'auth',
  response: ZOk,
  handler: async ({ ctx, reply }) => {
    await revokeSession(ctx.db, requireUser(ctx).sessionTokenHash, ctx.now());
    await ctx.audit({ action: 'auth.logout', category: 'auth' });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  },
});

export const meRoute = defineRoute({
  method: 'GET',
  url: '/auth/me',
  summary: '当前用户、所在组织、权限与导航',
  access: 'signed-in',
  audit: 'none',
  response: ZMe,
  handler: async ({ ctx, request }) => describeMe(ctx, request.cookies[SESSION_COOKIE] ?? ''),
});

export const switchOrgRoute = defineRoute({
  method: 'POST',
  url: '/auth/switch-org',
  summary: '切换当前工作组织',
  access: 'signed-in',
  audit: 'auth',
  body: ZSwitchOrgRequest,
  response: ZOk,
  handler: async ({ body, ctx }) => {
    const user = requireUser(ctx);
    const held = await ctx.db
      .selectFrom('role_assignment')
      .select('id')
      .where('account_id', '=', user.account.id)
      .where('org_unit_id', '=', body.orgUnitId)
      .executeTakeFirst();
    if (!held) {
      throw new AppError('FORBIDDEN', '您在该组织没有角色', { field: 'orgUnitId' });
    }
    await switchSessionOrg(ctx.db, user.sessionTokenHash, body.orgUnitId);
    await ctx.audit({ action: 'auth.switch_org', category: 'auth', targetType: 'org_unit', targetId: body.orgUnitId });
    return { ok: true as const };
  },
});
