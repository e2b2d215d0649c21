import type { z } from 'zod';
import type { RequestContext } from '../../../../core/http/request-context';
import type { TPlanDetail, ZEditPlanMetaRequest } from '../../contract';
import { lockDraftForEdit, touchPlan } from '../plan-access';
import { getPlanDetail } from '../queries/get-plan-detail';
import { checkCalendarDay } from '../structure/plan-fields';

/** 修改文件信息 (title, issuer, 发文字号, date, recipients) of a draft; fields left out stay, null clears. */
export async function editPlanMeta(ctx: RequestContext, id: number, request: z.output<typeof ZEditPlanMetaRequest>): Promise<TPlanDetail> {
  const plan = await lockDraftForEdit(ctx, id, request.version);
  if (request.date) checkCalendarDay(request.date, 'date', '成文日期');
  const values = {
    ...(request.title !== undefined ? { title: request.title } : {}),
    ...(request.issuer !== undefined ? { issuer: request.issuer } : {}),
    ...(request.docNumber !== undefined ? { doc_number: request.docNumber } : {}),
    ...(request.date !== undefined ? { doc_date: request.date } : {}),
    ...(request.recipients !== undefined ? { recipients: JSON.stringify(request.recipients) } : {}),
    ...(request.noticeTitle !== undefined ? { notice_title: request.noticeTitle } : {}),
  };
  if (Object.keys(values).length > 0) {
    await ctx.db.updateTable('plans_plan').set(values).where('id', '=', plan.id).execute();
  }
  await touchPlan(ctx, plan);
  await ctx.audit({ action: 'plans.edit-meta', category: 'write', targetType: 'plans_plan', targetId: plan.id, details: { changed: Object.keys(values) } });
  return getPlanDetail(ctx, plan.id);
}
