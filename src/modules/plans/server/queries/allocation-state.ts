import { AppError, notFound } from '../../../../core/http/errors';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import type { TAllocationState } from '../../contract';
import { loadMeasure, loadPlan, type MeasureRow, type PlanRow } from '../plan-access';
import { toNumber } from './plan-tree';
import { allocationWarning } from '../rollup/allocation-warning';

export type IndicatorRow = { id: number; measure_id: number; plan_id: number; value: string; subject: string; unit: string };

/** An indicator the caller sees, with its measure and plan. */
export async function loadIndicator(ctx: RequestContext, id: number): Promise<{ indicator: IndicatorRow; measure: MeasureRow; plan: PlanRow }> {
  const indicator = await ctx.db
    .selectFrom('plans_indicator')
    .select(['id', 'measure_id', 'plan_id', 'value', 'subject', 'unit'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!indicator) throw notFound('指标');
  const measure = await loadMeasure(ctx, indicator.measure_id);
  const plan = await loadPlan(ctx, measure.plan_id);
  return { indicator, measure, plan };
}

/**
 * An indicator's target at union `orgUnitId` (the measure's own union: the
 * indicator's value; a union below it: the share allocated to it, null when
 * none was), and what it passed on to each union it issued the plan to.
 */
export async function getAllocationState(ctx: RequestContext, indicatorId: number, orgUnitId = requireUser(ctx).org.id): Promise<TAllocationState> {
  const { indicator, measure } = await loadIndicator(ctx, indicatorId);
  const unit = await ctx.db.selectFrom('org_unit').select(['id', 'name', 'path']).where('id', '=', orgUnitId).executeTakeFirstOrThrow();
  if (!unit.path.startsWith(measure.org_path)) {
    throw new AppError('CONFLICT', '该指标所属措施不适用于本单位');
  }
  const [received, recipients, given] = await Promise.all([
    ctx.db.selectFrom('plans_allocation').select('value').where('indicator_id', '=', indicator.id).where('to_org_unit_id', '=', unit.id).executeTakeFirst(),
    ctx.db
      .selectFrom('plans_issue as i')
      .innerJoin('org_unit as o', 'o.id', 'i.to_org_unit_id')
      .select(['o.id', 'o.name'])
      .where('i.plan_id', '=', indicator.plan_id)
      .where('i.from_org_unit_id', '=', unit.id)
      .orderBy('o.path')
      .execute(),
    ctx.db.selectFrom('plans_allocation').select(['to_org_unit_id', 'value']).where('indicator_id', '=', indicator.id).where('from_org_unit_id', '=', unit.id).execute(),
  ]);
  const target = measure.org_unit_id === unit.id ? toNumber(indicator.value) : received ? toNumber(received.value) : null;
  const share = new Map(given.map((row) => [row.to_org_unit_id, toNumber(row.value)]));
  const allocated = given.reduce((sum, row) => sum + toNumber(row.value), 0);
  const warning = allocationWarning({ target, allocated, recipients: recipients.length, unit: indicator.unit });
  return {
    indicatorId: indicator.id,
    orgUnit: { id: unit.id, name: unit.name },
    target,
    allocated,
    remaining: target === null ? null : target - allocated,
    isUnderAllocated: warning.isUnderAllocated,
    warning: warning.message,
    allocations: recipients.map((recipient) => ({ orgUnit: { id: recipient.id, name: recipient.name }, value: share.get(recipient.id) ?? null })),
  };
}
