import type { z } from 'zod';
import { AppError } from '../../../../core/http/errors';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import type { TPlanDetail, ZVersionRequest } from '../../contract';
import { lockDraftForEdit } from '../plan-access';
import { getPlanDetail } from '../queries/get-plan-detail';

/**
 * 确认: the reviewed draft becomes the plan; its structure (sections,
 * measures, indicators) is frozen from now on, except by an explicit revision
 * before it is issued (reopenPlan). Assignment and bindings stay editable.
 */
export async function confirmPlan(ctx: RequestContext, id: number, request: z.output<typeof ZVersionRequest>): Promise<TPlanDetail> {
  const user = requireUser(ctx);
  const plan = await lockDraftForEdit(ctx, id, request.version);
  const measures = await ctx.db.selectFrom('plans_measure').select(['id', 'title']).where('plan_id', '=', plan.id).execute();
  if (measures.length === 0) throw new AppError('VALIDATION_FAILED', '工作部署没有任何措施，不能确认', { field: 'sections' });
  const title = await ctx.db.selectFrom('plans_plan').select('title').where('id', '=', plan.id).executeTakeFirstOrThrow();
  if (!title.title) throw new AppError('VALIDATION_FAILED', '请先填写工作部署的标题', { field: 'title' });
  const now = ctx.now();
  await ctx.db
    .updateTable('plans_plan')
    .set({ status: 'confirmed', version: plan.version + 1, updated_at: now, confirmed_at: now, confirmed_by: user.account.id })
    .where('id', '=', plan.id)
    .execute();
  await ctx.audit({ action: 'plans.confirm', category: 'write', targetType: 'plans_plan', targetId: plan.id, details: { measures: measures.length } });
  return getPlanDetail(ctx, plan.id);
}
