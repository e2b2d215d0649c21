import type { z } from 'zod';
import { AppError } from '../../../../core/http/errors';
import type { RequestContext } from '../../../../core/http/request-context';
import type { TOrgChangeResult, ZDissolveOrgRequest } from '../../contract';
import { dateOfRecord, lockUnitInScope, refuseInsideSubtree, refuseOwnUnit, requireActive } from '../org-units';
import { getOrgDetail } from '../queries/get-org-detail';
import { handOver, markDissolved } from '../tree-changes';

/**
 * 撤销组织: dissolves a unit without active children (those are dissolved or
 * moved first). Whatever the modules keep at it — current memberships above all —
 * is handed over to a receiving union (default: the parent) in the same
 * transaction, so dissolving never loses a member; the unit stays in the tree,
 * marked dissolved as of `on`, for the record.
 */
export async function dissolveOrg(ctx: RequestContext, id: number, request: z.output<typeof ZDissolveOrgRequest>): Promise<TOrgChangeResult> {
  const unit = await lockUnitInScope(ctx, id);
  refuseOwnUnit(ctx, unit, '撤销本组织');
  requireActive(unit);
  const active = await ctx.db
    .selectFrom('org_unit')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('parent_id', '=', unit.id)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  if (Number(active.count) > 0) {
    throw new AppError('CONFLICT', `「${unit.name}」下还有 ${Number(active.count)} 个未撤销的下级组织，请先撤销或迁移下级组织`);
  }
  const receivingId = request.receivingUnitId ?? unit.parent_id;
  if (receivingId === null) {
    throw new AppError('VALIDATION_FAILED', '请选择接收会员的工会', { field: 'receivingUnitId' });
  }
  const receiving = await lockUnitInScope(ctx, receivingId, 'receivingUnitId');
  refuseInsideSubtree(unit, receiving, 'receivingUnitId', '接收会员的工会不能是被撤销的组织本身或其下级组织');
  requireActive(receiving, 'receivingUnitId', '接收会员的工会');
  const on = dateOfRecord(ctx, request.on, 'on', '撤销日期');

  const handedOver = await handOver(ctx, unit, receiving, 'dissolved', on);
  await markDissolved(ctx, unit, on, null);
  await ctx.audit({
    action: 'orgs.dissolve',
    category: 'write',
    targetType: 'org_unit',
    targetId: unit.id,
    details: { receivingUnitId: receiving.id, on, handedOver },
  });
  return { unit: await getOrgDetail(ctx, unit.id), movedUnits: 0, handedOver };
}
