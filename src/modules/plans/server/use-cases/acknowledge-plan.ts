import { AppError } from '../../../../core/http/errors';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import { formatBeijingTime } from '../../../../core/files/beijing-time';
import type { TPlanDetail } from '../../contract';
import { loadPlan } from '../plan-access';
import { getPlanDetail } from '../queries/get-plan-detail';

/** 签收: the union the user acts for signs for a plan issued to it; who and when are kept. Once. */
export async function acknowledgePlan(ctx: RequestContext, id: number): Promise<TPlanDetail> {
  const user = requireUser(ctx);
  const plan = await loadPlan(ctx, id);
  const receipt = await ctx.db
    .selectFrom('plans_issue')
    .select(['id', 'acknowledged_at'])
    .where('plan_id', '=', plan.id)
    .where('to_org_unit_id', '=', user.org.id)
    .forUpdate()
    .executeTakeFirst();
  if (!receipt) throw new AppError('CONFLICT', '本单位未收到该工作部署，无需签收');
  if (receipt.acknowledged_at) {
    throw new AppError('CONFLICT', `本单位已于 ${formatBeijingTime(receipt.acknowledged_at)} 签收该工作部署`);
  }
  await ctx.db.updateTable('plans_issue').set({ acknowledged_at: ctx.now(), acknowledged_by: user.account.id }).where('id', '=', receipt.id).execute();
  await ctx.audit({ action: 'plans.acknowledge', category: 'write', targetType: 'plans_issue', targetId: receipt.id, details: { planId: plan.id } });
  return getPlanDetail(ctx, plan.id);
}
