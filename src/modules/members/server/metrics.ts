import { sql } from 'kysely';
import { z } from 'zod';
import type { Executor } from '../../../core/db/transaction';
import { type AnyMetric, defineMetric, type MetricScope } from '../../../core/metrics/define-metric';
import { metricEnumParam } from '../../../core/metrics/metric-params';
import { subtreeOf } from '../../../core/org/tree';
import { ORG_TYPE_LABELS } from '../../orgs/contract';
import { EMPLOYMENT_FORM_LABELS, GIG_EMPLOYMENT_FORMS } from '../contract';
import { MEMBERS_READ } from './routes';
import { DEFAULT_RATE_RULES } from './stats/rate-rules';

/**
 * The members module's published counts (the metric registry, issue 5), read
 * from the maintained counters in members_stat (stat-keys.ts): a subtree's
 * figure is one primary-key read, whatever its size. Counts of unions and the
 * 入会率 denominator are an index range over org_unit, as on the stats page.
 */

/** A counter of the subtree at `scope` (stat-keys.ts); absent means zero. */
async function counter(db: Executor, scope: MetricScope, key: string): Promise<number> {
  const row = await db.selectFrom('members_stat').select('value').where('org_unit_id', '=', scope.orgUnitId).where('key', '=', key).executeTakeFirst();
  return row?.value ?? 0;
}

/**
 * The union types whose employees form the 入会率 denominator ("已建会单位职工"):
 * the same as the stats page (get-member-stats.ts); a test holds the two equal.
 */
const UNIONIZED_TYPES = ['grassroots', 'joint_grassroots'] as const;

const noParams = z.object({});

export const membersTotalMetric = defineMetric({
  id: 'members.total',
  permission: MEMBERS_READ,
  label: '会员人数',
  unit: '人',
  description: '本组织及下级工会的现有会员（在会、保留会籍、转会中），取自会员统计表。',
  params: noParams,
  compute: (db, scope) => counter(db, scope, 'members'),
});

export const membersJoinedMetric = defineMetric({
  id: 'members.joined',
  permission: MEMBERS_READ,
  label: '某年入会会员数',
  unit: '人',
  description: '入会日期在指定年份、且目前仍为会员的人数（已退会、转出者不计），可限定就业形态，取自会员统计表。',
  params: z.object({
    year: z.number({ message: '请填写入会年份' }).int('入会年份须为整数').min(1949, '入会年份无效').max(2100, '入会年份无效').describe('入会年份'),
    // "members joined in 2023 by employment form" (issue 5): the joined_form counter (migration 1450).
    employmentForm: metricEnumParam(EMPLOYMENT_FORM_LABELS, '就业形态').optional(),
  }),
  compute: (db, scope, params) =>
    counter(db, scope, params.employmentForm ? `joined_form:${params.year}:${params.employmentForm}` : `joined:${params.year}`),
});

export const membersGigMetric = defineMetric({
  id: 'members.gig',
  permission: MEMBERS_READ,
  label: '新就业形态会员数',
  unit: '人',
  description: `就业形态属新就业形态群体（${GIG_EMPLOYMENT_FORMS.map((form) => EMPLOYMENT_FORM_LABELS[form]).join('、')}）的现有会员，取自会员统计表。`,
  params: noParams,
  compute: (db, scope) => counter(db, scope, 'gig'),
});

export const membersByFormMetric = defineMetric({
  id: 'members.by_form',
  permission: MEMBERS_READ,
  label: '按就业形态的会员数',
  unit: '人',
  description: '指定就业形态的现有会员，取自会员统计表。',
  params: z.object({ employmentForm: metricEnumParam(EMPLOYMENT_FORM_LABELS, '就业形态') }),
  compute: (db, scope, params) => counter(db, scope, `form:${params.employmentForm}`),
});

export const membersUnionsMetric = defineMetric({
  id: 'members.unions',
  permission: MEMBERS_READ,
  label: '工会组织数',
  unit: '个',
  description: '本组织及下级中指定类型的工会组织（未撤销的），含本组织自身。',
  params: z.object({ type: metricEnumParam(ORG_TYPE_LABELS, '组织类型') }),
  compute: async (db, scope, params) => {
    const row = await db
      .selectFrom('org_unit')
      .select(sql<number>`count(*)::int`.as('count'))
      .where(subtreeOf('org_unit.path', scope.orgPath))
      .where('status', '=', 'active')
      .where('type', '=', params.type)
      .executeTakeFirst();
    return row?.count ?? 0;
  },
});

export const membersJoinRateMetric = defineMetric({
  id: 'members.join_rate',
  permission: MEMBERS_READ,
  label: '入会率',
  unit: '%',
  description: `${DEFAULT_RATE_RULES.joinRateFormula}（与会员统计页同一口径，保留一位小数；无已建会单位职工数时为 0）。`,
  params: noParams,
  compute: async (db, scope) => {
    const members = await counter(db, scope, 'members');
    const row = await db
      .selectFrom('org_unit')
      .select(sql<number>`coalesce(sum(employee_count), 0)::int`.as('employees'))
      .where(subtreeOf('org_unit.path', scope.orgPath))
      .where('status', '=', 'active')
      .where('type', 'in', UNIONIZED_TYPES)
      .executeTakeFirst();
    const employees = row?.employees ?? 0;
    // Percent to one decimal, rounded as the stats page rounds it.
    return employees > 0 ? Math.round((members / employees) * 1000) / 10 : 0;
  },
});

/** Listed in the members manifest (`metrics`). */
export const MEMBERS_METRICS: readonly AnyMetric[] = [
  membersTotalMetric,
  membersJoinedMetric,
  membersGigMetric,
  membersByFormMetric,
  membersUnionsMetric,
  membersJoinRateMetric,
];
