import { fenToYuan, floorDiv, formatYuan, yuanToFen } from './money';

/**
 * 脱困 by income (domain.md §2.5, 全总 2019: 家庭人均收入连续 6 个月超过当地低保标准),
 * pure: a household's monthly income checks and the number of months the rule
 * table asks for (exit_consecutive_months) go in; whether the latest run of
 * months meets it, and why, come out.
 *
 * - "超过" is strict: a month exactly at the standard does not count, as the
 *   classification's "<" is strict the other way (classify-household.ts).
 * - Each month is compared with the standard in force that month (a standard
 *   raised mid-run raises the bar from its month on).
 * - "连续": a month with no check breaks the run, as a month at or below does —
 *   the platform cannot say the income stayed above in a month nobody checked.
 * - The run counted is the one ending at the latest month checked.
 */

export type IncomeCheckMonth = {
  /** YYYY-MM-01. */
  month: string;
  /** (收入 − 刚性支出) ÷ 人口, yuan. */
  perCapitaMonthly: number;
  /** The standard in force that month, yuan, with where it comes from. */
  dibaoMonthly: number;
  dibaoSource: string;
};

export type ExitCondition = {
  isMet: boolean;
  requiredMonths: number;
  /** The months of the latest run above the standard, oldest first (at most requiredMonths when met). */
  months: string[];
  /** In Chinese: each month's figure against its standard, then the conclusion. */
  reasons: string[];
};

/** (收入 − 刚性支出) ÷ 人口 rounded down to the fen, the classification's arithmetic for one month. */
export function perCapitaMonthly(monthlyIncome: number, monthlyRigidExpense: number, householdSize: number): number {
  return fenToYuan(floorDiv(yuanToFen(monthlyIncome) - yuanToFen(monthlyRigidExpense), BigInt(householdSize)));
}

/** 2026-05-01 → 2026-06-01. */
export function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${year + 1}-01-01` : `${year}-${String(m + 1).padStart(2, '0')}-01`;
}

const monthLabel = (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;

export function assessExitCondition(checks: readonly IncomeCheckMonth[], requiredMonths: number): ExitCondition {
  const sorted = [...checks].sort((a, b) => a.month.localeCompare(b.month));
  const run: IncomeCheckMonth[] = [];
  let breaker: string | null = null;
  for (let index = sorted.length - 1; index >= 0 && run.length < requiredMonths; index -= 1) {
    const check = sorted[index]!;
    const later = run[0];
    if (later && nextMonth(check.month) !== later.month) {
      breaker = `${monthLabel(nextMonth(check.month))}没有收入核查记录，连续月数中断`;
      break;
    }
    if (yuanToFen(check.perCapitaMonthly) <= yuanToFen(check.dibaoMonthly)) {
      breaker = `${monthLabel(check.month)}人均 ${formatYuan(yuanToFen(check.perCapitaMonthly))} 元，未超过当月低保标准 ${formatYuan(yuanToFen(check.dibaoMonthly))} 元，连续月数中断`;
      break;
    }
    run.unshift(check);
  }
  const reasons = run.map(
    (check) =>
      `${monthLabel(check.month)}人均 ${formatYuan(yuanToFen(check.perCapitaMonthly))} 元 > 当月低保标准 ${formatYuan(yuanToFen(check.dibaoMonthly))} 元（${check.dibaoSource}）`,
  );
  if (breaker && run.length < requiredMonths) reasons.unshift(breaker);
  const isMet = run.length >= requiredMonths;
  reasons.push(
    isMet
      ? `→ 人均收入连续 ${requiredMonths} 个月超过当地低保标准（${monthLabel(run[0]!.month)}至${monthLabel(run.at(-1)!.month)}），符合脱困条件`
      : `→ 人均收入连续超过低保标准 ${run.length} 个月，不足 ${requiredMonths} 个月，尚不符合脱困条件`,
  );
  return { isMet, requiredMonths, months: run.map((check) => check.month), reasons };
}
