import { AppError } from '../http/errors';
import type { RequestContext } from '../http/request-context';
import { decoyHash, verifyPassword } from './password';
import { clearFailedAttempts, countFailedAttempt } from './failed-attempts';
import { isLocked, LOCKOUT_MINUTES } from './sign-in-rules';

export type SignInResult = { accountId: number; secondFactorRequired: boolean };

const WRONG = '账号或密码错误';

// What a person typed as the login is kept in the audit trail (it shows who was
// tried), unless it looks like an ID or phone number: those never enter the trail.
const LOGIN_FORMAT = /^[a-z0-9_.-]{1,64}$/;
const typedLoginForAudit = (login: string) =>
  LOGIN_FORMAT.test(login) && !/\d{11,}/.test(login) ? login : '（输入内容不像账号，未记录）';

/**
 * Checks a login and password, counting failures and locking the account
 * after too many. Every attempt is audited in its own transaction, so a
 * failure is recorded although the request then fails.
 */
export async function signIn(ctx: RequestContext, login: string, password: string): Promise<SignInResult> {
  const now = ctx.now();
  const account = await ctx.db
    .selectFrom('account')
    .select(['id', 'password_hash', 'status', 'failed_sign_ins', 'locked_until', 'second_factor_required'])
    .where('login', '=', login)
    .executeTakeFirst();
  // Same work whether or not the login exists: no account enumeration by timing.
  const isValid = await verifyPassword(password, account?.password_hash ?? (await decoyHash()));

  const fail = async (reason: string, message: string) => {
    await ctx.audit({ action: 'auth.login', category: 'auth', result: 'failure', targetType: 'account', targetId: account?.id, details: { login: typedLoginForAudit(login), reason } });
    throw new AppError('UNAUTHENTICATED', message, { field: 'password' });
  };

  if (!account || account.status !== 'active') {
    return fail(account ? 'disabled' : 'unknown_login', WRONG);
  }
  if (isLocked(account.locked_until, now)) {
    return fail('locked', `密码错误次数过多，账号已锁定 ${LOCKOUT_MINUTES} 分钟，请稍后再试`);
  }
  if (!isValid) {
    if (await countFailedAttempt(ctx.db, account.id, account.failed_sign_ins, now)) {
      await ctx.audit({ action: 'auth.lockout', category: 'auth', result: 'denied', targetType: 'account', targetId: account.id, details: { login: typedLoginForAudit(login) } });
      return fail('wrong_password_locked', `密码错误次数过多，账号已锁定 ${LOCKOUT_MINUTES} 分钟，请稍后再试`);
    }
    return fail('wrong_password', WRONG);
  }
  await clearFailedAttempts(ctx.db, account.id);
  return { accountId: account.id, secondFactorRequired: account.second_factor_required };
}
