import { sql } from 'kysely';
import { orgPathInScope } from '../../../../core/access/scope';
import { beijingDate } from '../../../../core/files/beijing-time';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import { subtreeOf } from '../../../../core/org/tree';
import { orgTypeLabel } from '../../../orgs/contract';
import { EMPLOYMENT_FORM_LABELS, MEMBERSHIP_STATUS_LABELS, type TMemberStats } from '../../contract';
import { loadRateRules } from './rate-rules';

const AGE_BANDS = [
  { key: 'to35', label: '35岁及以下', max: 35 },
  { key: '36to45', label: '36–45岁', max: 45 },
  { key: '46to55', label: '46–55岁', max: 55 },
  { key: 'over55', label: '56岁及以上', max: Number.POSITIVE_INFINITY },
] as const;

const percent = (numerator: number, denominator: number) => (denominator > 0 ? Math.round((numerator / denominator) * 1000) / 10 : null);

function monthsBack(today: string, count: number): string[] {
  const [year, month] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, index) => {
    const offset = year * 12 + (month - 1) - (count - 1 - index);
    return `${Math.floor(offset / 12)}-${String((offset % 12) + 1).padStart(2, '0')}`;
  });
}

/**
 * The figures of a subtree from the maintained counters (members_stat): one
 * primary-key range read for the unit, one for its children, and a range count
 * of the org units — no scan of the memberships, whatever their number.
 */
export async function getMemberStats(ctx: RequestContext, orgUnitId: number | undefined): Promise<TMemberStats> {
  const user = requireUser(ctx);
  const rootPath = orgUnitId === undefined ? user.org.path : await orgPathInScope(ctx, orgUnitId);
  const root = await ctx.db.selectFrom('org_unit').select(['id', 'name', 'type']).where('path', '=', rootPath).executeTakeFirstOrThrow();
  const counters = new Map(
    (await ctx.db.selectFrom('members_stat').select(['key', 'value']).where('org_unit_id', '=', root.id).execute()).map((row) => [row.key, row.value]),
  );
  const count = (key: string) => counters.get(key) ?? 0;
  const today = beijingDate(ctx.now());
  const thisYear = Number(today.slice(0, 4));

  const byPrefix = (prefix: string) => [...counters].filter(([key, value]) => key.startsWith(prefix) && value !== 0);
  const byAgeBand = AGE_BANDS.map((band) => ({ key: band.key, label: band.label, count: 0 }));
  for (const [key, value] of byPrefix('born:')) {
    const age = thisYear - Number(key.slice(5));
    const index = AGE_BANDS.findIndex((band) => age <= band.max);
    byAgeBand[index]!.count += value;
  }

  // Members at each month's end: now, minus what started after it, plus what ended after it.
  const months = monthsBack(today, 12);
  let members = count('members');
  const trend: TMemberStats['trend'] = [];
  for (let index = months.length - 1; index >= 0; index -= 1) {
    const month = months[index]!;
    trend.unshift({ month, members, started: count(`in:${month}`), ended: count(`out:${month}`) });
    members = members - count(`in:${month}`) + count(`out:${month}`);
  }

  const children = await ctx.db
    .selectFrom('org_unit as o')
    .leftJoin('members_stat as total', (join) => join.onRef('total.org_unit_id', '=', 'o.id').on('total.key', '=', 'members'))
    .leftJoin('members_stat as gig', (join) => join.onRef('gig.org_unit_id', '=', 'o.id').on('gig.key', '=', 'gig'))
    .select(['o.id', 'o.name', 'o.type', 'total.value as members', 'gig.value as gig'])
    .where('o.parent_id', '=', root.id)
    .where('o.status', '=', 'active')
    .orderBy('o.sort_order')
    .orderBy('o.id')
    .limit(60)
    .execute();

  const rules = await loadRateRules(ctx.db);
  // One range scan of the subtree's units: counts by type, employees of the unionized units, and those at the threshold.
  const units = await ctx.db
    .selectFrom('org_unit')
    .select([
      'type',
      sql<number>`count(*)::int`.as('count'),
      sql<number>`coalesce(sum(employee_count), 0)::int`.as('employees'),
      sql<number>`count(*) filter (where employee_count >= ${rules.unionizationThreshold})::int`.as('atThreshold'),
    ])
    .where(subtreeOf('org_unit.path', rootPath))
    .where('status', '=', 'active')
    .groupBy('type')
    .execute();
  const unionizedTypes = units.filter((unit) => unit.type === 'grassroots' || unit.type === 'joint_grassroots');
  const employees = { total: unionizedTypes.reduce((sum, unit) => sum + unit.employees, 0) };
  const unionized = { count: unionizedTypes.reduce((sum, unit) => sum + unit.atThreshold, 0) };

  return {
    root,
    members: count('members'),
    newThisYear: count(`joined:${thisYear}`),
    gig: count('gig'),
    byStatus: byPrefix('status:').map(([key, value]) => ({ key: key.slice(7), label: MEMBERSHIP_STATUS_LABELS[key.slice(7) as keyof typeof MEMBERSHIP_STATUS_LABELS] ?? key, count: value })),
    byForm: byPrefix('form:')
      .map(([key, value]) => ({ key: key.slice(5), label: EMPLOYMENT_FORM_LABELS[key.slice(5) as keyof typeof EMPLOYMENT_FORM_LABELS] ?? '未填写', count: value }))
      .sort((a, b) => b.count - a.count),
    byGender: [
      { key: 'male', label: '男', count: count('gender:male') },
      { key: 'female', label: '女', count: count('gender:female') },
    ],
    byAgeBand,
    trend,
    byChild: children.map((child) => ({ id: child.id, name: child.name, type: child.type, members: child.members ?? 0, gig: child.gig ?? 0 })),
    unionsByType: units.map((unit) => ({ key: unit.type, label: orgTypeLabel(unit.type), count: unit.count })).sort((a, b) => b.count - a.count),
    joinRate: {
      value: percent(count('members'), employees.total),
      numerator: count('members'),
      denominator: employees.total,
      formula: rules.joinRateFormula,
      note: rules.source,
    },
    unionizationRate: await unionizationRate(ctx, rootPath, rules, unionized.count),
    asOf: today,
  };
}

async function unionizationRate(ctx: RequestContext, rootPath: string, rules: Awaited<ReturnType<typeof loadRateRules>>, unionizedUnits: number): Promise<TMemberStats['unionizationRate']> {
  const required = await sql<{ required: number; unionized: number }>`
    select count(*)::int as required, count(*) filter (where union_org_unit_id is not null)::int as unionized
    from employer_unit
    where responsible_path >= ${rootPath} and responsible_path < ${`${rootPath.slice(0, -1)}/`}
      and employee_count >= ${rules.unionizationThreshold}
  `.execute(ctx.db);
  const row = required.rows[0] ?? { required: 0, unionized: 0 };
  return {
    value: percent(row.unionized, row.required),
    numerator: row.unionized,
    denominator: row.required,
    formula: rules.unionizationRateFormula,
    note: row.required === 0 ? `应建会单位名录为空：已建会的职工 ${rules.unionizationThreshold} 人以上基层工会 ${unionizedUnits} 个，分母待导入法人单位名录` : rules.source,
  };
}
