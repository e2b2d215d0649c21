import type { z } from 'zod';
import { notFound } from '../../../../core/http/errors';
import type { RequestContext } from '../../../../core/http/request-context';
import type { TPlanDetail, ZEditSectionRequest } from '../../contract';
import { lockDraftForEdit, touchPlan } from '../plan-access';
import { getPlanDetail } from '../queries/get-plan-detail';

/** 修改标题: a heading's number and title in a draft. */
export async function editSection(ctx: RequestContext, id: number, request: z.output<typeof ZEditSectionRequest>): Promise<TPlanDetail> {
  const section = await ctx.db.selectFrom('plans_section').select(['id', 'plan_id']).where('id', '=', id).executeTakeFirst();
  if (!section) throw notFound('标题');
  const plan = await lockDraftForEdit(ctx, section.plan_id, request.version);
  const values = {
    ...(request.no !== undefined ? { no: request.no } : {}),
    ...(request.title !== undefined ? { title: request.title } : {}),
  };
  if (Object.keys(values).length > 0) await ctx.db.updateTable('plans_section').set(values).where('id', '=', id).execute();
  await touchPlan(ctx, plan);
  await ctx.audit({ action: 'plans.edit-section', category: 'write', targetType: 'plans_section', targetId: id, details: { planId: plan.id, changed: Object.keys(values) } });
  return getPlanDetail(ctx, plan.id);
}
