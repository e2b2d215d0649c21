import { revokeAllSessions } from '../../../../core/auth/session';
import type { RequestContext } from '../../../../core/http/request-context';
import type { TAccountRow } from '../../contract';
import { accountInScope, refuseAdminChangeBelowRoot, refusePartlyOutside, refuseSelf } from '../account-guards';
import { loadAccountRow } from '../queries/account-row';

/**
 * Disables or re-enables an account (等保 8.1.4.2 c: remove surplus accounts
 * promptly). Disabling ends every session of the account at once.
 */
export async function setAccountStatus(ctx: RequestContext, accountId: number, status: 'active' | 'disabled'): Promise<TAccountRow> {
  const account = await accountInScope(ctx, accountId);
  refuseSelf(ctx, accountId, status === 'disabled' ? '停用自己的账号' : '启用自己的账号');
  refusePartlyOutside(account);
  if (account.adminRole) {
    refuseAdminChangeBelowRoot(ctx, '停用或启用管理员账号');
  }
  const now = ctx.now();
  const changed = account.status !== status;
  if (changed) {
    await ctx.db.updateTable('account').set({ status, updated_at: now }).where('id', '=', accountId).execute();
  }
  if (status === 'disabled') {
    await revokeAllSessions(ctx.db, accountId, now);
  }
  await ctx.audit({
    action: status === 'disabled' ? 'accounts.disable' : 'accounts.enable',
    category: 'admin',
    targetType: 'account',
    targetId: accountId,
    details: { changed },
  });
  return loadAccountRow(ctx, accountId);
}

/** Lifts a lockout after repeated failed sign-ins (the security administrator's duty). */
export async function unlockAccount(ctx: RequestContext, accountId: number): Promise<TAccountRow> {
  const account = await accountInScope(ctx, accountId);
  refuseSelf(ctx, accountId, '解锁自己的账号');
  refusePartlyOutside(account);
  const before = await ctx.db
    .selectFrom('account')
    .select(['failed_sign_ins', 'locked_until'])
    .where('id', '=', accountId)
    .executeTakeFirstOrThrow();
  const wasLocked = before.locked_until !== null && before.locked_until.getTime() > ctx.now().getTime();
  await ctx.db
    .updateTable('account')
    .set({ failed_sign_ins: 0, locked_until: null, updated_at: ctx.now() })
    .where('id', '=', accountId)
    .execute();
  await ctx.audit({
    action: 'accounts.unlock',
    category: 'admin',
    targetType: 'account',
    targetId: accountId,
    details: { wasLocked, failedSignIns: before.failed_sign_ins },
  });
  return loadAccountRow(ctx, accountId);
}

/**
 * Resets the second factor of a holder who lost the phone and the recovery
 * codes: the authenticator and the recovery codes are deleted and every
 * session ends, so the next sign-in enrols a new authenticator.
 */
export async function resetSecondFactor(ctx: RequestContext, accountId: number): Promise<TAccountRow> {
  const account = await accountInScope(ctx, accountId);
  refuseSelf(ctx, accountId, '重置自己的二次验证');
  refusePartlyOutside(account);
  const removed = await ctx.db.deleteFrom('account_totp').where('account_id', '=', accountId).returning('confirmed_at').execute();
  const codes = await ctx.db.deleteFrom('account_recovery_code').where('account_id', '=', accountId).returning('id').execute();
  await revokeAllSessions(ctx.db, accountId, ctx.now());
  await ctx.audit({
    action: 'accounts.reset_second_factor',
    category: 'admin',
    targetType: 'account',
    targetId: accountId,
    details: { hadAuthenticator: removed.some((row) => row.confirmed_at !== null), recoveryCodesRemoved: codes.length },
  });
  return loadAccountRow(ctx, accountId);
}
