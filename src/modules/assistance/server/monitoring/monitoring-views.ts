import { type Expression, type SqlBool, sql } from 'kysely';
import { orgPathInScope } from '../../../../core/access/scope';
import { beijingDate } from '../../../../core/files/beijing-time';
import type { Executor } from '../../../../core/db/transaction';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import { subtreeOf } from '../../../../core/org/tree';
import { ALERT_STATUS_LABELS, type AlertStatus, RISK_KIND_LABELS, type TMonitoringSummary } from '../../monitoring-contract';

/** The subtree a list or figure is for: the caller's union, or one inside it (404 outside). */
export const rootPathOf = async (ctx: RequestContext, orgUnitId: number | undefined) =>
  orgUnitId === undefined ? requireUser(ctx).org.path : orgPathInScope(ctx, orgUnitId);

/** Call-backs of a subtree: due (not recorded, overdue first), overdue (due day passed), or done. */
export async function findCallbacks(ctx: RequestContext, query: { orgUnitId?: number | undefined; filter: 'due' | 'overdue' | 'done'; limit: number; callbackId?: number }) {
  const rootPath = await rootPathOf(ctx, query.orgUnitId);
  const today = beijingDate(ctx.now());
  const where: Expression<SqlBool>[] = [subtreeOf('c.org_path', rootPath)];
  // Only call-backs of a period still running are due: a closed or returned exit's are moot.
  if (query.filter !== 'done') where.push(sql<SqlBool>`c.contacted_on is null and e.outcome is null`);
  if (query.filter === 'overdue') where.push(sql<SqlBool>`c.due_on < ${today}`);
  if (query.filter === 'done') where.push(sql<SqlBool>`c.contacted_on is not null`);
  if (query.callbackId !== undefined) where.push(sql<SqlBool>`c.id = ${query.callbackId}`);
  const base = ctx.db
    .selectFrom('assistance_callback as c')
    .innerJoin('assistance_exit as e', 'e.id', 'c.exit_id')
    .where((eb) => eb.and(where));
  const [rows, total] = await Promise.all([
    base
      .innerJoin('assistance_household as h', 'h.id', 'c.household_id')
      .innerJoin('person as p', 'p.id', 'h.person_id')
      .innerJoin('org_unit as o', 'o.id', 'h.org_unit_id')
      .select(['c.id', 'c.household_id', 'o.name as union_name', 'p.name', 'c.due_on', 'c.contacted_on', 'c.contact_result', 'c.risk_flags'])
      .orderBy('c.due_on')
      .orderBy('c.id')
      .limit(query.limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((row) => ({
      id: row.id,
      householdId: row.household_id,
      orgUnitName: row.union_name,
      workerName: row.name,
      dueOn: row.due_on,
      isOverdue: row.contacted_on === null && row.due_on < today,
      contactedOn: row.contacted_on,
      contactResult: row.contact_result,
      riskFlags: row.risk_flags,
    })),
    total: Number(total.count),
  };
}

/** Alerts with their signals, for a list or one alert. */
export async function describeAlerts(db: Executor, where: Expression<SqlBool>, limit: number) {
  const rows = await db
    .selectFrom('assistance_return_alert as a')
    .innerJoin('assistance_household as h', 'h.id', 'a.household_id')
    .innerJoin('person as p', 'p.id', 'h.person_id')
    .innerJoin('org_unit as o', 'o.id', 'h.org_unit_id')
    .select(['a.id', 'a.household_id', 'o.name as union_name', 'p.name', 'a.status', 'a.raised_at', 'a.decision_reason'])
    .where(where)
    .orderBy('a.raised_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute();
  const signals =
    rows.length === 0
      ? []
      : await db
          .selectFrom('assistance_risk_signal')
          .select(['alert_id', 'kind', 'occurred_on', 'source'])
          .where('alert_id', 'in', rows.map((row) => row.id))
          .orderBy('id')
          .execute();
  return rows.map((row) => ({
    id: row.id,
    householdId: row.household_id,
    orgUnitName: row.union_name,
    workerName: row.name,
    status: row.status,
    statusLabel: ALERT_STATUS_LABELS[row.status as AlertStatus],
    raisedAt: row.raised_at.toISOString(),
    signals: signals
      .filter((signal) => signal.alert_id === row.id)
      .map((signal) => ({ kind: signal.kind, kindLabel: RISK_KIND_LABELS[signal.kind], occurredOn: signal.occurred_on, source: signal.source })),
    decisionReason: row.decision_reason,
  }));
}

/** 返困预警 of a subtree by status, newest first, with the count for the dashboard. */
export async function findAlerts(ctx: RequestContext, query: { orgUnitId?: number | undefined; status: AlertStatus; limit: number }) {
  const rootPath = await rootPathOf(ctx, query.orgUnitId);
  const where = sql<SqlBool>`${subtreeOf('a.org_path', rootPath)} and a.status = ${query.status}`;
  const [items, total] = await Promise.all([
    describeAlerts(ctx.db, where, query.limit),
    ctx.db.selectFrom('assistance_return_alert as a').select((eb) => eb.fn.countAll<number>().as('count')).where(where).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.count) };
}

/**
 * The dashboard's figures for a subtree: exits and their outcomes per year
 * (exits by the year they were taken; 稳定脱困 and returns by the year the
 * monitoring ended), files in monitoring, open alerts, overdue call-backs, and
 * filed files meeting the income exit condition. Each is an index range over
 * (org_path, …) — partial indexes for the open items — so a city of 100,000
 * households reads only its own rows (migration 1640).
 */
export async function monitoringSummary(ctx: RequestContext, query: { orgUnitId?: number | undefined }): Promise<TMonitoringSummary> {
  const rootPath = await rootPathOf(ctx, query.orgUnitId);
  const today = beijingDate(ctx.now());
  const count = (row: { count: number | string } | undefined) => Number(row?.count ?? 0);
  const [exits, ended, monitoring, openAlerts, overdue, ready] = await Promise.all([
    ctx.db
      .selectFrom('assistance_exit')
      .select([sql<number>`extract(year from exited_on)::int`.as('year'), (eb) => eb.fn.countAll<number>().as('count')])
      .where(subtreeOf('org_path', rootPath))
      .groupBy(sql`extract(year from exited_on)::int`)
      .execute(),
    ctx.db
      .selectFrom('assistance_exit')
      .select([sql<number>`extract(year from ended_on)::int`.as('year'), 'outcome', (eb) => eb.fn.countAll<number>().as('count')])
      .where(subtreeOf('org_path', rootPath))
      .where('outcome', 'in', ['stable', 'returned'])
      .groupBy([sql`extract(year from ended_on)::int`, 'outcome'])
      .execute(),
    ctx.db.selectFrom('assistance_household').select((eb) => eb.fn.countAll<number>().as('count')).where(subtreeOf('org_path', rootPath)).where('status', '=', 'monitoring').executeTakeFirst(),
    ctx.db.selectFrom('assistance_return_alert').select((eb) => eb.fn.countAll<number>().as('count')).where(subtreeOf('org_path', rootPath)).where('status', '=', 'open').executeTakeFirst(),
    ctx.db
      .selectFrom('assistance_callback as c')
      .innerJoin('assistance_exit as e', 'e.id', 'c.exit_id')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where(subtreeOf('c.org_path', rootPath))
      .where('c.contacted_on', 'is', null)
      .where('c.due_on', '<', today)
      .where('e.outcome', 'is', null)
      .executeTakeFirst(),
    ctx.db
      .selectFrom('assistance_household')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where(subtreeOf('org_path', rootPath))
      .where('status', '=', 'filed')
      .where('exit_condition_met', '=', true)
      .executeTakeFirst(),
  ]);
  const years = new Map<number, { year: number; exits: number; stable: number; returns: number }>();
  const yearRow = (year: number) => years.get(year) ?? years.set(year, { year, exits: 0, stable: 0, returns: 0 }).get(year)!;
  for (const row of exits) yearRow(Number(row.year)).exits += Number(row.count);
  for (const row of ended) yearRow(Number(row.year))[row.outcome === 'stable' ? 'stable' : 'returns'] += Number(row.count);
  return {
    byYear: [...years.values()].sort((a, b) => a.year - b.year),
    monitoring: count(monitoring),
    openAlerts: count(openAlerts),
    overdueCallbacks: count(overdue),
    meetsExitCondition: count(ready),
  };
}
