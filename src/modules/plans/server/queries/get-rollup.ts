import { sql, type SqlBool } from 'kysely';
import type { z } from 'zod';
import { inCallerScope } from '../../../../core/access/scope';
import { beijingDate } from '../../../../core/files/beijing-time';
import { AppError } from '../../../../core/http/errors';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import { evaluateMetricForUnits } from '../../../../core/metrics/evaluate-metric';
import { subtreeOf } from '../../../../core/org/tree';
import type { TMeasureStanding, TProgressStatus, TRollup, TTargetComparator, ZRollupQuery } from '../../contract';
import { loadPlan, ownedRowVisible, type PlanRow } from '../plan-access';
import { allocationWarning } from '../rollup/allocation-warning';
import { indicatorProgress, meanCompletion, worstProgress } from '../rollup/indicator-progress';
import { judgeMeasure } from '../rollup/traffic-light-rules';
import { toNumber } from './plan-tree';

type Unit = { id: number; name: string; type: string; path: string; acknowledgedAt: string | null };

/** The union to roll up at: the one asked for (in the caller's subtree and taking part in the plan), else the caller's own, else the owner. */
async function rollupUnit(ctx: RequestContext, plan: PlanRow, orgUnitId: number | undefined): Promise<Unit> {
  const user = requireUser(ctx);
  const participants = await ctx.db.selectFrom('plans_issue').select('to_org_unit_id').where('plan_id', '=', plan.id).execute();
  const takesPart = (id: number) => id === plan.org_unit_id || participants.some((row) => row.to_org_unit_id === id);
  const id = orgUnitId ?? (takesPart(user.org.id) ? user.org.id : plan.org_unit_id);
  const unit = await ctx.db
    .selectFrom('org_unit')
    .select(['id', 'name', 'type', 'path'])
    .where('id', '=', id)
    .where(inCallerScope(ctx, 'org_unit.path'))
    .executeTakeFirst();
  if (!unit) throw new AppError('NOT_FOUND', '组织不存在或无权访问', { field: 'orgUnitId' });
  if (!takesPart(unit.id)) throw new AppError('CONFLICT', `「${unit.name}」未收到该工作部署，没有可汇总的内容`, { field: 'orgUnitId' });
  return { ...unit, acknowledgedAt: null };
}

/** Latest first: a later period, then a later decision, then a later row. */
const laterThan = (a: { period_start: string | null; at: Date | null; id: number }, b: typeof a) =>
  (a.period_start ?? '9999') !== (b.period_start ?? '9999')
    ? (a.period_start ?? '9999') > (b.period_start ?? '9999')
    : (a.at?.getTime() ?? 0) !== (b.at?.getTime() ?? 0)
      ? (a.at?.getTime() ?? 0) > (b.at?.getTime() ?? 0)
      : a.id > b.id;

/**
 * 汇总: a plan at one union, measure by measure and indicator by indicator —
 * the union's target (the indicator's value where the measure is its own,
 * else the share allocated to it), what it allocated to each union it issued
 * the plan to, what was achieved in its subtree (a bound indicator: the live
 * metric; otherwise the sum of each union's latest accepted figure), the
 * completion and the traffic light (traffic-light-rules.ts) — and the same for
 * each of those unions, ranked, for the unit ranking and 督办.
 */
export async function getRollup(
  ctx: RequestContext,
  planId: number,
  query: z.output<typeof ZRollupQuery>,
  // 截至 (the status report export): reports submitted and figures accepted after it are left out, lights judged on its day.
  // subtree (督办): every union below that holds the plan is a column too, after the ones it issued to — not only its direct recipients.
  options: { asOf?: Date; subtree?: boolean } = {},
): Promise<TRollup> {
  const cutoff = options.asOf ?? null;
  const plan = await loadPlan(ctx, planId);
  const unit = await rollupUnit(ctx, plan, query.orgUnitId);
  const planRow = await ctx.db.selectFrom('plans_plan').select(['confirmed_at']).where('id', '=', plan.id).executeTakeFirstOrThrow();

  const [children, descendants, sections, measures] = await Promise.all([
    ctx.db
      .selectFrom('plans_issue as i')
      .innerJoin('org_unit as o', 'o.id', 'i.to_org_unit_id')
      .select(['o.id', 'o.name', 'o.type', 'o.path', 'i.acknowledged_at'])
      .where('i.plan_id', '=', plan.id)
      .where('i.from_org_unit_id', '=', unit.id)
      .orderBy('o.path')
      .execute(),
    // The other holders in the subtree: re-issued below (县、基层), or issued past this union from above.
    options.subtree
      ? ctx.db
          .selectFrom('plans_issue as i')
          .innerJoin('org_unit as o', 'o.id', 'i.to_org_unit_id')
          .select(['o.id', 'o.name', 'o.type', 'o.path', 'i.acknowledged_at'])
          .where('i.plan_id', '=', plan.id)
          .where(subtreeOf('i.to_path', unit.path))
          .where('i.to_org_unit_id', '!=', unit.id)
          .where('i.from_org_unit_id', '!=', unit.id)
          .orderBy('o.path')
          .execute()
      : [],
    ctx.db.selectFrom('plans_section').select(['id', 'parent_id', 'position', 'no', 'title']).where('plan_id', '=', plan.id).orderBy('position').orderBy('id').execute(),
    // The measures that apply to the union: the document's and the local ones of the unions on its chain.
    ctx.db
      .selectFrom('plans_measure as m')
      .select(['m.id', 'm.section_id', 'm.position', 'm.no', 'm.title', 'm.org_unit_id', 'm.deadline', 'm.lead_department'])
      .where('m.plan_id', '=', plan.id)
      .where(sql<SqlBool>`starts_with(${unit.path}, m.org_path)`)
      .where(ownedRowVisible(ctx, 'm.plan_id', 'm.org_path'))
      .execute(),
  ]);
  const columns: Unit[] = [unit, ...[...children, ...descendants].map((child) => ({ id: child.id, name: child.name, type: child.type, path: child.path, acknowledgedAt: child.acknowledged_at?.toISOString() ?? null }))];
  const measureIds = measures.map((measure) => measure.id);
  const [indicators, allocations, reports, figures] = await Promise.all([
    measureIds.length === 0
      ? []
      : ctx.db.selectFrom('plans_indicator').select(['id', 'measure_id', 'position', 'value', 'comparator', 'approx', 'unit', 'subject', 'metric_id', 'metric_params']).where('measure_id', 'in', measureIds).orderBy('position').execute(),
    ctx.db
      .selectFrom('plans_allocation')
      .select(['indicator_id', 'from_org_unit_id', 'to_org_unit_id', 'value'])
      .where('plan_id', '=', plan.id)
      .where((eb) => (options.subtree ? subtreeOf('to_path', unit.path) : eb.or([eb('to_org_unit_id', '=', unit.id), eb('from_org_unit_id', '=', unit.id)])))
      .execute(),
    ctx.db
      .selectFrom('plans_report')
      .select(['id', 'measure_id', 'org_unit_id', 'org_path', 'state', 'progress', 'period_start', 'accepted_at', 'submitted_at'])
      .where('plan_id', '=', plan.id)
      .where('state', '!=', 'draft')
      .where(subtreeOf('plans_report.org_path', unit.path))
      .$if(cutoff !== null, (qb) => qb.where('submitted_at', '<=', cutoff!))
      .execute(),
    ctx.db
      .selectFrom('plans_report_figure as f')
      .innerJoin('plans_report as r', 'r.id', 'f.report_id')
      .select(['f.indicator_id', 'f.value', 'r.id', 'r.org_unit_id', 'r.org_path', 'r.period_start', 'r.accepted_at'])
      .where('r.plan_id', '=', plan.id)
      .where('r.state', '=', 'accepted')
      .where(subtreeOf('r.org_path', unit.path))
      .$if(cutoff !== null, (qb) => qb.where('r.accepted_at', '<=', cutoff!))
      .execute(),
  ]);

  // Each union's latest accepted figure per indicator (累计: the union's own work to date).
  const latestFigure = new Map<string, (typeof figures)[number]>();
  for (const figure of figures) {
    const key = `${figure.indicator_id}:${figure.org_unit_id}`;
    const held = latestFigure.get(key);
    if (!held || laterThan({ ...figure, at: figure.accepted_at }, { ...held, at: held.accepted_at })) latestFigure.set(key, figure);
  }
  // Each union's latest stated progress per measure (submitted or accepted; a returned report is being corrected).
  const latestStatus = new Map<string, (typeof reports)[number]>();
  for (const report of reports) {
    if (report.state === 'returned') continue;
    const key = `${report.measure_id}:${report.org_unit_id}`;
    const held = latestStatus.get(key);
    if (!held || laterThan({ ...report, at: report.submitted_at }, { ...held, at: held.submitted_at })) latestStatus.set(key, report);
  }
  const allocation = new Map(allocations.map((row) => [`${row.indicator_id}:${row.to_org_unit_id}`, toNumber(row.value)]));

  // Bound indicators: the live metric for every column at once; a binding the registry no longer answers falls back to reports.
  const live = new Map<string, number>();
  const boundIds = new Set<number>();
  for (const indicator of indicators) {
    const metric = indicator.metric_id === null ? undefined : ctx.platform.metrics.get(indicator.metric_id);
    if (!metric) continue;
    // A viewer who may not read the metric sees the indicator as bound, without its figure.
    if (!requireUser(ctx).permissions.has(metric.permission)) {
      boundIds.add(indicator.id);
      continue;
    }
    try {
      const reading = await evaluateMetricForUnits(ctx, { metricId: metric.id, params: indicator.metric_params }, columns.map((column) => column.id));
      for (const value of reading.values) live.set(`${indicator.id}:${value.orgUnitId}`, value.value);
      boundIds.add(indicator.id);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }

  const today = beijingDate(cutoff ?? ctx.now());
  const start = planRow.confirmed_at ? beijingDate(planRow.confirmed_at) : null;
  // Each figure and report counts at every column whose subtree holds it, found by walking the ancestors on
  // its path (ids, "1.14.203."): the work grows with the rows, not with rows × columns (a subtree has many).
  const columnAtPath = new Map(columns.map((column) => [column.path, column]));
  const columnsHolding = (path: string): Unit[] => {
    const held: Unit[] = [];
    for (let end = path.indexOf('.'); end !== -1; end = path.indexOf('.', end + 1)) {
      const column = columnAtPath.get(path.slice(0, end + 1));
      if (column) held.push(column);
    }
    return held;
  };
  const summed = new Map<string, number>();
  for (const figure of latestFigure.values()) {
    for (const column of columnsHolding(figure.org_path)) {
      const key = `${figure.indicator_id}:${column.id}`;
      summed.set(key, (summed.get(key) ?? 0) + toNumber(figure.value));
    }
  }
  const statusesAt = new Map<string, TProgressStatus[]>();
  for (const report of latestStatus.values()) {
    for (const column of columnsHolding(report.org_path)) {
      const key = `${report.measure_id}:${column.id}`;
      const statuses = statusesAt.get(key);
      if (statuses) statuses.push(report.progress);
      else statusesAt.set(key, [report.progress]);
    }
  }
  const countsAt = new Map<string, TMeasureStanding['reports']>();
  for (const report of reports) {
    if (report.state !== 'submitted' && report.state !== 'accepted' && report.state !== 'returned') continue;
    for (const column of columnsHolding(report.org_path)) {
      const key = `${report.measure_id}:${column.id}`;
      const counts = countsAt.get(key) ?? { submitted: 0, accepted: 0, returned: 0 };
      counts[report.state] += 1;
      countsAt.set(key, counts);
    }
  }
  const achievedAt = (indicatorId: number, column: Unit): number | null => {
    if (boundIds.has(indicatorId)) return live.get(`${indicatorId}:${column.id}`) ?? null;
    return summed.get(`${indicatorId}:${column.id}`) ?? null;
  };
  const targetAt = (indicator: (typeof indicators)[number], measureOwner: number, column: Unit): number | null =>
    measureOwner === column.id ? toNumber(indicator.value) : (allocation.get(`${indicator.id}:${column.id}`) ?? null);

  const progressAt = (indicator: (typeof indicators)[number], measureOwner: number, column: Unit) => {
    const target = targetAt(indicator, measureOwner, column);
    const achieved = achievedAt(indicator.id, column);
    return { target, achieved, ...indicatorProgress(target, achieved, indicator.comparator as TTargetComparator), source: boundIds.has(indicator.id) ? ('metric' as const) : ('reports' as const) };
  };
  const standingAt = (measure: (typeof measures)[number], column: Unit, completions: (number | null)[], mets: boolean[]): TMeasureStanding => {
    const statuses = statusesAt.get(`${measure.id}:${column.id}`) ?? [];
    const completion = meanCompletion(completions);
    const judgement = judgeMeasure({
      today,
      start,
      deadline: measure.deadline,
      completion,
      allMet: mets.length > 0 && mets.every(Boolean),
      progress: worstProgress(statuses),
      allDone: statuses.length > 0 && statuses.every((status) => status === 'done'),
    });
    return {
      ...judgement,
      progress: worstProgress(statuses),
      completion,
      reports: countsAt.get(`${measure.id}:${column.id}`) ?? { submitted: 0, accepted: 0, returned: 0 },
    };
  };

  // Document order: sections depth first, measures by position within each.
  const sectionOrder = new Map<number, number>();
  const visit = (parentId: number | null) => {
    for (const section of sections.filter((candidate) => candidate.parent_id === parentId)) {
      sectionOrder.set(section.id, sectionOrder.size);
      visit(section.id);
    }
  };
  visit(null);
  const ordered = [...measures].sort((a, b) => (sectionOrder.get(a.section_id) ?? 0) - (sectionOrder.get(b.section_id) ?? 0) || a.position - b.position || a.id - b.id);

  const rows = ordered.map((measure) => {
    const own = indicators.filter((indicator) => indicator.measure_id === measure.id);
    const perColumn = columns.map((column) => own.map((indicator) => progressAt(indicator, measure.org_unit_id, column)));
    const standings = columns.map((column, index) => standingAt(measure, column, perColumn[index]!.map((entry) => entry.completion), perColumn[index]!.map((entry) => entry.isMet)));
    return {
      id: measure.id,
      sectionId: measure.section_id,
      no: measure.no,
      title: measure.title,
      isLocal: measure.org_unit_id !== plan.org_unit_id,
      deadline: measure.deadline,
      leadDepartment: measure.lead_department,
      at: standings[0]!,
      indicators: own.map((indicator, position) => {
        const at = perColumn[0]![position]!;
        const allocated = children.reduce((sum, child) => sum + (allocation.get(`${indicator.id}:${child.id}`) ?? 0), 0);
        const warning = allocationWarning({ target: at.target, allocated, recipients: children.length, unit: indicator.unit });
        return {
          id: indicator.id,
          subject: indicator.subject,
          unit: indicator.unit,
          comparator: indicator.comparator as TTargetComparator,
          approx: indicator.approx,
          planValue: toNumber(indicator.value),
          isBound: boundIds.has(indicator.id),
          at: { ...at, allocated, remaining: at.target === null ? null : at.target - allocated, isUnderAllocated: warning.isUnderAllocated, warning: warning.message },
          children: columns.slice(1).map((column, index) => ({ ...perColumn[index + 1]![position]!, orgUnitId: column.id, allocation: allocation.get(`${indicator.id}:${column.id}`) ?? null })),
        };
      }),
      children: columns.slice(1).map((column, index) => ({ ...standings[index + 1]!, orgUnitId: column.id })),
    };
  });

  const tally = (standings: TMeasureStanding[]) => ({
    green: standings.filter((standing) => standing.light === 'green').length,
    amber: standings.filter((standing) => standing.light === 'amber').length,
    red: standings.filter((standing) => standing.light === 'red').length,
    overdue: standings.filter((standing) => standing.isOverdue).length,
  });
  const ranked = columns
    .slice(1)
    .map((column, index) => {
      const standings = rows.map((row) => row.children[index]!);
      return { id: column.id, name: column.name, type: column.type, acknowledgedAt: column.acknowledgedAt, completion: meanCompletion(standings.map((standing) => standing.completion)), counts: tally(standings), path: column.path };
    })
    .sort((a, b) => (b.completion ?? -1) - (a.completion ?? -1) || a.path.localeCompare(b.path))
    .map(({ path: _path, ...child }) => child);
  const atUnit = rows.map((row) => row.at);
  return {
    planId: plan.id,
    orgUnit: { id: unit.id, name: unit.name },
    asOf: (cutoff ?? ctx.now()).toISOString(),
    children: ranked,
    sections: sections.map((section) => ({ id: section.id, no: section.no, title: section.title, parentId: section.parent_id })),
    measures: rows,
    summary: { measures: rows.length, ...tally(atUnit), atRisk: atUnit.filter((standing) => standing.isAtRisk).length, completion: meanCompletion(atUnit.map((standing) => standing.completion)) },
  };
}
