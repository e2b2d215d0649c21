import type { z } from 'zod';
import type { RequestContext } from '../../../../core/http/request-context';
import type { TPlanDetail, ZAddIndicatorRequest } from '../../contract';
import { getPlanDetail } from '../queries/get-plan-detail';
import { lockMeasureForEdit } from '../structure/lock-measure-for-edit';

/** 新增指标 on a measure the parser missed it in (or on a local measure); `source` is the sentence it rests on, if any. */
export async function addIndicator(ctx: RequestContext, measureId: number, request: z.output<typeof ZAddIndicatorRequest>): Promise<TPlanDetail> {
  const { plan, measure, touch } = await lockMeasureForEdit(ctx, measureId, request.version);
  const last = await ctx.db.selectFrom('plans_indicator').select((eb) => eb.fn.max('position').as('max')).where('measure_id', '=', measure.id).executeTakeFirst();
  const created = await ctx.db
    .insertInto('plans_indicator')
    .values({
      plan_id: plan.id,
      measure_id: measure.id,
      org_path: measure.org_path,
      position: last?.max === null || last?.max === undefined ? 0 : Number(last.max) + 1,
      value: request.value,
      approx: request.approx,
      comparator: request.comparator,
      unit: request.unit,
      subject: request.subject,
      period: request.period,
      source: request.source ?? null,
      origin: 'manual',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await touch();
  await ctx.audit({ action: 'plans.add-indicator', category: 'write', targetType: 'plans_indicator', targetId: created.id, details: { planId: plan.id, measureId: measure.id } });
  return getPlanDetail(ctx, plan.id);
}
