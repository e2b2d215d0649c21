import { orgPathInScope } from '../../../../core/access/scope';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import { sql } from 'kysely';
import { subtreeOf } from '../../../../core/org/tree';
import type { TOrgSummary } from '../../contract';
import { selectOrgNodes, toOrgNode } from './org-node';

const GRASSROOTS_TYPES = ['grassroots', 'joint_grassroots'];

/**
 * Unit counts by type and grassroots units per direct child, for the home page.
 * Each query is a range scan of the path index over the subtree.
 */
export async function getOrgSummary(ctx: RequestContext, rootId: number | undefined): Promise<TOrgSummary> {
  const rootPath = rootId === undefined ? requireUser(ctx).org.path : await orgPathInScope(ctx, rootId);
  const root = await selectOrgNodes(ctx.db).where('org_unit.path', '=', rootPath).executeTakeFirstOrThrow();

  const [byType, employees, children] = await Promise.all([
    ctx.db
      .selectFrom('org_unit')
      .select(['type', (eb) => eb.fn.countAll<number>().as('count')])
      .where(subtreeOf('org_unit.path', rootPath))
      .where('status', '=', 'active')
      .groupBy('type')
      .orderBy('count', 'desc')
      .execute(),
    ctx.db
      .selectFrom('org_unit')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('employee_count'), eb.lit(0)).as('total'))
      .where(subtreeOf('org_unit.path', rootPath))
      .where('type', 'in', GRASSROOTS_TYPES)
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('org_unit')
      .select(['id', 'name', 'path'])
      .where('parent_id', '=', root.id)
      .orderBy('sort_order')
      .orderBy('id')
      .execute(),
  ]);

  // Grassroots units under each direct child: group the subtree by the child's path prefix.
  // Integer literals (not parameters) so the SELECT and GROUP BY expressions are the same text.
  const childPrefix = sql<string>`left(path, ${sql.lit(rootPath.length)} + position('.' in substr(path, ${sql.lit(rootPath.length + 1)})))`;
  const grassroots = await ctx.db
    .selectFrom('org_unit')
    .select([childPrefix.as('child_path'), (eb) => eb.fn.countAll<number>().as('count')])
    .where(subtreeOf('org_unit.path', rootPath))
    .where('path', '!=', rootPath)
    .where('type', 'in', GRASSROOTS_TYPES)
    .where('status', '=', 'active')
    .groupBy(childPrefix)
    .execute();
  const counts = new Map(grassroots.map((row) => [row.child_path, Number(row.count)]));

  return {
    root: toOrgNode(root),
    unitCount: byType.reduce((sum, row) => sum + Number(row.count), 0),
    byType: byType.map((row) => ({ type: row.type, count: Number(row.count) })),
    employeeCount: Number(employees.total),
    byChild: children.map((child) => ({ id: child.id, name: child.name, grassroots: counts.get(child.path) ?? 0 })),
  };
}
