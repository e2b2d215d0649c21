import type { z } from 'zod';
import type { RequestContext } from '../../../../core/http/request-context';
import type { TReportDetail, ZReportStepRequest } from '../../contract';
import { getReportDetail } from '../queries/get-report-detail';
import { takeReportStep } from '../reports/take-report-step';

/** 采纳: the issuing union accepts a submitted report; its figures now count in the roll-up. */
export async function acceptReport(ctx: RequestContext, id: number, request: z.output<typeof ZReportStepRequest>): Promise<TReportDetail> {
  await takeReportStep(ctx, id, 'accept', { version: request.version, comment: request.comment });
  await ctx.audit({ action: 'plans.report.accept', category: 'write', targetType: 'plans_report', targetId: id });
  return getReportDetail(ctx, id);
}
