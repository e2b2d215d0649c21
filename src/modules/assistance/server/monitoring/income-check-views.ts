import { beijingDate } from '../../../../core/files/beijing-time';
import type { RequestContext } from '../../../../core/http/request-context';
import { yuanToFen } from '../../rules/money';
import { loadHousehold } from '../queries/load-household';
import { assessHouseholdExit } from './exit-condition-of-household';

/** A file's monthly income checks, newest first, with its exit condition today (sensitive: audited). */
export async function findIncomeChecks(ctx: RequestContext, householdId: number) {
  await loadHousehold(ctx, householdId);
  const rows = await ctx.db.selectFrom('assistance_income_check').selectAll().where('household_id', '=', householdId).orderBy('month', 'desc').execute();
  const exitCondition = await assessHouseholdExit(ctx.db, householdId, beijingDate(ctx.now()));
  await ctx.audit({ action: 'assistance.monitoring.income_checks', category: 'sensitive-read', targetType: 'assistance_household', targetId: householdId, details: { rows: rows.length } });
  return {
    items: rows.map((row) => ({
      id: row.id,
      month: row.month,
      source: row.source,
      householdSize: row.household_size,
      monthlyIncome: Number(row.monthly_income),
      monthlyRigidExpense: Number(row.monthly_rigid_expense),
      perCapitaMonthly: Number(row.per_capita_monthly),
      dibaoMonthly: Number(row.dibao_monthly),
      dibaoSource: row.dibao_source,
      isAboveDibao: yuanToFen(Number(row.per_capita_monthly)) > yuanToFen(Number(row.dibao_monthly)),
    })),
    exitCondition,
  };
}
