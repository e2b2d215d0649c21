import type { z } from 'zod';
import { AppError } from '../../../../core/http/errors';
import type { RequestContext } from '../../../../core/http/request-context';
import type { TOrgChangeResult, ZMergeOrgRequest } from '../../contract';
import { childTypeProblem } from '../../type-rules';
import { dateOfRecord, lockUnitInScope, refuseInsideSubtree, refuseOwnUnit, requireActive, type UnitRow } from '../org-units';
import { getOrgDetail } from '../queries/get-org-detail';
import { handOver, markDissolved, moveSubtree } from '../tree-changes';

/**
 * 合并组织: unit A is merged into unit B (active, in the caller's scope, not in
 * A's subtree). A's children move under B with their subtrees (each a move the
 * modules follow), what the modules keep at A is handed over to B, and A ends
 * dissolved with `merged_into_id` = B. All in one transaction.
 */
export async function mergeOrg(ctx: RequestContext, id: number, request: z.output<typeof ZMergeOrgRequest>): Promise<TOrgChangeResult> {
  const unit = await lockUnitInScope(ctx, id);
  refuseOwnUnit(ctx, unit, '合并本组织');
  requireActive(unit);
  const into = await lockUnitInScope(ctx, request.intoId, 'intoId');
  refuseInsideSubtree(unit, into, 'intoId', `不能将「${unit.name}」合并到其自身或其下级组织`);
  requireActive(into, 'intoId', '合并到的工会');
  const on = dateOfRecord(ctx, request.on, 'on', '合并日期');

  const children: UnitRow[] = await ctx.db
    .selectFrom('org_unit')
    .select(['id', 'parent_id', 'path', 'depth', 'type', 'name', 'code', 'status', 'updated_at'])
    .where('parent_id', '=', unit.id)
    .orderBy('sort_order')
    .orderBy('id')
    .forUpdate()
    .execute();
  for (const child of children) {
    const problem = childTypeProblem(into.type, child.type);
    if (problem) {
      throw new AppError('VALIDATION_FAILED', `下级组织「${child.name}」不能随合并转入「${into.name}」：${problem}`, { field: 'intoId' });
    }
  }
  let movedUnits = 0;
  for (const child of children) {
    movedUnits += await moveSubtree(ctx, child, into, on);
  }
  const handedOver = await handOver(ctx, unit, into, 'merged', on);
  await markDissolved(ctx, unit, on, into.id);
  await ctx.audit({
    action: 'orgs.merge',
    category: 'write',
    targetType: 'org_unit',
    targetId: unit.id,
    details: { intoId: into.id, on, movedChildren: children.length, movedUnits, handedOver },
  });
  return { unit: await getOrgDetail(ctx, unit.id), movedUnits, handedOver };
}
