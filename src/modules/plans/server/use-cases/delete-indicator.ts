import { notFound } from '../../../../core/http/errors';
import type { RequestContext } from '../../../../core/http/request-context';
import type { TPlanDetail } from '../../contract';
import { getPlanDetail } from '../queries/get-plan-detail';
import { lockMeasureForEdit } from '../structure/lock-measure-for-edit';

/** 删除指标 the parser read wrongly; the measure stays (a measure without indicators is a qualitative task). */
export async function deleteIndicator(ctx: RequestContext, id: number, version: number): Promise<TPlanDetail> {
  const indicator = await ctx.db.selectFrom('plans_indicator').select(['id', 'measure_id']).where('id', '=', id).executeTakeFirst();
  if (!indicator) throw notFound('指标');
  const { plan, touch } = await lockMeasureForEdit(ctx, indicator.measure_id, version);
  await ctx.db.deleteFrom('plans_indicator').where('id', '=', id).execute();
  await touch();
  await ctx.audit({ action: 'plans.delete-indicator', category: 'write', targetType: 'plans_indicator', targetId: id, details: { planId: plan.id } });
  return getPlanDetail(ctx, plan.id);
}
