import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { afterFailure } from './sign-in-rules';

/**
 * Counts one failed attempt (password, second-factor code or current password)
 * against the account; returns true when this failure locked it.
 */
export async function countFailedAttempt(db: Kysely<DB>, accountId: number, failedSoFar: number, now: Date): Promise<boolean> {
  const next = afterFailure(failedSoFar, now);
  await db
    .updateTable('account')
    .set({ failed_sign_ins: next.failedSignIns, locked_until: next.lockedUntil })
    .where('id', '=', accountId)
    .execute();
  return next.lockedUntil !== null;
}

/** A successful attempt starts the count again. */
export async function clearFailedAttempts(db: Kysely<DB>, accountId: number): Promise<void> {
  await db.updateTable('account').set({ failed_sign_ins: 0, locked_until: null }).where('id', '=', accountId).execute();
}
