import { AppError } from '../../http/errors';
import { requireUser } from '../../http/request-context';
import { defineRoute } from '../../http/route';
import { changePassword } from '../change-password';
import { ZChangePasswordRequest, ZSignInResult } from '../contract';
import { SESSION_COOKIE } from '../session';
import { completeSignIn } from './complete-sign-in';

export const changePasswordRoute = defineRoute({
  method: 'POST',
  url: '/auth/password',
  summary: '修改密码（其他会话随即失效）；首次登录或密码到期时必经此步',
  access: 'password-passed',
  audit: 'auth',
  body: ZChangePasswordRequest,
  response: ZSignInResult,
  handler: async ({ body, ctx, request }) => {
    const { stage } = requireUser(ctx);
    // Not before the second factor: a stolen password alone must not take the account over.
    if (stage !== 'full' && stage !== 'password_change') {
      throw new AppError('UNAUTHENTICATED', '请先完成二次验证');
    }
    await changePassword(ctx, body.currentPassword, body.newPassword);
    return completeSignIn(ctx, request.cookies[SESSION_COOKIE] ?? '', 'full');
  },
});
