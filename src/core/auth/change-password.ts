import { AppError } from '../http/errors';
import { type RequestContext, requireUser } from '../http/request-context';
import { hashPassword, verifyPassword } from './password';
import { checkPasswordPolicy } from './password-policy';
import { countFailedAttempt } from './failed-attempts';
import { isLocked, LOCKOUT_MINUTES } from './sign-in-rules';

/**
 * Changes the signed-in user's password. The current password is checked (and
 * a wrong one counts toward the lockout); the new one must meet the policy and
 * differ from the old. Every other session of the account ends (ASVS V3.3.3).
 */
export async function changePassword(ctx: RequestContext, currentPassword: string, newPassword: string): Promise<void> {
  const user = requireUser(ctx);
  const now = ctx.now();
  const account = await ctx.db
    .selectFrom('account')
    .select(['password_hash', 'failed_sign_ins', 'locked_until'])
    .where('id', '=', user.account.id)
    .executeTakeFirstOrThrow();
  if (isLocked(account.locked_until, now)) {
    throw new AppError('UNAUTHENTICATED', `密码错误次数过多，账号已锁定 ${LOCKOUT_MINUTES} 分钟，请稍后再试`);
  }
  if (!account.password_hash || !(await verifyPassword(currentPassword, account.password_hash))) {
    await countFailedAttempt(ctx.db, user.account.id, account.failed_sign_ins, now);
    await ctx.audit({ action: 'auth.password_change', category: 'auth', result: 'failure', details: { reason: 'wrong_current_password' } });
    throw new AppError('VALIDATION_FAILED', '当前密码不正确', { field: 'currentPassword' });
  }
  const policy = checkPasswordPolicy(newPassword, { login: user.account.login });
  if (policy) {
    throw new AppError('VALIDATION_FAILED', policy, { field: 'newPassword' });
  }
  if (newPassword === currentPassword) {
    throw new AppError('VALIDATION_FAILED', '新密码不能与当前密码相同', { field: 'newPassword' });
  }
  await ctx.db
    .updateTable('account')
    .set({
      password_hash: await hashPassword(newPassword),
      password_changed_at: now,
      must_change_password: false,
      failed_sign_ins: 0,
      updated_at: now,
    })
    .where('id', '=', user.account.id)
    .execute();
  await ctx.db
    .updateTable('auth_session')
    .set({ revoked_at: now })
    .where('account_id', '=', user.account.id)
    .where('token_hash', '!=', user.sessionTokenHash)
    .where('revoked_at', 'is', null)
    .execute();
  await ctx.audit({ action: 'auth.password_change', category: 'auth' });
}
