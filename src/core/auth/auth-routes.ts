import { AppError } from '../http/errors';
import { type RequestContext, requireUser } from '../http/request-context';
import { defineRoute } from '../http/route';
import { ZLoginRequest, ZMe, ZOk, ZSwitchOrgRequest, type TMe } from './contract';
import { decoyHash, verifyPassword } from './password';
import { createSession, revokeSession, SESSION_COOKIE, switchSessionOrg } from './session';
import { loadSignedInUser } from './current-user';

async function describeMe(ctx: RequestContext): Promise<TMe> {
  const user = requireUser(ctx);
  const assignments = await ctx.db
    .selectFrom('role_assignment')
    .innerJoin('org_unit', 'org_unit.id', 'role_assignment.org_unit_id')
    .select(['org_unit.id', 'org_unit.name', 'org_unit.type', 'org_unit.code', 'org_unit.path', 'role_assignment.role'])
    .where('role_assignment.account_id', '=', user.account.id)
    .orderBy('org_unit.path')
    .execute();
  const orgs = new Map<number, TMe['orgs'][number]>();
  for (const row of assignments) {
    const org = orgs.get(row.id) ?? { id: row.id, name: row.name, type: row.type, code: row.code, roles: [] };
    org.roles.push(row.role);
    orgs.set(row.id, org);
  }
  return {
    account: user.account,
    org: { id: user.org.id, name: user.org.name, type: user.org.type, code: user.org.code },
    orgs: [...orgs.values()],
    roles: user.roles,
    permissions: [...user.permissions].sort(),
    nav: ctx.platform.nav
      .filter((entry) => !entry.permission || user.permissions.has(entry.permission))
      .map(({ path, label, icon }) => ({ path, label, icon })),
  };
}

export const loginRoute = defineRoute({
  method: 'POST',
  url: '/auth/login',
  summary: '登录',
  access: 'public',
  audit: 'auth',
  body: ZLoginRequest,
  response: ZMe,
  handler: async ({ body, ctx, reply }) => {
    const account = await ctx.db
      .selectFrom('account')
      .select(['id', 'password_hash', 'status'])
      .where('login', '=', body.login)
      .executeTakeFirst();
    // Same work whether or not the login exists: no account enumeration by timing.
    const isValid = await verifyPassword(body.password, account?.password_hash ?? (await decoyHash()));
    if (!account || !isValid || account.status !== 'active') {
      throw new AppError('UNAUTHENTICATED', '账号或密码错误', { field: 'password' });
    }
    const firstOrg = await ctx.db
      .selectFrom('role_assignment')
      .innerJoin('org_unit', 'org_unit.id', 'role_assignment.org_unit_id')
      .select('org_unit.id')
      .where('role_assignment.account_id', '=', account.id)
      .orderBy('org_unit.path')
      .limit(1)
      .executeTakeFirst();
    if (!firstOrg) {
      throw new AppError('FORBIDDEN', '该账号尚未分配任何组织的角色，请联系管理员');
    }
    const token = await createSession(ctx.db, {
      accountId: account.id,
      orgUnitId: firstOrg.id,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      now: ctx.now(),
      limits: { idleMinutes: ctx.config.SESSION_IDLE_MINUTES, maxHours: ctx.config.SESSION_MAX_HOURS },
    });
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: ctx.config.COOKIE_SECURE,
    });
    ctx.user = await loadSignedInUser(ctx.db, {
      token,
      now: ctx.now(),
      config: ctx.config,
      declaredPermissions: ctx.platform.permissions,
    });
    return describeMe(ctx);
  },
});

export const logoutRoute = defineRoute({
  method: 'POST',
  url: '/auth/logout',
  summary: '退出登录',
  access: 'signed-in',
  audit: 'auth',
  response: ZOk,
  handler: async ({ ctx, reply }) => {
    await revokeSession(ctx.db, requireUser(ctx).sessionTokenHash, ctx.now());
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
  handler: async ({ ctx }) => describeMe(ctx),
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
    return { ok: true as const };
  },
});
