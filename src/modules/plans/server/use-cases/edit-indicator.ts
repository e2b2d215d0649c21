import type { z } from 'zod';
import { notFound } from '../../../../core/http/errors';
import type { RequestContext } from '../../../../core/http/request-context';
import type { TPlanDetail, ZEditIndicatorRequest } from '../../contract';
import { getPlanDetail } from '../queries/get-plan-detail';
import { lockMeasureForEdit } from '../structure/lock-measure-for-edit';

/** 修改指标: value, 左右, comparator, unit, subject, period or source; fields left out stay. */
export async function editIndicator(ctx: RequestContext, id: number, request: z.output<typeof ZEditIndicatorRequest>): Promise<TPlanDetail> {
  const indicator = await ctx.db.selectFrom('plans_indicator').select(['id', 'measure_id']).where('id', '=', id).executeTakeFirst();
  if (!indicator) throw notFound('指标');
  const { plan, touch } = await lockMeasureForEdit(ctx, indicator.measure_id, request.version);
  const values = {
    ...(request.value !== undefined ? { value: request.value } : {}),
    ...(request.approx !== undefined ? { approx: request.approx } : {}),
    ...(request.comparator !== undefined ? { comparator: request.comparator } : {}),
    ...(request.unit !== undefined ? { unit: request.unit } : {}),
    ...(request.subject !== undefined ? { subject: request.subject } : {}),
    ...(request.period !== undefined ? { period: request.period } : {}),
    ...(request.source !== undefined ? { source: request.source } : {}),
  };
  if (Object.keys(values).length > 0) await ctx.db.updateTable('plans_indicator').set(values).where('id', '=', id).execute();
  await touch();
  await ctx.audit({ action: 'plans.edit-indicator', category: 'write', targetType: 'plans_indicator', targetId: id, details: { planId: plan.id, changed: Object.keys(values) } });
  return getPlanDetail(ctx, plan.id);
}
