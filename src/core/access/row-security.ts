import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { subtreeRange } from '../org/tree';

/** The role request transactions run as; it owns no table (migration 1020). */
export const APP_ROLE = 'gonghui_app';

/**
 * Switches the transaction to the application role and sets the caller's
 * subtree for row-level security. Both are transaction-local (`set local`,
 * `set_config(…, true)`), so nothing leaks to the next user of a pooled
 * connection. Policies read the two settings through `nullif(…, '')`: when no
 * scope is set they compare with NULL and match no row — they fail closed.
 */
export async function enterCallerScope(tx: Transaction<DB>, rootPath: string, accountId?: number): Promise<void> {
  const { from, to } = subtreeRange(rootPath);
  // The account, for rows that belong to one person rather than to a union (their notifications).
  const account = accountId === undefined ? '' : String(accountId);
  await sql`select set_config('gonghui.scope_from', ${from}, true), set_config('gonghui.scope_to', ${to}, true), set_config('gonghui.account_id', ${account}, true)`.execute(tx);
  await sql.raw(`set local role ${APP_ROLE}`).execute(tx);
}

/**
 * Platform-wide scope, for kernel jobs that act for the whole tree (the demo
 * seed, migrations of data). Paths are digits and dots, all inside ['0', ':').
 */
export async function enterPlatformScope(tx: Transaction<DB>): Promise<void> {
  await sql`select set_config('gonghui.scope_from', '0', true), set_config('gonghui.scope_to', ':', true)`.execute(tx);
}
