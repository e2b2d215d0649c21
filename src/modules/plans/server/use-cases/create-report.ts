import type { z } from 'zod';
import { AppError } from '../../../../core/http/errors';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import { startWorkflow } from '../../../../core/workflow/engine';
import type { TMeasureCadence, TReportDetail, ZCreateReportRequest } from '../../contract';
import { loadMeasure, loadPlan, requireConfirmed, requireParticipant } from '../plan-access';
import { getReportDetail } from '../queries/get-report-detail';
import { checkFigures, writeFigures } from '../reports/report-access';
import { periodProblem, periodStart } from '../reports/report-period';
import { REPORT_RECORD_TYPE, reportWorkflow } from '../reports/report-workflow';

/**
 * 新建进展报告: the union the user acts for reports on a measure for one
 * period — status, narrative, figures (its own work to date per indicator) —
 * as a draft to add evidence to and submit. The reporter is a union the plan
 * was issued to (and that signed for it); the union that issued it reviews.
 */
export async function createReport(ctx: RequestContext, request: z.output<typeof ZCreateReportRequest>): Promise<TReportDetail> {
  const user = requireUser(ctx);
  const measure = await loadMeasure(ctx, request.measureId, { field: 'measureId' });
  const plan = await loadPlan(ctx, measure.plan_id);
  requireConfirmed(plan, '报送进展');
  if ((await requireParticipant(ctx, plan, '报送进展')) === 'owner') {
    throw new AppError('CONFLICT', '发文单位不报送进展，由收文单位报送后审核', { field: 'measureId' });
  }
  if (measure.org_unit_id === user.org.id) {
    throw new AppError('CONFLICT', '本单位补充的措施由下级单位报送进展', { field: 'measureId' });
  }
  const assignment = await ctx.db.selectFrom('plans_measure').select('cadence').where('id', '=', measure.id).executeTakeFirstOrThrow();
  const problem = periodProblem(request.period, assignment.cadence as TMeasureCadence | null);
  if (problem) throw new AppError('VALIDATION_FAILED', problem, { field: 'period' });
  await checkFigures(ctx, measure.id, request.figures);
  const duplicate = await ctx.db
    .selectFrom('plans_report')
    .select('id')
    .where('measure_id', '=', measure.id)
    .where('org_unit_id', '=', user.org.id)
    .where('period', '=', request.period)
    .executeTakeFirst();
  if (duplicate) throw new AppError('CONFLICT', `本单位该措施 ${request.period} 期的进展报告已存在，请在原报告上修改`, { field: 'period' });
  const receipt = await ctx.db
    .selectFrom('plans_issue')
    .select('from_org_unit_id')
    .where('plan_id', '=', plan.id)
    .where('to_org_unit_id', '=', user.org.id)
    .executeTakeFirstOrThrow();

  const now = ctx.now();
  const report = await ctx.db
    .insertInto('plans_report')
    .values({
      plan_id: plan.id,
      measure_id: measure.id,
      org_unit_id: user.org.id,
      org_path: user.org.path,
      reviewer_org_unit_id: receipt.from_org_unit_id,
      period: request.period,
      period_start: periodStart(request.period),
      progress: request.progress,
      narrative: request.narrative,
      created_by: user.account.id,
      created_at: now,
      updated_at: now,
    })
    .returning(['id', 'org_path'])
    .executeTakeFirstOrThrow();
  await writeFigures(ctx, report, request.figures);
  const instance = await startWorkflow(ctx, reportWorkflow, { recordType: REPORT_RECORD_TYPE, recordId: report.id, orgUnitId: user.org.id });
  await ctx.db.updateTable('plans_report').set({ workflow_instance_id: instance.id }).where('id', '=', report.id).execute();
  await ctx.audit({
    action: 'plans.report.create',
    category: 'write',
    targetType: 'plans_report',
    targetId: report.id,
    details: { planId: plan.id, measureId: measure.id, period: request.period, progress: request.progress, figures: request.figures.length },
  });
  return getReportDetail(ctx, report.id);
}
