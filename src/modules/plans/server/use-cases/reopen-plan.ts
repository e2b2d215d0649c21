import type { z } from 'zod';
import { AppError } from '../../../../core/http/errors';
import type { RequestContext } from '../../../../core/http/request-context';
import type { TPlanDetail, ZVersionRequest } from '../../contract';
import { checkVersion, loadPlan, requireOwnerSide } from '../plan-access';
import { getPlanDetail } from '../queries/get-plan-detail';

/**
 * 撤回确认 (an explicit revision): back to draft so the structure can be
 * corrected — only while the plan has not been issued. Once unions have
 * received it, reports and allocations hang on its measures and indicators.
 */
export async function reopenPlan(ctx: RequestContext, id: number, request: z.output<typeof ZVersionRequest>): Promise<TPlanDetail> {
  const plan = await loadPlan(ctx, id, { lock: true });
  requireOwnerSide(ctx, plan);
  checkVersion(request.version, plan.version);
  if (plan.status !== 'confirmed') throw new AppError('CONFLICT', '工作部署尚未确认', { field: 'status' });
  const issued = await ctx.db.selectFrom('plans_issue').select('id').where('plan_id', '=', plan.id).limit(1).executeTakeFirst();
  if (issued) throw new AppError('CONFLICT', '工作部署已下发，不能撤回确认；请以补充措施或新的工作部署调整', { field: 'status' });
  await ctx.db
    .updateTable('plans_plan')
    .set({ status: 'draft', version: plan.version + 1, updated_at: ctx.now(), confirmed_at: null, confirmed_by: null })
    .where('id', '=', plan.id)
    .execute();
  await ctx.audit({ action: 'plans.reopen', category: 'write', targetType: 'plans_plan', targetId: plan.id });
  return getPlanDetail(ctx, plan.id);
}
