import { sql } from 'kysely';
import { orgPathInScope } from '../../../../core/access/scope';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import { subtreeRange } from '../../../../core/org/tree';
import type { TFundsSummary } from '../../aid-contract';
import { AID_CATEGORIES, AID_CATEGORY_LABELS, DISBURSED_AID_STATUSES, FUNDING_SOURCE_LABELS, FUNDING_SOURCES } from '../../aid-vocabulary';
import { yuanTextToFen } from '../../rules/aid-caps';
import { fenToYuan } from '../../rules/money';

type Line = { source: string; category: string; status: string; amount: string; records: number };

/**
 * 帮扶资金 of a subtree and year, for the dashboard: one grouped read of the
 * year's index range narrowed to the subtree (assistance_aid_record_year_scope,
 * amounts included in the index), summed by source, category and state.
 */
export async function fundsSummary(ctx: RequestContext, query: { orgUnitId?: number | undefined; year: number }): Promise<TFundsSummary> {
  const orgUnitId = query.orgUnitId ?? requireUser(ctx).org.id;
  const { from, to } = subtreeRange(await orgPathInScope(ctx, orgUnitId));
  const result = await sql<Line>`
    select funding_source as source, category, status, sum(amount)::text as amount, count(*)::int as records
    from assistance_aid_record
    where aid_year = ${query.year} and org_path >= ${from} and org_path < ${to}
    group by funding_source, category, status
  `.execute(ctx.db);
  const disbursed = result.rows.filter((row) => (DISBURSED_AID_STATUSES as readonly string[]).includes(row.status));
  const sum = (rows: readonly Line[]) => rows.reduce((total, row) => total + yuanTextToFen(row.amount), 0n);
  const count = (rows: readonly Line[]) => rows.reduce((total, row) => total + Number(row.records), 0);
  return {
    orgUnitId,
    year: query.year,
    disbursed: fenToYuan(sum(disbursed)),
    records: count(disbursed),
    approvedNotPaid: fenToYuan(sum(result.rows.filter((row) => row.status === 'approved'))),
    bySource: FUNDING_SOURCES.map((code) => {
      const rows = disbursed.filter((row) => row.source === code);
      return { code, label: FUNDING_SOURCE_LABELS[code], amount: fenToYuan(sum(rows)), records: count(rows) };
    }),
    byCategory: AID_CATEGORIES.map((code) => {
      const rows = disbursed.filter((row) => row.category === code);
      return { code, label: AID_CATEGORY_LABELS[code], amount: fenToYuan(sum(rows)), records: count(rows) };
    }),
  };
}
