import { AppError } from '../../http/errors';
import { defineRoute } from '../../http/route';
import { ZLoginRequest, ZSignInResult } from '../contract';
import { csrfTokenFor } from '../csrf';
import { loadSignedInUser } from '../current-user';
import { describeMe } from '../describe-me';
import { createSession, SESSION_COOKIE } from '../session';
import { signIn } from '../sign-in';
import { stageAfterPassword } from '../sign-in-stage';

export const loginRoute = defineRoute({
  method: 'POST',
  url: '/auth/login',
  summary: '登录（账号与密码）；需要二次验证时返回待验证状态',
  access: 'public',
  audit: 'auth',
  body: ZLoginRequest,
  response: ZSignInResult,
  handler: async ({ body, ctx, reply }) => {
    if (!ctx.platform.signInLimiter.hit(ctx.ip, ctx.now().getTime())) {
      throw new AppError('RATE_LIMITED', '登录尝试过于频繁，请一分钟后再试');
    }
    const { accountId, secondFactorRequired } = await signIn(ctx, body.login, body.password);

    const firstOrg = await ctx.db
      .selectFrom('role_assignment')
      .innerJoin('org_unit', 'org_unit.id', 'role_assignment.org_unit_id')
      .select('org_unit.id')
      .where('role_assignment.account_id', '=', accountId)
      .orderBy('org_unit.path')
      .limit(1)
      .executeTakeFirst();
    if (!firstOrg) {
      throw new AppError('FORBIDDEN', '该账号尚未分配任何组织的角色，请联系管理员');
    }
    const stage = await stageAfterPassword(ctx.db, {
      accountId,
      secondFactorRequired,
      now: ctx.now(),
      maxAgeDays: ctx.config.PASSWORD_MAX_AGE_DAYS,
    });
    const token = await createSession(ctx.db, {
      accountId,
      orgUnitId: firstOrg.id,
      stage,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      now: ctx.now(),
      limits: { idleMinutes: ctx.config.SESSION_IDLE_MINUTES, maxHours: ctx.config.SESSION_MAX_HOURS },
    });
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: ctx.config.COOKIE_SECURE });
    ctx.user = await loadSignedInUser(ctx.db, { token, now: ctx.now(), config: ctx.config, declaredPermissions: ctx.platform.permissions });
    await ctx.audit({ action: 'auth.login', category: 'auth', targetType: 'account', targetId: accountId, details: { stage } });
    return { stage, csrfToken: csrfTokenFor(token), me: stage === 'full' ? await describeMe(ctx, token) : null };
  },
});
