import { openField, sealField } from '../crypto';
import { AppError } from '../http/errors';
import { type RequestContext, requireUser } from '../http/request-context';
import type { TTotpEnrolment } from './contract';
import { clearFailedAttempts, countFailedAttempt } from './failed-attempts';
import { isLocked, LOCKOUT_MINUTES } from './sign-in-rules';
import {
  enrolmentQrSvg,
  findRecoveryCode,
  generateRecoveryCodes,
  generateTotpSecret,
  hashRecoveryCode,
  otpauthUri,
  verifyTotp,
} from './totp';

/** The TOTP secret is sealed like any sensitive field, bound to its column. */
const SECRET_CONTEXT = 'account_totp.secret';
const ISSUER = '工会工作平台';

/** Starts (or restarts) TOTP enrolment: a new secret, shown once as a QR code. */
export async function startTotpEnrolment(ctx: RequestContext): Promise<TTotpEnrolment> {
  const user = requireUser(ctx);
  const existing = await ctx.db.selectFrom('account_totp').select('confirmed_at').where('account_id', '=', user.account.id).executeTakeFirst();
  if (existing?.confirmed_at) {
    throw new AppError('CONFLICT', '已启用二次验证；如需更换，请联系安全管理员重置');
  }
  const secret = generateTotpSecret();
  const envelope = sealField(ctx.keys.ring, secret, SECRET_CONTEXT);
  await ctx.db
    .insertInto('account_totp')
    .values({ account_id: user.account.id, secret_envelope: envelope })
    .onConflict((conflict) => conflict.column('account_id').doUpdateSet({ secret_envelope: envelope, last_used_step: null }))
    .execute();
  const uri = otpauthUri({ issuer: ISSUER, accountName: user.account.login, secret });
  return { secret, otpauthUri: uri, qrSvg: await enrolmentQrSvg(uri) };
}

/** Confirms enrolment with a first code; returns the recovery codes (shown once). */
export async function confirmTotpEnrolment(ctx: RequestContext, code: string): Promise<string[]> {
  const user = requireUser(ctx);
  const totp = await ctx.db.selectFrom('account_totp').selectAll().where('account_id', '=', user.account.id).executeTakeFirst();
  if (!totp || totp.confirmed_at) {
    throw new AppError('CONFLICT', '请先获取二维码再绑定');
  }
  const result = verifyTotp(openField(ctx.keys.ring, totp.secret_envelope, SECRET_CONTEXT), code, ctx.now());
  if (!result.ok) {
    await ctx.audit({ action: 'auth.totp_enrol', category: 'auth', result: 'failure' });
    throw new AppError('VALIDATION_FAILED', '验证码不正确，请核对手机上的验证器并重试', { field: 'code' });
  }
  const recoveryCodes = generateRecoveryCodes();
  await ctx.db
    .updateTable('account_totp')
    .set({ confirmed_at: ctx.now(), last_used_step: result.step })
    .where('account_id', '=', user.account.id)
    .execute();
  await ctx.db.deleteFrom('account_recovery_code').where('account_id', '=', user.account.id).execute();
  await ctx.db
    .insertInto('account_recovery_code')
    .values(recoveryCodes.map((recoveryCode) => ({ account_id: user.account.id, code_hash: hashRecoveryCode(recoveryCode) })))
    .execute();
  await ctx.audit({ action: 'auth.totp_enrol', category: 'auth' });
  return recoveryCodes;
}

/**
 * Checks the second factor: a TOTP code (each 30-second step good once) or an
 * unused recovery code. Failures count toward the same lockout as passwords.
 */
export async function verifySecondFactor(ctx: RequestContext, code: string): Promise<void> {
  const user = requireUser(ctx);
  const now = ctx.now();
  const account = await ctx.db
    .selectFrom('account')
    .select(['failed_sign_ins', 'locked_until'])
    .where('id', '=', user.account.id)
    .executeTakeFirstOrThrow();
  if (isLocked(account.locked_until, now)) {
    throw new AppError('UNAUTHENTICATED', `验证失败次数过多，账号已锁定 ${LOCKOUT_MINUTES} 分钟，请稍后再试`);
  }
  const totp = await ctx.db
    .selectFrom('account_totp')
    .select(['secret_envelope', 'last_used_step'])
    .where('account_id', '=', user.account.id)
    .where('confirmed_at', 'is not', null)
    .executeTakeFirstOrThrow();

  const result = verifyTotp(openField(ctx.keys.ring, totp.secret_envelope, SECRET_CONTEXT), code, now, {
    lastUsedStep: totp.last_used_step,
  });
  if (result.ok) {
    await ctx.db.updateTable('account_totp').set({ last_used_step: result.step }).where('account_id', '=', user.account.id).execute();
    await clearFailedAttempts(ctx.db, user.account.id);
    await ctx.audit({ action: 'auth.second_factor', category: 'auth', details: { method: 'totp' } });
    return;
  }
  const codes = await ctx.db
    .selectFrom('account_recovery_code')
    .select(['id', 'code_hash'])
    .where('account_id', '=', user.account.id)
    .where('used_at', 'is', null)
    .execute();
  const index = findRecoveryCode(
    codes.map((row) => row.code_hash),
    code,
  );
  const used = codes[index];
  if (used) {
    await ctx.db.updateTable('account_recovery_code').set({ used_at: now }).where('id', '=', used.id).execute();
    await clearFailedAttempts(ctx.db, user.account.id);
    await ctx.audit({ action: 'auth.second_factor', category: 'auth', details: { method: 'recovery_code', remaining: codes.length - 1 } });
    return;
  }
  const isNowLocked = await countFailedAttempt(ctx.db, user.account.id, account.failed_sign_ins, now);
  await ctx.audit({
    action: 'auth.second_factor',
    category: 'auth',
    result: 'failure',
    details: { replayed: !result.ok && result.replayed, locked: isNowLocked },
  });
  throw new AppError('UNAUTHENTICATED', isNowLocked ? `验证失败次数过多，账号已锁定 ${LOCKOUT_MINUTES} 分钟` : '验证码不正确或已使用过', {
    field: 'code',
  });
}
