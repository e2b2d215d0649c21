import { sql } from 'kysely';
import type { RequestContext } from '../../../core/http/request-context';
import type { HandoverResult, UnitHandover } from '../../../core/org/org-changes';
import { childPath, subtreeRange } from '../../../core/org/tree';
import { nextSortOrder, nextUpdatedAt, type UnitRow } from './org-units';

const actorOf = (ctx: RequestContext) => ctx.user?.account.id ?? null;

/**
 * Moves `unit` with its whole subtree under `parent`: every path in the
 * subtree is rewritten in one statement (the index range of the old root), the
 * depths shift by the same amount, and the root gets its new parent and the
 * last place among the new siblings. Then every module's listener follows the
 * move in the same transaction. Returns how many units moved.
 *
 * The unique index on `path` is checked row by row, yet no intermediate state
 * collides: a new path ends in the same ids as the old one, and the last id of
 * any path is that unit's own, so a new path can only equal its own old path.
 */
export async function moveSubtree(ctx: RequestContext, unit: UnitRow, parent: UnitRow, on: string): Promise<number> {
  const fromPath = unit.path;
  const toPath = childPath(parent.path, unit.id);
  const { from, to } = subtreeRange(fromPath);
  const delta = parent.depth + 1 - unit.depth;
  const moved = await ctx.db
    .updateTable('org_unit')
    .set({
      path: sql<string>`${toPath} || substr(path, ${fromPath.length + 1})`,
      depth: sql<number>`depth + ${delta}`,
    })
    .where('path', '>=', from)
    .where('path', '<', to)
    .executeTakeFirst();
  await ctx.db
    .updateTable('org_unit')
    .set({ parent_id: parent.id, sort_order: await nextSortOrder(ctx, parent.id), updated_at: nextUpdatedAt(ctx, unit.updated_at) })
    .where('id', '=', unit.id)
    .execute();
  // The employer registry (core table) keeps its responsible union's path.
  await ctx.db
    .updateTable('employer_unit')
    .set({ responsible_path: sql<string>`${toPath} || substr(responsible_path, ${fromPath.length + 1})` })
    .where('responsible_path', '>=', from)
    .where('responsible_path', '<', to)
    .execute();
  for (const listener of ctx.platform.orgListeners) {
    await listener.subtreeMoved?.(ctx.db, { unitId: unit.id, fromPath, toPath, on, actorAccountId: actorOf(ctx) });
  }
  return Number(moved.numUpdatedRows);
}

/** Every module hands what it keeps at `from` over to `to`; the counts, by label, for the response and the audit trail. */
export async function handOver(
  ctx: RequestContext,
  from: UnitRow,
  to: UnitRow,
  kind: UnitHandover['kind'],
  on: string,
): Promise<HandoverResult[]> {
  const results: HandoverResult[] = [];
  // Employers this unit was responsible for go to the receiving union; an employer whose own union
  // is dissolved is no longer covered (建会率), one whose union merged is covered by the merged union.
  await ctx.db
    .updateTable('employer_unit')
    .set({ responsible_org_unit_id: to.id, responsible_path: to.path })
    .where('responsible_org_unit_id', '=', from.id)
    .execute();
  await ctx.db
    .updateTable('employer_unit')
    .set({ union_org_unit_id: kind === 'merged' ? to.id : null })
    .where('union_org_unit_id', '=', from.id)
    .execute();
  for (const listener of ctx.platform.orgListeners) {
    const result = await listener.unitHandedOver?.(ctx.db, {
      from: { id: from.id, path: from.path },
      to: { id: to.id, path: to.path },
      kind,
      on,
      actorAccountId: actorOf(ctx),
    });
    if (result) results.push(result);
  }
  return results;
}

/** Marks a unit dissolved (as of `on`), or merged into another. */
export async function markDissolved(ctx: RequestContext, unit: UnitRow, on: string, mergedIntoId: number | null): Promise<void> {
  await ctx.db
    .updateTable('org_unit')
    .set({ status: 'dissolved', dissolved_on: on, merged_into_id: mergedIntoId, updated_at: nextUpdatedAt(ctx, unit.updated_at) })
    .where('id', '=', unit.id)
    .execute();
}
