import type { z } from 'zod';
import { AppError } from '../../../../core/http/errors';
import type { RequestContext } from '../../../../core/http/request-context';
import { subtreeOf } from '../../../../core/org/tree';
import type { TPlanDetail, ZAssignMeasureRequest } from '../../contract';
import { checkVersion, loadMeasure, loadPlan, ownsPlanSide } from '../plan-access';
import { getPlanDetail } from '../queries/get-plan-detail';
import { checkCalendarDay } from '../structure/plan-fields';
import { STALE_MEASURE } from '../structure/lock-measure-for-edit';

/**
 * 分工: a measure's lead department (牵头), co-owners (配合), responsible
 * unions (the unions expected to report: the measure's union or unions below
 * it), deadline and reporting cadence — replaced as a whole, at the measure's
 * version. The union whose measure it is decides (or one above it); the
 * assignment stays editable after confirmation and issuing.
 */
export async function assignMeasure(ctx: RequestContext, id: number, request: z.output<typeof ZAssignMeasureRequest>): Promise<TPlanDetail> {
  const found = await loadMeasure(ctx, id);
  const plan = await loadPlan(ctx, found.plan_id);
  if (!ownsPlanSide(ctx, found.org_path)) {
    throw new AppError('FORBIDDEN', '只有制定该措施的单位可以分工');
  }
  const measure = await loadMeasure(ctx, id, { lock: true });
  checkVersion(request.version, measure.version, STALE_MEASURE);
  if (request.deadline) checkCalendarDay(request.deadline, 'deadline', '完成时限');

  const ids = [...new Set(request.responsibleOrgUnitIds)];
  const units = ids.length === 0 ? [] : await ctx.db
    .selectFrom('org_unit')
    .select(['id', 'name', 'status'])
    .where('id', 'in', ids)
    .where(subtreeOf('org_unit.path', measure.org_path))
    .execute();
  for (const [index, unitId] of request.responsibleOrgUnitIds.entries()) {
    const unit = units.find((candidate) => candidate.id === unitId);
    const field = `responsibleOrgUnitIds.${index}`;
    if (!unit) throw new AppError('VALIDATION_FAILED', '责任单位须为制定措施的单位或其下级单位', { field });
    if (unit.status !== 'active') throw new AppError('VALIDATION_FAILED', `责任单位「${unit.name}」已撤销`, { field });
  }

  await ctx.db
    .updateTable('plans_measure')
    .set({
      lead_department: request.leadDepartment,
      co_owners: JSON.stringify([...new Set(request.coOwners)]),
      deadline: request.deadline,
      cadence: request.cadence,
      version: measure.version + 1,
      updated_at: ctx.now(),
    })
    .where('id', '=', measure.id)
    .execute();
  await ctx.db.deleteFrom('plans_measure_unit').where('measure_id', '=', measure.id).execute();
  if (ids.length > 0) {
    await ctx.db
      .insertInto('plans_measure_unit')
      .values(ids.map((orgUnitId) => ({ measure_id: measure.id, org_unit_id: orgUnitId, plan_id: plan.id, org_path: measure.org_path })))
      .execute();
  }
  await ctx.audit({
    action: 'plans.assign',
    category: 'write',
    targetType: 'plans_measure',
    targetId: measure.id,
    details: { planId: plan.id, responsibleUnits: ids.length, deadline: request.deadline, cadence: request.cadence },
  });
  return getPlanDetail(ctx, plan.id);
}
