import { sql } from 'kysely';
import { orgPathInScope } from '../../../../core/access/scope';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import type { TOrgChildren } from '../../contract';
import { selectOrgNodes, toOrgNode } from './org-node';

export type OrgChildrenQuery = { parentId?: number | undefined; q?: string | undefined; after?: string | undefined; limit: number };

/**
 * The children of a unit in the caller's scope, a page at a time in
 * (sort_order, id) order with a keyset cursor, optionally only those whose
 * name contains `q`. Without a parent: the caller's own unit.
 */
export async function findOrgChildren(ctx: RequestContext, query: OrgChildrenQuery): Promise<TOrgChildren> {
  const { parentId, limit } = query;
  if (parentId === undefined) {
    const root = await selectOrgNodes(ctx.db).where('org_unit.id', '=', requireUser(ctx).org.id).executeTakeFirstOrThrow();
    return { items: [toOrgNode(root)], total: 1, nextCursor: null };
  }
  await orgPathInScope(ctx, parentId);
  const q = query.q?.trim() || undefined;
  const after = query.after?.split('.').map(Number);

  let page = selectOrgNodes(ctx.db).where('org_unit.parent_id', '=', parentId);
  let count = ctx.db.selectFrom('org_unit').select((eb) => eb.fn.countAll<number>().as('count')).where('parent_id', '=', parentId);
  if (q) {
    page = page.where(sql<boolean>`strpos(org_unit.name, ${q}) > 0`);
    count = count.where(sql<boolean>`strpos(org_unit.name, ${q}) > 0`);
  }
  if (after) {
    const [sortOrder, id] = after as [number, number];
    page = page.where((eb) => eb(eb.refTuple('org_unit.sort_order', 'org_unit.id'), '>', eb.tuple(sortOrder, id)));
  }
  const [rows, total] = await Promise.all([
    page.orderBy('org_unit.sort_order').orderBy('org_unit.id').limit(limit + 1).execute(),
    count.executeTakeFirstOrThrow(),
  ]);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(toOrgNode),
    total: Number(total.count),
    nextCursor: rows.length > limit && last ? `${last.sort_order}.${last.id}` : null,
  };
}
