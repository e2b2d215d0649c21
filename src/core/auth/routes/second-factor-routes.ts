import { AppError } from '../../http/errors';
import { requireUser } from '../../http/request-context';
import { defineRoute } from '../../http/route';
import { ZEnrolmentDone, ZSecondFactorRequest, ZSignInResult, ZTotpEnrolment } from '../contract';
import { SESSION_COOKIE } from '../session';
import { stageAfterSecondFactor } from '../sign-in-stage';
import { completeSignIn } from './complete-sign-in';
import { confirmTotpEnrolment, startTotpEnrolment, verifySecondFactor } from '../second-factor';
import type { RequestContext } from '../../http/request-context';

function requireStage(ctx: RequestContext, stage: 'second_factor' | 'enrolment'): void {
  if (requireUser(ctx).stage !== stage) {
    throw new AppError('CONFLICT', stage === 'enrolment' ? '当前无需绑定验证器' : '当前无需二次验证');
  }
}

/** After the second factor: a required password change, or a full session. */
const nextStage = (ctx: RequestContext) =>
  stageAfterSecondFactor(ctx.db, { accountId: requireUser(ctx).account.id, now: ctx.now(), maxAgeDays: ctx.config.PASSWORD_MAX_AGE_DAYS });

export const startEnrolmentRoute = defineRoute({
  method: 'POST',
  url: '/auth/second-factor/enrolment/start',
  summary: '开始绑定身份验证器（返回二维码）',
  access: 'password-passed',
  audit: 'auth',
  response: ZTotpEnrolment,
  handler: async ({ ctx }) => {
    requireStage(ctx, 'enrolment');
    return startTotpEnrolment(ctx);
  },
});

export const confirmEnrolmentRoute = defineRoute({
  method: 'POST',
  url: '/auth/second-factor/enrolment/confirm',
  summary: '用第一个验证码确认绑定，返回一次性恢复码',
  access: 'password-passed',
  audit: 'auth',
  body: ZSecondFactorRequest,
  response: ZEnrolmentDone,
  handler: async ({ body, ctx, request }) => {
    requireStage(ctx, 'enrolment');
    const recoveryCodes = await confirmTotpEnrolment(ctx, body.code);
    return { ...(await completeSignIn(ctx, request.cookies[SESSION_COOKIE] ?? '', await nextStage(ctx))), recoveryCodes };
  },
});

export const verifySecondFactorRoute = defineRoute({
  method: 'POST',
  url: '/auth/second-factor/verify',
  summary: '二次验证：身份验证器上的 6 位验证码或恢复码',
  access: 'password-passed',
  audit: 'auth',
  body: ZSecondFactorRequest,
  response: ZSignInResult,
  handler: async ({ body, ctx, request }) => {
    requireStage(ctx, 'second_factor');
    await verifySecondFactor(ctx, body.code);
    return completeSignIn(ctx, request.cookies[SESSION_COOKIE] ?? '', await nextStage(ctx));
  },
});
