import type { z } from 'zod';
import type { RequestContext } from '../../../../core/http/request-context';
import type { TReportDetail, ZReportStepRequest } from '../../contract';
import { getReportDetail } from '../queries/get-report-detail';
import { takeReportStep } from '../reports/take-report-step';

/**
 * 报送: the reporting union sends its draft (or returned) report to the union
 * that issued the plan to it. The evidence files it holds now go with the step,
 * so the history shows what each submission carried.
 */
export async function submitReport(ctx: RequestContext, id: number, request: z.output<typeof ZReportStepRequest>): Promise<TReportDetail> {
  const evidence = await ctx.db
    .selectFrom('plans_evidence')
    .select(['id', 'file_name', 'file_sha256', 'file_size'])
    .where('report_id', '=', id)
    .orderBy('id')
    .execute();
  const step = await takeReportStep(ctx, id, 'submit', {
    version: request.version,
    comment: request.comment,
    attachments: evidence.map((file) => ({ fileId: String(file.id), kind: 'evidence', name: file.file_name, sha256: file.file_sha256, size: Number(file.file_size) })),
  });
  await ctx.audit({ action: 'plans.report.submit', category: 'write', targetType: 'plans_report', targetId: id, details: { evidence: evidence.length, from: step.from } });
  return getReportDetail(ctx, id);
}
