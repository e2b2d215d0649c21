import type { Expression, SqlBool } from 'kysely';
import { notFound } from '../http/errors';
import { type RequestContext, requireUser } from '../http/request-context';
import { subtreeOf } from '../org/tree';

/**
 * The caller's data scope: the subtree of the org unit they act for.
 * Rows outside it do not exist for them (404, not 403: no existence leak).
 */
export const inCallerScope = (ctx: RequestContext, pathColumn: string): Expression<SqlBool> =>
  subtreeOf(pathColumn, requireUser(ctx).org.path);

/** The path of an org unit inside the caller's scope; NOT_FOUND otherwise. */
export async function orgPathInScope(ctx: RequestContext, orgUnitId: number): Promise<string> {
  const row = await ctx.db
    .selectFrom('org_unit')
    .select('path')
    .where('id', '=', orgUnitId)
    .where(inCallerScope(ctx, 'org_unit.path'))
    .executeTakeFirst();
  if (!row) {
    throw notFound('组织');
  }
  return row.path;
}
