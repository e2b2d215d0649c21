import { inCallerScope } from '../../../../core/access/scope';
import { beijingDate } from '../../../../core/files/beijing-time';
import { notFound } from '../../../../core/http/errors';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import type { TAssistanceDashboard, TDashboardQuery } from '../../dashboard-contract';
import { fenToYuan } from '../../rules/money';
import { fundsSummary } from '../aid/funds-summary';
import { monitoringSummary } from '../monitoring/monitoring-views';
import { campaignBudget } from './campaign-budget';
import { householdBreakdown } from './household-breakdown';

/** The union the dashboard is for: the caller's, or one in its subtree (404 outside). */
async function dashboardUnit(ctx: RequestContext, orgUnitId: number | undefined) {
  const unit = await ctx.db
    .selectFrom('org_unit')
    .select(['id', 'name', 'path'])
    .where('id', '=', orgUnitId ?? requireUser(ctx).org.id)
    .where(inCallerScope(ctx, 'org_unit.path'))
    .executeTakeFirst();
  if (!unit) throw notFound('组织');
  return unit;
}

/**
 * 帮扶统计 of a union's subtree and a year (issue 6 "Dashboard"): files by
 * tier, cause, state and child union (householdBreakdown); the year's funds
 * by source and category (the aid slice's fundsSummary) against the
 * campaigns' budgets (campaignBudget); exits, returns, alerts and overdue
 * call-backs (the monitoring slice's monitoringSummary). Each part is an
 * index range over the subtree, so the answer stays fast at 100,000 files
 * (bench/assistance.bench.ts).
 */
export async function assistanceDashboard(ctx: RequestContext, query: TDashboardQuery): Promise<TAssistanceDashboard> {
  const now = ctx.now();
  const year = query.year ?? Number(beijingDate(now).slice(0, 4));
  const unit = await dashboardUnit(ctx, query.orgUnitId);
  const [households, funds, budget, monitoring] = await Promise.all([
    householdBreakdown(ctx.db, unit),
    fundsSummary(ctx, { orgUnitId: unit.id, year }),
    campaignBudget(ctx.db, unit.path, year),
    monitoringSummary(ctx, { orgUnitId: unit.id }),
  ]);
  const budgetOf = (keep: (line: (typeof budget)[number]) => boolean) => fenToYuan(budget.filter(keep).reduce((total, line) => total + line.budget, 0n));
  const thisYear = monitoring.byYear.find((row) => row.year === year) ?? { exits: 0, stable: 0, returns: 0 };
  return {
    orgUnit: { id: unit.id, name: unit.name },
    year,
    asOf: beijingDate(now),
    households,
    funds: {
      disbursed: funds.disbursed,
      records: funds.records,
      approvedNotPaid: funds.approvedNotPaid,
      budget: budgetOf(() => true),
      campaigns: budget.reduce((total, line) => total + line.campaigns, 0),
      bySource: funds.bySource.map((line) => ({ ...line, budget: budgetOf((row) => row.source === line.code) })),
      byCategory: funds.byCategory.map((line) => ({ ...line, budget: budgetOf((row) => row.category === line.code) })),
    },
    monitoring: {
      exits: thisYear.exits,
      stable: thisYear.stable,
      returns: thisYear.returns,
      byYear: monitoring.byYear,
      monitoring: monitoring.monitoring,
      openAlerts: monitoring.openAlerts,
      overdueCallbacks: monitoring.overdueCallbacks,
      meetsExitCondition: monitoring.meetsExitCondition,
    },
  };
}

