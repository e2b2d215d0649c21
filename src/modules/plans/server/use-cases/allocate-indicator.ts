import type { z } from 'zod';
import { AppError } from '../../../../core/http/errors';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import type { TAllocationState, ZAllocateRequest } from '../../contract';
import { loadPlan, requireConfirmed, requireParticipant } from '../plan-access';
import { getAllocationState, loadIndicator } from '../queries/allocation-state';

/**
 * 分解指标: the union the user acts for sets the shares of a numeric indicator
 * it passes to the unions it issued the plan to (all its allocations of this
 * indicator are replaced). The sum may differ from its own target; falling
 * short comes back as a warning (allocation-warning.ts), never a refusal.
 */
export async function allocateIndicator(ctx: RequestContext, indicatorId: number, request: z.output<typeof ZAllocateRequest>): Promise<TAllocationState> {
  const user = requireUser(ctx);
  const { indicator, measure } = await loadIndicator(ctx, indicatorId);
  const plan = await loadPlan(ctx, indicator.plan_id);
  requireConfirmed(plan, '分解指标');
  await requireParticipant(ctx, plan, '分解指标');
  if (!user.org.path.startsWith(measure.org_path)) throw new AppError('CONFLICT', '该指标所属措施不适用于本单位');

  const recipients = await ctx.db
    .selectFrom('plans_issue')
    .select(['to_org_unit_id', 'to_path'])
    .where('plan_id', '=', plan.id)
    .where('from_org_unit_id', '=', user.org.id)
    .execute();
  const seen = new Set<number>();
  for (const [index, allocation] of request.allocations.entries()) {
    const field = `allocations.${index}.orgUnitId`;
    if (seen.has(allocation.orgUnitId)) throw new AppError('VALIDATION_FAILED', '同一单位只能填写一个分解数', { field });
    seen.add(allocation.orgUnitId);
    if (!recipients.some((recipient) => recipient.to_org_unit_id === allocation.orgUnitId)) {
      throw new AppError('VALIDATION_FAILED', '只能向本单位已下发的单位分解指标，请先下发', { field });
    }
  }
  await ctx.db.deleteFrom('plans_allocation').where('indicator_id', '=', indicator.id).where('from_org_unit_id', '=', user.org.id).execute();
  if (request.allocations.length > 0) {
    const now = ctx.now();
    await ctx.db
      .insertInto('plans_allocation')
      .values(
        request.allocations.map((allocation) => ({
          indicator_id: indicator.id,
          to_org_unit_id: allocation.orgUnitId,
          plan_id: plan.id,
          from_org_unit_id: user.org.id,
          from_path: user.org.path,
          to_path: recipients.find((recipient) => recipient.to_org_unit_id === allocation.orgUnitId)!.to_path,
          value: allocation.value,
          updated_at: now,
          updated_by: user.account.id,
        })),
      )
      .execute();
  }
  const state = await getAllocationState(ctx, indicator.id);
  await ctx.audit({
    action: 'plans.allocate',
    category: 'write',
    targetType: 'plans_indicator',
    targetId: indicator.id,
    details: { planId: plan.id, units: request.allocations.length, allocated: state.allocated, target: state.target, underAllocated: state.isUnderAllocated },
  });
  return state;
}
