import type { z } from 'zod';
import { AppError } from '../../../../core/http/errors';
import type { RequestContext } from '../../../../core/http/request-context';
import type { TOrgChangeResult, ZMoveOrgRequest } from '../../contract';
import { childTypeProblem } from '../../type-rules';
import { dateOfRecord, lockUnitInScope, refuseInsideSubtree, refuseOwnUnit, requireActive } from '../org-units';
import { getOrgDetail } from '../queries/get-org-detail';
import { moveSubtree } from '../tree-changes';

/**
 * 调整隶属关系: moves a unit with its whole subtree under another active unit
 * in the caller's scope. Not the caller's own unit (a higher-level union does
 * that), not under itself or its own subtree, and only where its type may sit.
 * Moving a unit to the parent it already has changes nothing (and is recorded so).
 */
export async function moveOrg(ctx: RequestContext, id: number, request: z.output<typeof ZMoveOrgRequest>): Promise<TOrgChangeResult> {
  const unit = await lockUnitInScope(ctx, id);
  refuseOwnUnit(ctx, unit, '调整本组织的隶属关系');
  requireActive(unit);
  const parent = await lockUnitInScope(ctx, request.parentId, 'parentId');
  refuseInsideSubtree(unit, parent, 'parentId', `不能将「${unit.name}」调整到其自身或其下级组织之下`);
  requireActive(parent, 'parentId', '新的上级组织');
  const on = dateOfRecord(ctx, request.on, 'on', '调整日期');

  const fromParentId = unit.parent_id;
  let movedUnits = 0;
  if (fromParentId !== parent.id) {
    const problem = childTypeProblem(parent.type, unit.type);
    if (problem) throw new AppError('VALIDATION_FAILED', problem, { field: 'parentId' });
    movedUnits = await moveSubtree(ctx, unit, parent, on);
  }
  await ctx.audit({
    action: 'orgs.move',
    category: 'write',
    targetType: 'org_unit',
    targetId: unit.id,
    details: { fromParentId, toParentId: parent.id, on, movedUnits, changed: movedUnits > 0 },
  });
  return { unit: await getOrgDetail(ctx, unit.id), movedUnits, handedOver: [] };
}
