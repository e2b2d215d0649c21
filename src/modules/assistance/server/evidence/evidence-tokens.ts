import { createHash, randomBytes } from 'node:crypto';

/**
 * One-time download tokens for 佐证材料. Opening a file states a reason in a
 * POST body (audited); the answer is a token, and the browser's new tab
 * fetches the bytes with `?token=` — so the reason, personal context, never
 * travels in a URL that proxies and access logs keep (PIPL 第五十一条; 等保
 * 三级 8.1.4.3 on protecting personal information in transit and in logs).
 *
 * A token is 32 random bytes (base64url), bound to the account and the file it
 * was issued for, valid for EVIDENCE_TOKEN_TTL_MS and spent by its first
 * presentation, whoever presents it. Only its SHA-256 is held, in memory, one
 * store per app instance (keyed by the instance's platform object, as the
 * self-test limiter is): a token must be redeemed by the process that issued
 * it, which holds while the console runs one process (PGlite, or one server
 * before PostgreSQL); several processes behind a balancer need sticky sessions
 * or a table.
 */

/** A minute: the new tab asks at once; a token found later in a log or a history is dead. */
export const EVIDENCE_TOKEN_TTL_MS = 60_000;
const TOKEN_BYTES = 32;
/** More live tokens than this is a client opening files in a loop: the oldest go first. */
const MAX_LIVE_TOKENS = 10_000;

export type EvidenceGrant = { accountId: number; householdId: number; fileId: number };

type Held = EvidenceGrant & { expiresAt: number };

const stores = new WeakMap<object, Map<string, Held>>();

const storeOf = (platform: object): Map<string, Held> => {
  let store = stores.get(platform);
  if (!store) {
    store = new Map();
    stores.set(platform, store);
  }
  return store;
};

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A Map iterates in insertion order and every token lives as long, so the
 * expired ones are at the front: drop them, and the oldest live ones while the
 * store is full, stopping at the first token that stays.
 */
function dropExpired(store: Map<string, Held>, now: number): void {
  for (const [key, held] of store) {
    if (held.expiresAt > now && store.size < MAX_LIVE_TOKENS) break;
    store.delete(key);
  }
}

/** Issues a token for `grant`, valid until the returned time. */
export function issueEvidenceToken(platform: object, grant: EvidenceGrant, now: Date): { token: string; expiresAt: Date } {
  const store = storeOf(platform);
  dropExpired(store, now.getTime());
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  const expiresAt = now.getTime() + EVIDENCE_TOKEN_TTL_MS;
  store.set(digest(token), { ...grant, expiresAt });
  return { token, expiresAt: new Date(expiresAt) };
}

/**
 * Spends `token`: true only when it is live and was issued to this account
 * for this file. Any presentation spends it, a refused one too (a token that
 * reached the wrong hands is dead for them and for its owner alike).
 */
export function redeemEvidenceToken(platform: object, token: string, presented: EvidenceGrant, now: Date): boolean {
  const store = storeOf(platform);
  const key = digest(token);
  const held = store.get(key);
  if (!held) return false;
  store.delete(key);
  return (
    held.expiresAt > now.getTime() &&
    held.accountId === presented.accountId &&
    held.householdId === presented.householdId &&
    held.fileId === presented.fileId
  );
}
