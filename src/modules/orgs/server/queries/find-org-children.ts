import { orgPathInScope } from '../../../../core/access/scope';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import type { TOrgChildren } from '../../contract';
import { selectOrgNodes, toOrgNode } from './org-node';

const PAGE = 500;

/** The children of a unit in the caller's scope; without a parent, the caller's own unit. */
export async function findOrgChildren(ctx: RequestContext, parentId: number | undefined): Promise<TOrgChildren> {
  if (parentId === undefined) {
    const root = await selectOrgNodes(ctx.db).where('org_unit.id', '=', requireUser(ctx).org.id).executeTakeFirstOrThrow();
    return { items: [toOrgNode(root)], total: 1 };
  }
  await orgPathInScope(ctx, parentId);
  const [rows, total] = await Promise.all([
    selectOrgNodes(ctx.db)
      .where('org_unit.parent_id', '=', parentId)
      .orderBy('org_unit.sort_order')
      .orderBy('org_unit.id')
      .limit(PAGE)
      .execute(),
    ctx.db
      .selectFrom('org_unit')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('parent_id', '=', parentId)
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toOrgNode), total: Number(total.count) };
}
