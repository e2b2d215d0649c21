import { sql } from 'kysely';
import { permissionsFor } from '../access/roles';
import type { Executor } from '../db/transaction';

/** Who receives a notification: named accounts, or the accounts that hold a permission at a union. */
export type NotificationRecipients = { accountIds: readonly number[] } | { orgUnitId: number; permission: string };

export type NotificationInput = NotificationRecipients & {
  /** The module that sends it (`plans`). */
  module: string;
  /** What it is about, for filtering and tests (`plans.supervision.issued`). */
  kind: string;
  title: string;
  body?: string;
  /** A path within the console, e.g. `/plans/12?tab=supervision`. */
  link?: string | null;
  /** The time it is sent (the request's clock). */
  at: Date;
};

/**
 * The active accounts whose roles at `orgUnitId` itself grant `permission`.
 * A role held above the union also covers it, but its staff are the ones a
 * message to "the union" is for: the province's clerks are not told of every
 * county's reminder. role_assignment carries no row-level security, so this
 * works from any caller's transaction (a county notifying its city).
 */
export async function accountsWithPermissionAt(db: Executor, orgUnitId: number, permission: string): Promise<number[]> {
  const rows = await db
    .selectFrom('role_assignment as r')
    .innerJoin('account as a', 'a.id', 'r.account_id')
    .select(['r.account_id', 'r.role'])
    .where('r.org_unit_id', '=', orgUnitId)
    .where('a.status', '=', 'active')
    .execute();
  const roles = new Map<number, string[]>();
  for (const row of rows) roles.set(row.account_id, [...(roles.get(row.account_id) ?? []), row.role]);
  return [...roles]
    .filter(([, held]) => permissionsFor(held, [permission]).has(permission))
    .map(([accountId]) => accountId)
    .sort((a, b) => a - b);
}

/**
 * Sends an in-app notification to each recipient, inside the caller's
 * transaction: it is there when the change it reports commits, and nowhere
 * when that change rolls back. Answers the accounts notified (none is not an
 * error: a union may have nobody holding the permission yet).
 */
export async function notify(db: Executor, input: NotificationInput): Promise<number[]> {
  const accountIds =
    'accountIds' in input ? [...new Set(input.accountIds)].sort((a, b) => a - b) : await accountsWithPermissionAt(db, input.orgUnitId, input.permission);
  if (accountIds.length === 0) return [];
  await db
    .insertInto('notification')
    .values(
      accountIds.map((accountId) => ({
        account_id: accountId,
        module: input.module,
        kind: input.kind,
        title: input.title,
        body: input.body ?? '',
        link: input.link ?? null,
        created_at: input.at,
      })),
    )
    .execute();
  return accountIds;
}

/** How many unread notifications an account has. */
export async function unreadCount(db: Executor, accountId: number): Promise<number> {
  const row = await db
    .selectFrom('notification')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('account_id', '=', accountId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}
