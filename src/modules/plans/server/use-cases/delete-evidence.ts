import { rm } from 'node:fs/promises';
import { notFound } from '../../../../core/http/errors';
import type { RequestContext } from '../../../../core/http/request-context';
import type { TReportDetail } from '../../contract';
import { evidencePath } from '../files/plan-files';
import { pathInScope } from '../plan-access';
import { getReportDetail } from '../queries/get-report-detail';
import { loadReport, requireEditable, requireOwnReport } from '../reports/report-access';

/**
 * 删除佐证材料 from a report its union is still editing. A file that went
 * with a submission stays on disk: the review history names it.
 */
export async function deleteEvidence(ctx: RequestContext, id: number): Promise<TReportDetail> {
  const evidence = await ctx.db.selectFrom('plans_evidence').select(['id', 'report_id']).where('id', '=', id).where(pathInScope(ctx, 'plans_evidence.org_path')).executeTakeFirst();
  if (!evidence) throw notFound('佐证材料');
  const report = await loadReport(ctx, evidence.report_id, { lock: true });
  requireEditable(report);
  requireOwnReport(ctx, report);
  await ctx.db.deleteFrom('plans_evidence').where('id', '=', id).execute();
  await ctx.audit({ action: 'plans.evidence.delete', category: 'write', targetType: 'plans_evidence', targetId: id, details: { reportId: report.id } });
  const submitted = await ctx.db.selectFrom('plans_report').select('submitted_at').where('id', '=', report.id).executeTakeFirstOrThrow();
  if (submitted.submitted_at === null) await rm(evidencePath(ctx.config.dataDir, id), { force: true });
  return getReportDetail(ctx, report.id);
}
