import {
  EXCLUSION_LABELS,
  HARDSHIP_TIER_LABELS,
  SUDDEN_EVENT_LABELS,
  type HardshipTier,
  type TClassification,
  type TClassifyRequest,
} from '../contract';
import { RATIO_SCALE, ceilDiv, fenToYuan, floorDiv, formatMultiple, formatPercent, formatYuan, toScaled, yuanToFen } from './money';

/**
 * 困难职工家庭 classification (domain.md §2.1, the 全总 three-tier scheme), pure: the
 * figures and the rule values in force go in, one tier and its reasons come out.
 *
 * - 排除性条件 first: any one blocks filing whatever the income → `excluded`.
 * - 深度困难: (年度可支配收入 − 刚性支出) ÷ 12 ÷ 家庭共同生活人口 < 当地低保标准.
 * - 相对困难: the same figure < relative_multiple × 低保.
 * - 意外致困: 年度内致困费用 > accident_cost_ratio × 年收入, or a listed sudden event.
 * - "<" and ">" are strict: a household exactly at a threshold is not below (or above) it.
 *   Sums are compared in integer fen, cross-multiplied, so no division rounds a household
 *   across a line; the per-capita figure shown is rounded down to the fen, so it compares
 *   with the standard (a whole number of fen) exactly as the unrounded figure does.
 * - One household, one tier (一户一档): when several hold, the most protective wins —
 *   深度困难, then 相对困难, then 意外致困. The income tiers come first because they bring
 *   the recurring help (生活救助 of 12 or 8 months of 低保 a year, medical and schooling aid,
 *   domain.md §2.4) while 意外致困 aid is a capped one-off sum; the reasons name the others.
 * - 困难农民工 must meet one of the tiers *and* have at least migrant_min_labour_months of
 *   labour relationship; below it the tier is `none` (not `excluded`: it is an unmet
 *   condition of eligibility that time cures, not a 排除性条件), and the reasons say what
 *   the figures alone would give.
 */

export type HouseholdFigures = Pick<
  TClassifyRequest,
  'householdSize' | 'annualIncome' | 'rigidExpenses' | 'suddenCosts' | 'suddenEvent' | 'isMigrantWorker' | 'laborRelationMonths' | 'exclusions'
>;

/** The rule values in force on the day of the classification (assistance_rule_value, assistance_dibao_standard). */
export type ClassificationRules = {
  /** 当地低保标准, yuan a month. */
  dibaoMonthly: number;
  /** 相对困难 below this multiple of 低保 (relative_multiple). */
  relativeMultiple: number;
  /** 意外致困 when the costs exceed this share of the annual income (accident_cost_ratio). */
  accidentCostRatio: number;
  /** 困难农民工: months of labour relationship at least (migrant_min_labour_months). */
  migrantMinLabourMonths: number;
};

/** The formula divides the annual figure by the months of a year. */
const MONTHS_PER_YEAR = 12n;

/** Most protective first. */
const PRECEDENCE: readonly HardshipTier[] = ['deep', 'relative', 'accident'];

const RIGID_PARTS = [
  ['medical', '医疗'],
  ['education', '子女教育'],
  ['disability', '残疾康复护理'],
  ['jobCosts', '必要就业'],
] as const;

export function classifyHousehold(figures: HouseholdFigures, rules: ClassificationRules): TClassification {
  const size = BigInt(figures.householdSize);
  const divisor = MONTHS_PER_YEAR * size;
  const income = yuanToFen(figures.annualIncome);
  const rigidParts = RIGID_PARTS.map(([key, label]) => ({ label, fen: yuanToFen(figures.rigidExpenses[key]) }));
  const rigid = rigidParts.reduce((sum, part) => sum + part.fen, 0n);
  const net = income - rigid;
  const perCapita = floorDiv(net, divisor);
  const dibao = yuanToFen(rules.dibaoMonthly);
  const multiple = toScaled(rules.relativeMultiple);
  const ratio = toScaled(rules.accidentCostRatio);
  const sudden = yuanToFen(figures.suddenCosts);

  // per-capita < standard  ⇔  net < standard × 12 × size (all integers, no rounding).
  const isDeep = net < dibao * divisor;
  const isRelative = net * RATIO_SCALE < multiple * dibao * divisor;
  const isAccidentByCosts = sudden * RATIO_SCALE > ratio * income;
  const event = figures.suddenEvent ?? undefined;
  const holds: HardshipTier[] = [];
  if (isDeep) holds.push('deep');
  else if (isRelative) holds.push('relative');
  if (isAccidentByCosts || event) holds.push('accident');

  const formula = `（年收入 ${formatYuan(income)} − 刚性支出 ${formatYuan(rigid)}）÷ 12 ÷ ${figures.householdSize} 人 = ${formatYuan(perCapita)} 元/月`;
  const answer = (tier: HardshipTier, reasons: string[]): TClassification => ({
    tier,
    perCapitaMonthly: fenToYuan(perCapita),
    dibao: fenToYuan(dibao),
    reasons,
  });

  if (figures.exclusions.length > 0) {
    return answer('excluded', [
      ...figures.exclusions.map((exclusion) => `排除性条件：${EXCLUSION_LABELS[exclusion]}`),
      '存在排除性条件 → 不予建档',
      `${formula}（仅供参考）`,
    ]);
  }

  const reasons: string[] = [];
  const standard = `当地低保标准 ${formatYuan(dibao)} 元/月`;
  const relativeLine = `${formatMultiple(multiple)} 倍低保标准 ${formatYuan(ceilDiv(multiple * dibao, RATIO_SCALE))} 元/月`;
  if (isDeep) {
    reasons.push(`${formula}，低于${standard} → ${HARDSHIP_TIER_LABELS.deep}`);
  } else {
    const atStandard = net === dibao * divisor ? '（恰好等于标准，不算低于）' : '';
    reasons.push(
      isRelative
        ? `${formula}，不低于${standard}${atStandard}，低于 ${relativeLine} → ${HARDSHIP_TIER_LABELS.relative}`
        : `${formula}，不低于 ${relativeLine} → 不属于深度困难或相对困难`,
    );
  }
  if (rigid > 0n) {
    const parts = rigidParts.filter((part) => part.fen > 0n).map((part) => `${part.label} ${formatYuan(part.fen)}`);
    reasons.push(`刚性支出 ${formatYuan(rigid)} 元 = ${parts.join(' + ')}`);
  }

  if (event) {
    reasons.push(`突发事件：${SUDDEN_EVENT_LABELS[event]} → 符合${HARDSHIP_TIER_LABELS.accident}条件`);
  }
  if (sudden > 0n) {
    const share = `家庭年收入 ${formatYuan(income)} 元的 ${formatPercent(ratio)}（${formatYuan(ceilDiv(ratio * income, RATIO_SCALE))} 元）`;
    reasons.push(
      isAccidentByCosts
        ? `年度内致困费用 ${formatYuan(sudden)} 元，超过${share} → 符合${HARDSHIP_TIER_LABELS.accident}条件`
        : `年度内致困费用 ${formatYuan(sudden)} 元，未超过${share}`,
    );
  }

  if (figures.isMigrantWorker) {
    const months = figures.laborRelationMonths ?? 0;
    const required = rules.migrantMinLabourMonths;
    if (months < required) {
      reasons.push(`农民工须与用人单位建立劳动关系满 ${required} 个月，实际 ${months} 个月 → 暂不符合困难农民工认定条件`);
      return answer('none', reasons);
    }
    reasons.push(`农民工与用人单位建立劳动关系 ${months} 个月，满足满 ${required} 个月的要求（另须长期在城镇居住）`);
  }

  const chosen = PRECEDENCE.find((tier) => holds.includes(tier));
  if (chosen && holds.length > 1) {
    const others = holds.filter((tier) => tier !== chosen).map((tier) => HARDSHIP_TIER_LABELS[tier]);
    reasons.push(
      `同时符合${others.join('、')}条件；一户只认定一个类别，按从优顺序（深度困难、相对困难、意外致困）认定为${HARDSHIP_TIER_LABELS[chosen]}`,
    );
  }

  if (!chosen) {
    reasons.push('未达到困难职工家庭认定条件');
    return answer('none', reasons);
  }
  return answer(chosen, reasons);
}
