import type { z } from 'zod';
import { AppError } from '../../../../core/http/errors';
import type { RequestContext } from '../../../../core/http/request-context';
import type { TPlanDetail, ZSplitMeasureRequest } from '../../contract';
import { loadMeasure } from '../plan-access';
import { getPlanDetail } from '../queries/get-plan-detail';
import { lockMeasureForEdit } from '../structure/lock-measure-for-edit';
import { splitMeasureText } from '../structure/measure-text';

/**
 * 拆分措施: the text after `offset` becomes a new measure right after this
 * one (same section, no number yet), taking the indicators whose source
 * sentence lies in it. Only in a draft: the issued document is frozen.
 */
export async function splitMeasure(ctx: RequestContext, id: number, request: z.output<typeof ZSplitMeasureRequest>): Promise<TPlanDetail> {
  const found = await loadMeasure(ctx, id);
  const { plan, measure, touch } = await lockMeasureForEdit(ctx, found.id, request.version);
  if (plan.status !== 'draft') throw new AppError('CONFLICT', '只能在确认前拆分措施', { field: 'status' });
  const indicators = await ctx.db.selectFrom('plans_indicator').select(['id', 'source', 'position']).where('measure_id', '=', measure.id).orderBy('position').execute();
  const split = request.offset < measure.text.length ? splitMeasureText(measure.title, measure.text, request.offset, indicators) : null;
  if (!split) {
    throw new AppError('VALIDATION_FAILED', `拆分位置须在措施正文中间（1 到 ${Math.max(measure.text.length - 1, 1)} 之间，且两部分都有文字）`, { field: 'offset' });
  }
  // Make room right after the measure, then insert the second part there.
  await ctx.db
    .updateTable('plans_measure')
    .set((eb) => ({ position: eb('position', '+', 1) }))
    .where('section_id', '=', measure.section_id)
    .where('position', '>', measure.position)
    .execute();
  const now = ctx.now();
  await ctx.db.updateTable('plans_measure').set({ title: split.first.title.slice(0, 300), text: split.first.text, updated_at: now }).where('id', '=', measure.id).execute();
  const created = await ctx.db
    .insertInto('plans_measure')
    .values({
      plan_id: plan.id,
      section_id: measure.section_id,
      org_unit_id: measure.org_unit_id,
      org_path: measure.org_path,
      position: measure.position + 1,
      no: '',
      title: split.second.title.slice(0, 300),
      text: split.second.text,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (split.movedIndicatorIds.length > 0) {
    const moved = indicators.filter((indicator) => split.movedIndicatorIds.includes(indicator.id));
    for (const [position, indicator] of moved.entries()) {
      await ctx.db.updateTable('plans_indicator').set({ measure_id: created.id, position }).where('id', '=', indicator.id).execute();
    }
  }
  await touch();
  await ctx.audit({
    action: 'plans.split-measure',
    category: 'write',
    targetType: 'plans_measure',
    targetId: measure.id,
    details: { planId: plan.id, newMeasureId: created.id, offset: request.offset, movedIndicators: split.movedIndicatorIds.length },
  });
  return getPlanDetail(ctx, plan.id);
}
