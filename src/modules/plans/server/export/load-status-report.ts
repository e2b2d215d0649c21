import { beijingDate } from '../../../../core/files/beijing-time';
import { AppError } from '../../../../core/http/errors';
import type { RequestContext } from '../../../../core/http/request-context';
import type { TProgressStatus } from '../../contract';
import type { TStatusReportQuery } from '../../export-contract';
import { getRollup } from '../queries/get-rollup';
import { buildStatusReportModel, type StatusReportInput, type StatusReportModel } from './status-report-model';

/** The last instant of a Beijing calendar day. */
const endOfBeijingDay = (day: string) => new Date(Date.parse(`${day}T23:59:59.999+08:00`));

/**
 * Gathers a status report: the roll-up at the union (the same scope rules:
 * a union outside the caller's subtree is 404, one that did not receive the
 * plan 409) as of the end of the chosen day, the document's meta, who issued
 * the plan to the union, and each union's own latest report up to that day.
 * Bound indicators read their metric as it is now: a counter has no history.
 */
export async function loadStatusReport(ctx: RequestContext, planId: number, query: TStatusReportQuery): Promise<StatusReportModel> {
  const now = ctx.now();
  const today = beijingDate(now);
  const asOf = query.asOf ?? today;
  if (asOf > today) throw new AppError('VALIDATION_FAILED', `截至日期不能晚于今天（${today}）`, { field: 'asOf' });
  const cutoff = asOf === today ? now : endOfBeijingDay(asOf);

  const rollup = await getRollup(ctx, planId, { orgUnitId: query.orgUnitId }, { asOf: cutoff });
  const unitIds = [rollup.orgUnit.id, ...rollup.children.map((child) => child.id)];
  const [plan, issue, reports] = await Promise.all([
    ctx.db
      .selectFrom('plans_plan as p')
      .innerJoin('org_unit as o', 'o.id', 'p.org_unit_id')
      .select(['p.title', 'p.doc_number', 'p.issuer', 'p.recipients', 'o.name as owner_name'])
      .where('p.id', '=', planId)
      .executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('plans_issue as i')
      .innerJoin('org_unit as o', 'o.id', 'i.from_org_unit_id')
      .select(['o.id', 'o.name'])
      .where('i.plan_id', '=', planId)
      .where('i.to_org_unit_id', '=', rollup.orgUnit.id)
      .executeTakeFirst(),
    ctx.db
      .selectFrom('plans_report')
      .select(['measure_id', 'org_unit_id', 'period', 'period_start', 'progress', 'narrative', 'submitted_at', 'id'])
      .where('plan_id', '=', planId)
      .where('org_unit_id', 'in', unitIds)
      .where('state', 'in', ['submitted', 'accepted'])
      .where('submitted_at', '<=', cutoff)
      .execute(),
  ]);

  // A union's latest report per measure: the later period, then the later submission (as the roll-up orders them).
  const latest = new Map<string, (typeof reports)[number]>();
  const key = (report: (typeof reports)[number]) => [report.period_start ?? '9999', report.submitted_at?.toISOString() ?? '', String(report.id).padStart(12, '0')].join('|');
  for (const report of reports) {
    const slot = `${report.measure_id}:${report.org_unit_id}`;
    const held = latest.get(slot);
    if (!held || key(report) > key(held)) latest.set(slot, report);
  }

  const input: StatusReportInput = {
    rollup,
    plan: {
      title: plan.title,
      docNumber: plan.doc_number,
      issuer: plan.issuer,
      ownerName: plan.owner_name,
      recipients: (plan.recipients as string[] | null) ?? [],
    },
    issuedBy: issue ? { id: issue.id, name: issue.name } : null,
    asOf,
    latestReports: [...latest.values()].map((report) => ({
      measureId: report.measure_id,
      orgUnitId: report.org_unit_id,
      period: report.period,
      progress: report.progress as TProgressStatus,
      narrative: report.narrative,
    })),
  };
  return buildStatusReportModel(input);
}
