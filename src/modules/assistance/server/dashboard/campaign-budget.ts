import { sql } from 'kysely';
import type { Executor } from '../../../../core/db/transaction';
import { subtreeRange } from '../../../../core/org/tree';
import { yuanTextToFen } from '../../rules/aid-caps';

export type BudgetLine = { source: string; category: string; budget: bigint; campaigns: number };

/**
 * The budget the funds are set against: the budgets of the year's campaigns
 * (批量帮扶活动, by aid date) paid by unions of the subtree, cancelled ones
 * left out, by funding source and category, in fen. The platform has no
 * annual budget table (BUDGET_NOTE): single records carry no budget.
 * Campaigns are few (hundreds a year), read through assistance_aid_campaign_scope.
 */
export async function campaignBudget(db: Executor, rootPath: string, year: number): Promise<BudgetLine[]> {
  const { from, to } = subtreeRange(rootPath);
  const result = await sql<{ source: string; category: string; budget: string; campaigns: number }>`
    select funding_source as source, category, sum(budget)::text as budget, count(*)::int as campaigns
    from assistance_aid_campaign
    where org_path >= ${from} and org_path < ${to}
      and aid_date >= ${`${year}-01-01`} and aid_date < ${`${year + 1}-01-01`}
      and status <> 'cancelled'
    group by funding_source, category
  `.execute(db);
  return result.rows.map((row) => ({ source: row.source, category: row.category, budget: yuanTextToFen(row.budget), campaigns: Number(row.campaigns) }));
}
