import type { z } from 'zod';
import type { RequestContext } from '../../../../core/http/request-context';
import type { TPlanDetail, ZEditMeasureRequest } from '../../contract';
import { getPlanDetail } from '../queries/get-plan-detail';
import { lockMeasureForEdit } from '../structure/lock-measure-for-edit';

/** 修改措施: its number, title or text. */
export async function editMeasure(ctx: RequestContext, id: number, request: z.output<typeof ZEditMeasureRequest>): Promise<TPlanDetail> {
  const { plan, measure, touch } = await lockMeasureForEdit(ctx, id, request.version);
  const values = {
    ...(request.no !== undefined ? { no: request.no } : {}),
    ...(request.title !== undefined ? { title: request.title } : {}),
    ...(request.text !== undefined ? { text: request.text } : {}),
  };
  if (Object.keys(values).length > 0) {
    await ctx.db.updateTable('plans_measure').set({ ...values, updated_at: ctx.now() }).where('id', '=', measure.id).execute();
  }
  await touch();
  await ctx.audit({ action: 'plans.edit-measure', category: 'write', targetType: 'plans_measure', targetId: measure.id, details: { planId: plan.id, changed: Object.keys(values) } });
  return getPlanDetail(ctx, plan.id);
}
