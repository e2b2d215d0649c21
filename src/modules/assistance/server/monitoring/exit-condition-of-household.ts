import type { Executor } from '../../../../core/db/transaction';
import type { TExitCondition } from '../../monitoring-contract';
import { assessExitCondition } from '../../rules/exit-condition';
import { loadRuleValue } from '../queries/load-rule-value';

/**
 * The exit condition of a file as of `day`: its latest income checks against
 * exit_consecutive_months in force that day (rules/exit-condition.ts). Only
 * the latest run matters, so only the latest N checks are read.
 */
export async function assessHouseholdExit(db: Executor, householdId: number, day: string): Promise<TExitCondition> {
  const rule = await loadRuleValue(db, 'exit_consecutive_months', day);
  const rows = await db
    .selectFrom('assistance_income_check')
    .select(['month', 'per_capita_monthly', 'dibao_monthly', 'dibao_source'])
    .where('household_id', '=', householdId)
    .orderBy('month', 'desc')
    .limit(rule.value + 1)
    .execute();
  const assessed = assessExitCondition(
    rows.map((row) => ({ month: row.month, perCapitaMonthly: Number(row.per_capita_monthly), dibaoMonthly: Number(row.dibao_monthly), dibaoSource: row.dibao_source })),
    rule.value,
  );
  return { ...assessed, ruleSource: rule.source };
}
