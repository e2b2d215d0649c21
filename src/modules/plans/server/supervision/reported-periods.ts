import type { RequestContext } from '../../../../core/http/request-context';
import { subtreeOf } from '../../../../core/org/tree';

export type ReportedPeriods = { has(measureId: number, period: string, unitPath: string): boolean };

/**
 * Which measures have a submitted or accepted report for the period now due
 * (`due`: measure → its last due period, or null when none is due) somewhere
 * in each union's subtree below `rootPath`. One query over the root's subtree;
 * each report is then filed under every union on its path from the root down
 * (paths of ids, "1.14.203."), so asking about any union is a lookup however
 * many unions and reports the subtree holds.
 */
export async function reportedPeriods(
  ctx: RequestContext,
  planId: number,
  rootPath: string,
  due: ReadonlyMap<number, { period: string } | null>,
): Promise<ReportedPeriods> {
  const pairs = [...due].filter((entry): entry is [number, { period: string }] => entry[1] !== null);
  const filed = new Set<string>();
  const key = (measureId: number, period: string, unitPath: string) => `${measureId}:${period}:${unitPath}`;
  if (pairs.length > 0) {
    const rows = await ctx.db
      .selectFrom('plans_report')
      .select(['measure_id', 'period', 'org_path'])
      .where('plan_id', '=', planId)
      .where('state', 'in', ['submitted', 'accepted'])
      .where((eb) => eb.or(pairs.map(([measureId, { period }]) => eb.and([eb('measure_id', '=', measureId), eb('period', '=', period)]))))
      .where(subtreeOf('plans_report.org_path', rootPath))
      .execute();
    for (const row of rows) {
      for (let end = row.org_path.indexOf('.', rootPath.length - 1); end !== -1; end = row.org_path.indexOf('.', end + 1)) {
        filed.add(key(row.measure_id, row.period, row.org_path.slice(0, end + 1)));
      }
    }
  }
  return { has: (measureId, period, unitPath) => filed.has(key(measureId, period, unitPath)) };
}
