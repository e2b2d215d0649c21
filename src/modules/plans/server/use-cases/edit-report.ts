import type { z } from 'zod';
import type { RequestContext } from '../../../../core/http/request-context';
import type { TReportDetail, ZEditReportRequest } from '../../contract';
import { checkVersion } from '../plan-access';
import { getReportDetail } from '../queries/get-report-detail';
import { checkFigures, loadReport, requireEditable, requireOwnReport, STALE_REPORT, writeFigures } from '../reports/report-access';

/** 修改进展报告 while it is a draft or was returned: status, narrative, figures (replaced when given). */
export async function editReport(ctx: RequestContext, id: number, request: z.output<typeof ZEditReportRequest>): Promise<TReportDetail> {
  const report = await loadReport(ctx, id, { lock: true });
  checkVersion(request.version, report.version, STALE_REPORT);
  requireEditable(report);
  requireOwnReport(ctx, report);
  if (request.figures) await checkFigures(ctx, report.measure_id, request.figures);
  await ctx.db
    .updateTable('plans_report')
    .set({
      ...(request.progress !== undefined ? { progress: request.progress } : {}),
      ...(request.narrative !== undefined ? { narrative: request.narrative } : {}),
      version: report.version + 1,
      updated_at: ctx.now(),
    })
    .where('id', '=', report.id)
    .execute();
  if (request.figures) await writeFigures(ctx, report, request.figures);
  await ctx.audit({
    action: 'plans.report.edit',
    category: 'write',
    targetType: 'plans_report',
    targetId: report.id,
    details: { changed: ['progress', 'narrative', 'figures'].filter((key) => request[key as keyof typeof request] !== undefined) },
  });
  return getReportDetail(ctx, report.id);
}
