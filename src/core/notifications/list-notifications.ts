import type { z } from 'zod';
import { type RequestContext, requireUser } from '../http/request-context';
import type { TNotificationList, ZNotificationListQuery } from './contract';
import { unreadCount } from './notify';

/**
 * The caller's own notifications, newest first, keyset paged by id (a page
 * never shifts when new ones arrive), with the unread count over all pages.
 * Row-level security already limits the rows to the caller's account; the
 * condition is said again so a miss shows in review, not in production.
 */
export async function listNotifications(ctx: RequestContext, query: z.output<typeof ZNotificationListQuery>): Promise<TNotificationList> {
  const accountId = requireUser(ctx).account.id;
  let rows = ctx.db
    .selectFrom('notification')
    .select(['id', 'module', 'kind', 'title', 'body', 'link', 'created_at', 'read_at'])
    .where('account_id', '=', accountId)
    .orderBy('id', 'desc')
    .limit(query.limit + 1);
  if (query.before !== undefined) rows = rows.where('id', '<', query.before);
  const page = await rows.execute();
  const items = page.slice(0, query.limit);
  return {
    items: items.map((row) => ({
      id: row.id,
      module: row.module,
      kind: row.kind,
      title: row.title,
      body: row.body,
      link: row.link,
      createdAt: row.created_at.toISOString(),
      readAt: row.read_at?.toISOString() ?? null,
    })),
    unread: await unreadCount(ctx.db, accountId),
    nextBefore: page.length > query.limit ? items[items.length - 1]!.id : null,
  };
}
