import type { Executor } from '../../../../core/db/transaction';
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
 * 困难职工家庭 of a subtree by tier, main cause, state and child union, from the
 * maintained counters (assistance_household_stat, migration 1820): each file
 * counts at every union on its path, so the root's rows are the subtree's
 * totals, each child's rows its line, and what the children do not account
 * for is the root union's own files (本级). Tier and cause count 在档 files
 * (status filed).
 */
export async function householdBreakdown(db: Executor, root: Unit): Promise<TAssistanceDashboard['households']> {
  const children = await db.selectFrom('org_unit').select(['id', 'name', 'status', 'sort_order']).where('parent_id', '=', root.id).orderBy('sort_order').orderBy('id').execute();
  // The root's counters and its children's, found through the children's parent (a county may have
  // thousands of grassroots unions: no list of ids is sent).
  const counters = await db
    .selectFrom('assistance_household_stat')
    .select(['org_unit_id', 'status', 'tier', 'cause', 'count'])
    .where('org_unit_id', '=', root.id)
    .where('count', '<>', 0)
    .unionAll((eb) =>
      eb
        .selectFrom('assistance_household_stat as s')
        .innerJoin('org_unit as o', 'o.id', 's.org_unit_id')
        .select(['s.org_unit_id', 's.status', 's.tier', 's.cause', 's.count'])
        .where('o.parent_id', '=', root.id)
        .where('s.count', '<>', 0),
    )
    .execute();
  const groups: Group[] = [];
  const own = new Map<string, Group>();
  const keyOf = (row: { status: string; tier: string; cause: string }) => `${row.status}|${row.tier}|${row.cause}`;
  for (const row of counters) {
    const group = { status: row.status as HouseholdStatus, tier: (row.tier || null) as FiledTier | null, cause: row.cause, count: row.count };
    if (row.org_unit_id === root.id) own.set(keyOf(row), { ...group, child: '' });
    else groups.push({ ...group, child: String(row.org_unit_id) });
  }
  // The root's counters hold the whole subtree: take the children's share off to leave its own files.
  for (const group of groups) {
    const mine = own.get(keyOf({ ...group, tier: group.tier ?? '' }))!;
    mine.count -= group.count;
  }
  for (const group of own.values()) if (group.count !== 0) groups.push(group);
  const rows = groups;
  const sumOf = (lines: readonly Group[], keep: (row: Group) => boolean) => lines.reduce((total, row) => (keep(row) ? total + row.count : total), 0);
  const sum = (keep: (row: Group) => boolean) => sumOf(rows, keep);
  const isFiled = (row: Group) => row.status === 'filed';
  // Each child's rows apart first: a county may show a thousand grassroots unions.
  const byChild = new Map<string, Group[]>();
  for (const row of rows) {
    const lines = byChild.get(row.child) ?? [];
    lines.push(row);
    byChild.set(row.child, lines);
  }

  const unitLine = (id: number, name: string, isOwn: boolean, key: string) => {
    const mine = byChild.get(key) ?? [];
    return {
      orgUnitId: id,
      name,
      isOwn,
      deep: sumOf(mine, (row) => isFiled(row) && row.tier === 'deep'),
      relative: sumOf(mine, (row) => isFiled(row) && row.tier === 'relative'),
      accident: sumOf(mine, (row) => isFiled(row) && row.tier === 'accident'),
      filed: sumOf(mine, isFiled),
      inProgress: sumOf(mine, (row) => IN_PROGRESS_STATUSES.includes(row.status)),
      monitoring: sumOf(mine, (row) => row.status === 'monitoring'),
    };
  };
  // A dissolved child hands its files on (org-listener.ts): shown only while it still holds some.
  const keys = new Set(byChild.keys());
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
