import type { z } from 'zod';
import { AppError } from '../../../../core/http/errors';
import type { RequestContext } from '../../../../core/http/request-context';
import type { TPlanDetail, ZVersionRequest } from '../../contract';
import { getPlanDetail } from '../queries/get-plan-detail';
import { lockMeasureForEdit } from '../structure/lock-measure-for-edit';
import { mergeMeasureText } from '../structure/measure-text';

/**
 * 合并到上一条措施: the measure's text joins the previous measure of its
 * section (as a new paragraph), its indicators follow, and it is removed.
 * Only in a draft.
 */
export async function mergeMeasure(ctx: RequestContext, id: number, request: z.output<typeof ZVersionRequest>): Promise<TPlanDetail> {
  const { plan, measure, touch } = await lockMeasureForEdit(ctx, id, request.version);
  if (plan.status !== 'draft') throw new AppError('CONFLICT', '只能在确认前合并措施', { field: 'status' });
  const previous = await ctx.db
    .selectFrom('plans_measure')
    .select(['id', 'title', 'text'])
    .where('section_id', '=', measure.section_id)
    .where('position', '<', measure.position)
    .where('org_unit_id', '=', measure.org_unit_id)
    .orderBy('position', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!previous) {
    throw new AppError('CONFLICT', `措施“${measure.title}”是本部分的第一条，没有可合并的上一条措施`, { field: 'id' });
  }
  const merged = mergeMeasureText(previous, measure);
  if (merged.text.length > 20_000) throw new AppError('VALIDATION_FAILED', '合并后措施内容超过 20000 字', { field: 'text' });
  await ctx.db.updateTable('plans_measure').set({ text: merged.text, updated_at: ctx.now() }).where('id', '=', previous.id).execute();
  const last = await ctx.db
    .selectFrom('plans_indicator')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('measure_id', '=', previous.id)
    .executeTakeFirst();
  const start = last?.max === null || last?.max === undefined ? 0 : Number(last.max) + 1;
  const moving = await ctx.db.selectFrom('plans_indicator').select('id').where('measure_id', '=', measure.id).orderBy('position').execute();
  for (const [index, indicator] of moving.entries()) {
    await ctx.db.updateTable('plans_indicator').set({ measure_id: previous.id, position: start + index }).where('id', '=', indicator.id).execute();
  }
  await ctx.db.deleteFrom('plans_measure').where('id', '=', measure.id).execute();
  await touch();
  await ctx.audit({
    action: 'plans.merge-measure',
    category: 'write',
    targetType: 'plans_measure',
    targetId: previous.id,
    details: { planId: plan.id, mergedMeasureId: measure.id, movedIndicators: moving.length },
  });
  return getPlanDetail(ctx, plan.id);
}
