import { notFound } from '../http/errors';
import { type RequestContext, requireUser } from '../http/request-context';
import type { TMarkReadResult } from './contract';
import { unreadCount } from './notify';

/** Marks one of the caller's notifications read (again is harmless); another account's is not found. */
export async function markNotificationRead(ctx: RequestContext, id: number): Promise<TMarkReadResult> {
  const accountId = requireUser(ctx).account.id;
  const row = await ctx.db.selectFrom('notification').select(['id', 'read_at']).where('id', '=', id).where('account_id', '=', accountId).executeTakeFirst();
  if (!row) throw notFound('通知');
  if (row.read_at === null) await ctx.db.updateTable('notification').set({ read_at: ctx.now() }).where('id', '=', id).execute();
  return { unread: await unreadCount(ctx.db, accountId) };
}

/** Marks every unread notification of the caller read. */
export async function markAllNotificationsRead(ctx: RequestContext): Promise<TMarkReadResult> {
  const accountId = requireUser(ctx).account.id;
  await ctx.db.updateTable('notification').set({ read_at: ctx.now() }).where('account_id', '=', accountId).where('read_at', 'is', null).execute();
  return { unread: 0 };
}
