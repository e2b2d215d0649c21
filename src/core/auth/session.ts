import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB, SessionStage } from '../db/schema';

/**
 * Server-side sessions. The cookie holds 32 random bytes; the table holds
 * only their SHA-256, so a copy of the table opens no session. A session ends
 * when idle too long, when too old, or when revoked (logout).
 */
export const SESSION_COOKIE = 'gh_session';

export type SessionLimits = { idleMinutes: number; maxHours: number };

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(
  db: Kysely<DB>,
  options: {
    accountId: number;
    orgUnitId: number;
    stage: SessionStage;
    ip: string;
    userAgent: string | null;
    now: Date;
    limits: SessionLimits;
  },
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('auth_session')
    .values({
      token_hash: hashToken(token),
      account_id: options.accountId,
      org_unit_id: options.orgUnitId,
      stage: options.stage,
      created_at: options.now,
      last_seen_at: options.now,
      expires_at: new Date(options.now.getTime() + options.limits.maxHours * 3_600_000),
      ip: options.ip,
      user_agent: options.userAgent?.slice(0, 500) ?? null,
    })
    .execute();
  return token;
}

export type ActiveSession = { tokenHash: string; accountId: number; orgUnitId: number; stage: SessionStage };

// Touching last_seen_at on every request would write on every read; a minute's slack is enough.
const TOUCH_AFTER_MS = 60_000;

/** The live session for a cookie token, or null; refreshes its idle timer. */
export async function resumeSession(
  db: Kysely<DB>,
  token: string,
  now: Date,
  limits: SessionLimits,
): Promise<ActiveSession | null> {
  const tokenHash = hashToken(token);
  const row = await db
    .selectFrom('auth_session')
    .innerJoin('account', 'account.id', 'auth_session.account_id')
    .select([
      'auth_session.account_id',
      'auth_session.org_unit_id',
      'auth_session.stage',
      'auth_session.last_seen_at',
      'auth_session.expires_at',
    ])
    .where('auth_session.token_hash', '=', tokenHash)
    .where('auth_session.revoked_at', 'is', null)
    .where('account.status', '=', 'active')
    .executeTakeFirst();
  if (!row) {
    return null;
  }
  const idleDeadline = row.last_seen_at.getTime() + limits.idleMinutes * 60_000;
  if (now.getTime() >= row.expires_at.getTime() || now.getTime() >= idleDeadline) {
    return null;
  }
  if (now.getTime() - row.last_seen_at.getTime() > TOUCH_AFTER_MS) {
    await db.updateTable('auth_session').set({ last_seen_at: now }).where('token_hash', '=', tokenHash).execute();
  }
  return { tokenHash, accountId: row.account_id, orgUnitId: row.org_unit_id, stage: row.stage };
}

export async function revokeSession(db: Kysely<DB>, tokenHash: string, now: Date): Promise<void> {
  await db.updateTable('auth_session').set({ revoked_at: now }).where('token_hash', '=', tokenHash).execute();
}

export async function switchSessionOrg(db: Kysely<DB>, tokenHash: string, orgUnitId: number): Promise<void> {
  await db.updateTable('auth_session').set({ org_unit_id: orgUnitId }).where('token_hash', '=', tokenHash).execute();
}

export async function setSessionStage(db: Kysely<DB>, tokenHash: string, stage: SessionStage): Promise<void> {
  await db.updateTable('auth_session').set({ stage }).where('token_hash', '=', tokenHash).execute();
}

/** Ends every session of an account (password change, lockout by an administrator). */
export async function revokeAllSessions(db: Kysely<DB>, accountId: number, now: Date): Promise<void> {
  await db
    .updateTable('auth_session')
    .set({ revoked_at: now })
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .execute();
}
