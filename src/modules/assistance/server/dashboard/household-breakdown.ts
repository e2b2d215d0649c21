import { sql } from 'kysely';
import type { Executor } from '../../../../core/db/transaction';
import { subtreeRange } from '../../../../core/org/tree';
import type { TAssistanceDashboard } from '../../dashboard-contract';
import { HARDSHIP_TIER_LABELS } from '../../contract';
import { HARDSHIP_CAUSE_LABELS, HARDSHIP_CAUSES, HOUSEHOLD_STATUS_LABELS, HOUSEHOLD_STATUSES, type HouseholdStatus } from '../../vocabulary';

/** The tiers a file is filed under (filed_tier; migration 1610). */
const FILED_TIERS = ['deep', 'relative', 'accident'] as const;
type FiledTier = (typeof FILED_TIERS)[number];

/** 建档中: from the application to the public notice (server/filing/filing-workflow.ts). */
export const IN_PROGRESS_STATUSES: readonly HouseholdStatus[] = ['draft', 'first_review', 'home_visit', 'financial_check', 'notice'];

type Group = { child: string; status: HouseholdStatus; tier: FiledTier | null; cause: string; count: number };
type Unit = { id: number; name: string; path: string };

/**
 * 困难职工家庭 of a subtree by tier, main cause, state and child union, in one
 * grouped pass over the subtree's index range (an index-only scan of
 * assistance_household_breakdown, migration 1650). The child union of a row is the
 * id that follows the root's path in the row's path; an empty one is the
 * root union's own file. Tier and cause count 在档 files (status filed).
 */
export async function householdBreakdown(db: Executor, root: Unit): Promise<TAssistanceDashboard['households']> {
  const { from, to } = subtreeRange(root.path);
  const start = root.path.length + 1;
  const [groups, children] = await Promise.all([
    // Grouped by path first (in index order: no sort), then by child union over the few groups left.
    sql<Group>`
      select split_part(substr(org_path, ${start}), '.', 1) as child, status, tier, cause, sum(n)::int as count
      from (
        select org_path, status,
               case when status = 'filed' then filed_tier end as tier,
               case when status = 'filed' then main_cause else '' end as cause,
               count(*) as n
        from assistance_household
        where org_path >= ${from} and org_path < ${to}
        group by org_path, status, filed_tier, main_cause
      ) as by_path
      group by 1, 2, 3, 4
    `.execute(db),
    db.selectFrom('org_unit').select(['id', 'name', 'status', 'sort_order']).where('parent_id', '=', root.id).orderBy('sort_order').orderBy('id').execute(),
  ]);
  const rows = groups.rows.map((row) => ({ ...row, count: Number(row.count) }));
  const sum = (keep: (row: Group) => boolean) => rows.filter(keep).reduce((total, row) => total + row.count, 0);
  const isFiled = (row: Group) => row.status === 'filed';

  const unitLine = (id: number, name: string, isOwn: boolean, key: string) => {
    const mine = (row: Group) => row.child === key;
    return {
      orgUnitId: id,
      name,
      isOwn,
      deep: sum((row) => mine(row) && isFiled(row) && row.tier === 'deep'),
      relative: sum((row) => mine(row) && isFiled(row) && row.tier === 'relative'),
      accident: sum((row) => mine(row) && isFiled(row) && row.tier === 'accident'),
      filed: sum((row) => mine(row) && isFiled(row)),
      inProgress: sum((row) => mine(row) && IN_PROGRESS_STATUSES.includes(row.status)),
      monitoring: sum((row) => mine(row) && row.status === 'monitoring'),
    };
  };
  // A dissolved child hands its files on (org-listener.ts): shown only while it still holds some.
  const keys = new Set(rows.map((row) => row.child));
  const byUnit = children.filter((child) => child.status === 'active' || keys.has(String(child.id))).map((child) => unitLine(child.id, child.name, false, String(child.id)));
  if (keys.has('')) byUnit.unshift(unitLine(root.id, `${root.name}（本级）`, true, ''));

  return {
    total: sum(() => true),
    filed: sum(isFiled),
    inProgress: sum((row) => IN_PROGRESS_STATUSES.includes(row.status)),
    byTier: FILED_TIERS.map((code) => ({ code, label: HARDSHIP_TIER_LABELS[code], count: sum((row) => isFiled(row) && row.tier === code) })),
    byCause: HARDSHIP_CAUSES.map((code) => ({ code, label: HARDSHIP_CAUSE_LABELS[code], count: sum((row) => isFiled(row) && row.cause === code) })),
    byStatus: HOUSEHOLD_STATUSES.map((code) => ({ code, label: HOUSEHOLD_STATUS_LABELS[code], count: sum((row) => row.status === code) })),
    byUnit,
  };
}
