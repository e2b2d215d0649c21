import type { Kysely } from 'kysely';
import type { DB, SessionStage } from '../db/schema';

/**
 * The order of a sign-in: password, then the second factor (or its first
 * set-up), then a required password change, then the session is full.
 */
async function needsPasswordChange(db: Kysely<DB>, accountId: number, now: Date, maxAgeDays: number): Promise<boolean> {
  const account = await db
    .selectFrom('account')
    .select(['must_change_password', 'password_changed_at', 'created_at'])
    .where('id', '=', accountId)
    .executeTakeFirstOrThrow();
  if (account.must_change_password) return true;
  if (maxAgeDays === 0) return false;
  const changedAt = account.password_changed_at ?? account.created_at;
  return now.getTime() - changedAt.getTime() > maxAgeDays * 86_400_000;
}

export async function stageAfterPassword(
  db: Kysely<DB>,
  options: { accountId: number; secondFactorRequired: boolean; now: Date; maxAgeDays: number },
): Promise<SessionStage> {
  if (options.secondFactorRequired) {
    const totp = await db.selectFrom('account_totp').select('confirmed_at').where('account_id', '=', options.accountId).executeTakeFirst();
    return totp?.confirmed_at ? 'second_factor' : 'enrolment';
  }
  return stageAfterSecondFactor(db, options);
}

export async function stageAfterSecondFactor(
  db: Kysely<DB>,
  options: { accountId: number; now: Date; maxAgeDays: number },
): Promise<SessionStage> {
  return (await needsPasswordChange(db, options.accountId, options.now, options.maxAgeDays)) ? 'password_change' : 'full';
}
