import type { z } from 'zod';
import type { RequestContext } from '../../../../core/http/request-context';
import type { TReportDetail, ZReportStepRequest } from '../../contract';
import { getReportDetail } from '../queries/get-report-detail';
import { takeReportStep } from '../reports/take-report-step';

/** 退回: the issuing union sends a submitted report back with its comments (退回意见, required); the reporter corrects and submits again. */
export async function returnReport(ctx: RequestContext, id: number, request: z.output<typeof ZReportStepRequest>): Promise<TReportDetail> {
  await takeReportStep(ctx, id, 'return', { version: request.version, comment: request.comment });
  await ctx.audit({ action: 'plans.report.return', category: 'write', targetType: 'plans_report', targetId: id });
  return getReportDetail(ctx, id);
}
