import { sql } from 'kysely';
import type { Executor } from '../../../../core/db/transaction';
import { AppError } from '../../../../core/http/errors';
import { type AidCategory, AID_CATEGORY_LABELS, COMMITTED_AID_STATUSES, EDUCATION_STAGE_LABELS, type EducationStage } from '../../aid-vocabulary';
import { HARDSHIP_TIER_LABELS, type HardshipTier } from '../../contract';
import { AID_RULE_KEY_LABELS, type AidCap, type AidRuleKey, type CapBreach, capBreach, dibaoMonthsFen, yuanTextToFen } from '../../rules/aid-caps';
import { formatMultiple, formatYuan, toScaled } from '../../rules/money';
import { pickRuleValue } from '../../rules/rule-values';
import './aid-schema';

/** What a record or a campaign row would give a household, as the caps see it. */
export type AidClaim = {
  householdId: number;
  category: AidCategory;
  aidDate: string;
  studentMemberId: number | null;
  educationStage: EducationStage | null;
  amountFen: bigint;
};

/** The household figures the caps read (the filed tier and the 低保 standard of its file). */
export type CapHousehold = { id: number; filed_tier: HardshipTier | null; dibao_monthly: string };

async function ruleValue(db: Executor, key: AidRuleKey, day: string): Promise<string> {
  const rows = await db
    .selectFrom('assistance_rule_value')
    .select(['key', 'value', 'effective_from as effectiveFrom', 'source'])
    .where('key', '=', key)
    .where('effective_from', '<=', day)
    .execute();
  const row = pickRuleValue(rows, key, day);
  if (!row) throw new AppError('CONFLICT', `${day} 没有生效的帮扶规则「${AID_RULE_KEY_LABELS[key]}」，请联系管理员维护规则表`);
  return row.value;
}

/**
 * What the household already holds in the claim's year, in fen: committed
 * records (approved and after) and approved campaign rows not yet distributed
 * (a distributed row is a record). Runs after the caller locked the household
 * row, so two approvals of one household count one after the other.
 */
async function givenThisYear(db: Executor, claim: AidClaim, year: number) {
  const committed = sql.join(COMMITTED_AID_STATUSES.map((status) => sql.lit(status)));
  const result = await sql<{ total: string; category: string; student: string }>`
    select coalesce(sum(amount), 0)::text as total,
           coalesce(sum(amount) filter (where category = ${claim.category}), 0)::text as category,
           coalesce(sum(amount) filter (where category = 'education' and student_member_id = ${claim.studentMemberId ?? 0}), 0)::text as student
    from (
      select amount, category, student_member_id from assistance_aid_record
      where household_id = ${claim.householdId} and aid_year = ${year} and status in (${committed})
      union all
      select amount, category, student_member_id from assistance_aid_campaign_household
      where household_id = ${claim.householdId} and aid_year = ${year} and status = 'approved'
    ) given
  `.execute(db);
  const row = result.rows[0]!;
  return { total: yuanTextToFen(row.total), category: yuanTextToFen(row.category), student: yuanTextToFen(row.student) };
}

/**
 * The caps that apply to a claim (domain.md §2.4), with what the year holds:
 * the household's annual total; 生活救助 in months of the file's 低保 standard
 * by its filed tier; 助学 per student by stage. Values are the rule rows in
 * force on the day of the aid.
 */
export async function capsFor(db: Executor, household: CapHousehold, claim: AidClaim): Promise<AidCap[]> {
  const year = Number(claim.aidDate.slice(0, 4));
  const given = await givenThisYear(db, claim, year);
  const yuanRule = async (key: AidRuleKey) => yuanTextToFen(await ruleValue(db, key, claim.aidDate));
  const caps: AidCap[] = [{ label: '每户每年帮扶合计', limitFen: await yuanRule('aid_cap_household_total_yuan'), givenFen: given.total }];
  if (claim.category === 'living' && household.filed_tier && household.filed_tier in LIVING_KEYS) {
    const tier = household.filed_tier as keyof typeof LIVING_KEYS;
    const months = toScaled(Number(await ruleValue(db, LIVING_KEYS[tier], claim.aidDate)));
    const dibao = yuanTextToFen(household.dibao_monthly);
    caps.push({
      label: `${AID_CATEGORY_LABELS.living}年度上限（${HARDSHIP_TIER_LABELS[tier]}：${formatMultiple(months)} 个月低保标准，每月 ${formatYuan(dibao)} 元）`,
      limitFen: dibaoMonthsFen(months, dibao),
      givenFen: given.category,
    });
  }
  if (claim.category === 'education' && claim.educationStage) {
    const key = claim.educationStage === 'compulsory' ? 'aid_cap_education_compulsory_yuan' : 'aid_cap_education_senior_yuan';
    caps.push({ label: `助学每生每年（${EDUCATION_STAGE_LABELS[claim.educationStage]}）`, limitFen: await yuanRule(key), givenFen: given.student });
  }
  return caps;
}

const LIVING_KEYS = {
  deep: 'aid_cap_living_dibao_months_deep',
  relative: 'aid_cap_living_dibao_months_relative',
  accident: 'aid_cap_living_dibao_months_accident',
} as const satisfies Partial<Record<HardshipTier, AidRuleKey>>;

/** The refusal for a claim over a cap, in words and figures, or null. The caller holds the household row locked. */
export async function claimBreach(db: Executor, household: CapHousehold, claim: AidClaim): Promise<CapBreach | null> {
  return capBreach(await capsFor(db, household, claim), claim.amountFen, Number(claim.aidDate.slice(0, 4)));
}

/** The refusal's words for a claim over a cap, or null. The caller holds the household row locked. */
export async function claimRefusal(db: Executor, household: CapHousehold, claim: AidClaim): Promise<string | null> {
  return (await claimBreach(db, household, claim))?.message ?? null;
}
