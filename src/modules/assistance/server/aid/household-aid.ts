import { sql } from 'kysely';
import type { RequestContext } from '../../../../core/http/request-context';
import { COMMITTED_AID_STATUSES, DISBURSED_AID_STATUSES } from '../../aid-vocabulary';
import { loadHousehold } from '../queries/load-household';
import { aidRecordsWhere, yuanNumber } from './aid-record-views';

/**
 * 帮扶记录 of one household for its detail page (newest first, one year or
 * all), with each year's committed and disbursed totals. Sensitive: audited.
 */
export async function householdAid(ctx: RequestContext, householdId: number, year?: number) {
  await loadHousehold(ctx, householdId);
  const items = await aidRecordsWhere(ctx, { householdId, year });
  const committed = sql.join(COMMITTED_AID_STATUSES.map((status) => sql.lit(status)));
  const disbursed = sql.join(DISBURSED_AID_STATUSES.map((status) => sql.lit(status)));
  const totals = await sql<{ year: number; committed: string; disbursed: string }>`
    select aid_year as year,
           coalesce(sum(amount) filter (where status in (${committed})), 0)::text as committed,
           coalesce(sum(amount) filter (where status in (${disbursed})), 0)::text as disbursed
    from assistance_aid_record where household_id = ${householdId}
    group by aid_year order by aid_year desc
  `.execute(ctx.db);
  await ctx.audit({ action: 'assistance.aid.household', category: 'sensitive-read', targetType: 'assistance_household', targetId: householdId, details: { year: year ?? null, rows: items.length } });
  return { items, totals: totals.rows.map((row) => ({ year: Number(row.year), committed: yuanNumber(row.committed), disbursed: yuanNumber(row.disbursed) })) };
}
