import { sql } from 'kysely';
import type { Executor } from '../../../../core/db/transaction';

export type HouseholdCounterDrift = { orgUnitId: number; status: string; tier: string; cause: string; maintained: number; computed: number };

/**
 * Counters of assistance_household_stat (migration 1820) that differ from a
 * count from scratch (zero counters count as absent). Read as the owner: the
 * tests that prove the trigger keeps the counters exact, and an operator
 * checking a database after a bulk load.
 */
export async function findHouseholdCounterDrift(db: Executor): Promise<HouseholdCounterDrift[]> {
  const result = await sql<{ org_unit_id: number; status: string; tier: string; cause: string; maintained: number; computed: number }>`
    with computed as (
      select ancestor::integer as org_unit_id, status,
             case when status = 'filed' then coalesce(filed_tier, '') else '' end as tier,
             case when status = 'filed' then main_cause else '' end as cause,
             count(*)::integer as value
      from assistance_household
      cross join lateral unnest(string_to_array(rtrim(org_path, '.'), '.')) as ancestor
      group by 1, 2, 3, 4
    ),
    maintained as (select org_unit_id, status, tier, cause, count as value from assistance_household_stat where count <> 0)
    select coalesce(c.org_unit_id, m.org_unit_id) as org_unit_id, coalesce(c.status, m.status) as status,
           coalesce(c.tier, m.tier) as tier, coalesce(c.cause, m.cause) as cause,
           coalesce(m.value, 0) as maintained, coalesce(c.value, 0) as computed
    from computed c
    full join maintained m on m.org_unit_id = c.org_unit_id and m.status = c.status and m.tier = c.tier and m.cause = c.cause
    where coalesce(m.value, 0) <> coalesce(c.value, 0)
    order by 1, 2, 3, 4
  `.execute(db);
  return result.rows.map((row) => ({ orgUnitId: row.org_unit_id, status: row.status, tier: row.tier, cause: row.cause, maintained: row.maintained, computed: row.computed }));
}
