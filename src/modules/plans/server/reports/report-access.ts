import { AppError, notFound } from '../../../../core/http/errors';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import type { TProgressStatus, TReportState } from '../../contract';
import { pathInScope } from '../plan-access';
import type { ReportRecord } from './report-workflow';

export type ReportRow = {
  id: number;
  plan_id: number;
  measure_id: number;
  org_unit_id: number;
  org_path: string;
  reviewer_org_unit_id: number;
  period: string;
  progress: TProgressStatus;
  state: TReportState;
  version: number;
  workflow_instance_id: number | null;
};

/** A report in the caller's subtree (the reporter's union and every union above it, the reviewer included); NOT_FOUND otherwise. */
export async function loadReport(ctx: RequestContext, id: number, options: { lock?: boolean } = {}): Promise<ReportRow> {
  let query = ctx.db
    .selectFrom('plans_report')
    .select(['id', 'plan_id', 'measure_id', 'org_unit_id', 'org_path', 'reviewer_org_unit_id', 'period', 'progress', 'state', 'version', 'workflow_instance_id'])
    .where('id', '=', id)
    .where(pathInScope(ctx, 'plans_report.org_path'));
  if (options.lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('进展报告');
  return row;
}

export const STALE_REPORT = '该进展报告已被他人修改或已办理，请刷新后重试';

export const isEditable = (report: Pick<ReportRow, 'state'>) => report.state === 'draft' || report.state === 'returned';

/** Only a draft or a returned report changes; state first, so a finished report answers 409 to anyone. */
export function requireEditable(report: ReportRow): void {
  if (!isEditable(report)) {
    throw new AppError('CONFLICT', report.state === 'accepted' ? '进展报告已采纳，不能再修改' : '进展报告已报送待审核，不能修改；如需修改请由审核单位退回', { field: 'state' });
  }
}

/** The reporting union's own staff edit its report; the unions above read and review it. */
export function requireOwnReport(ctx: RequestContext, report: ReportRow): void {
  if (report.org_unit_id !== requireUser(ctx).org.id) {
    throw new AppError('FORBIDDEN', '只有填报单位可以修改本进展报告');
  }
}

/** What the workflow's guards need: the reviewing union. */
export async function reportRecord(ctx: RequestContext, report: ReportRow): Promise<ReportRecord> {
  const reviewer = await ctx.db.selectFrom('org_unit').select('name').where('id', '=', report.reviewer_org_unit_id).executeTakeFirstOrThrow();
  return { reviewerOrgUnitId: report.reviewer_org_unit_id, reviewerName: reviewer.name };
}

/** The figures given for a measure's indicators: each indicator of that measure, once. */
export async function checkFigures(ctx: RequestContext, measureId: number, figures: readonly { indicatorId: number; value: number }[]): Promise<void> {
  if (figures.length === 0) return;
  const indicators = await ctx.db.selectFrom('plans_indicator').select('id').where('measure_id', '=', measureId).execute();
  const seen = new Set<number>();
  for (const [index, figure] of figures.entries()) {
    const field = `figures.${index}.indicatorId`;
    if (!indicators.some((indicator) => indicator.id === figure.indicatorId)) {
      throw new AppError('VALIDATION_FAILED', '完成数须对应本措施的量化指标', { field });
    }
    if (seen.has(figure.indicatorId)) throw new AppError('VALIDATION_FAILED', '同一指标只能填写一个完成数', { field });
    seen.add(figure.indicatorId);
  }
}

export async function writeFigures(ctx: RequestContext, report: { id: number; org_path: string }, figures: readonly { indicatorId: number; value: number }[]): Promise<void> {
  await ctx.db.deleteFrom('plans_report_figure').where('report_id', '=', report.id).execute();
  if (figures.length === 0) return;
  await ctx.db
    .insertInto('plans_report_figure')
    .values(figures.map((figure) => ({ report_id: report.id, indicator_id: figure.indicatorId, org_path: report.org_path, value: figure.value })))
    .execute();
}
