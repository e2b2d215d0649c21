import { beijingDate } from '../../../../core/files/beijing-time';
import { AppError } from '../../../../core/http/errors';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import { requestTransaction } from '../../../../core/workflow/request-transaction';
import type { TIncomeCheckInput } from '../../monitoring-contract';
import { ZIncomeCheckInput } from '../../monitoring-contract';
import { perCapitaMonthly } from '../../rules/exit-condition';
import { fenToYuan, toScaled, yuanToFen, RATIO_SCALE } from '../../rules/money';
import { findDibaoStandard } from '../queries/find-dibao-standard';
import { loadHousehold } from '../queries/load-household';
import { loadRuleValue } from '../queries/load-rule-value';
import { monthBounds } from './dates';
import { assessHouseholdExit } from './exit-condition-of-household';
import { raiseReturnAlert } from './raise-return-alert';

/**
 * 收入核查 of one month for a filed or monitored file: the per-capita income
 * (the classification's arithmetic) against the 低保 standard in force on the
 * month's last day for the file's region and area. On a filed file the exit
 * condition is re-assessed and stored with its explanation; on a monitored
 * one, a figure below return_alert_income_multiple × 低保 is a risk signal.
 */
export async function recordIncomeCheck(ctx: RequestContext, householdId: number, raw: TIncomeCheckInput) {
  const input = ZIncomeCheckInput.parse(raw);
  const user = requireUser(ctx);
  const household = await loadHousehold(ctx, householdId, { lock: true });
  if (household.status !== 'filed' && household.status !== 'monitoring') {
    throw new AppError('CONFLICT', '只有已建档或脱困监测中的档案可以登记月度收入核查');
  }
  const today = beijingDate(ctx.now());
  const { first, last } = monthBounds(input.month);
  if (first > today) throw new AppError('VALIDATION_FAILED', '核查月份不能晚于本月', { field: 'month' });
  const taken = await ctx.db.selectFrom('assistance_income_check').select('id').where('household_id', '=', householdId).where('month', '=', first).executeTakeFirst();
  if (taken) throw new AppError('CONFLICT', `${input.month} 已登记收入核查，每户每月一条`, { field: 'month' });
  const standard = await findDibaoStandard(ctx.db, { region: household.region_code, area: household.dibao_area, day: last });
  if (!standard) throw new AppError('CONFLICT', `${last} 没有适用于该档案地区的低保标准，请联系管理员维护规则表`);
  const perCapita = perCapitaMonthly(input.monthlyIncome, input.monthlyRigidExpense, input.householdSize);
  const row = await ctx.db
    .insertInto('assistance_income_check')
    .values({
      household_id: householdId,
      org_path: household.org_path,
      month: first,
      source: input.source,
      household_size: input.householdSize,
      monthly_income: input.monthlyIncome,
      monthly_rigid_expense: input.monthlyRigidExpense,
      per_capita_monthly: perCapita,
      dibao_monthly: standard.monthlyYuan,
      dibao_region_code: standard.regionCode,
      dibao_effective_from: standard.effectiveFrom,
      dibao_source: standard.source,
      note: input.note ?? null,
      recorded_by: user.account.id,
      recorded_at: ctx.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.audit({ action: 'assistance.monitoring.income_check', category: 'write', targetType: 'assistance_household', targetId: householdId, details: { checkId: row.id, month: input.month, source: input.source } });

  const exitCondition = await assessHouseholdExit(ctx.db, householdId, today);
  if (household.status === 'filed') {
    await ctx.db
      .updateTable('assistance_household')
      .set({ exit_condition_met: exitCondition.isMet, exit_condition: JSON.stringify(exitCondition) })
      .where('id', '=', householdId)
      .execute();
  }
  let alertId: number | null = null;
  if (household.status === 'monitoring') {
    const multiple = await loadRuleValue(ctx.db, 'return_alert_income_multiple', last);
    // per-capita < multiple × 低保, in fen and scaled ratios: no float rounding at the line.
    const isBelow = yuanToFen(perCapita) * RATIO_SCALE < toScaled(multiple.value) * yuanToFen(Number(standard.monthlyYuan));
    if (isBelow) {
      const raised = await raiseReturnAlert(
        requestTransaction(ctx),
        { householdId, kind: 'income_drop', occurredOn: last, source: 'income_check', note: `${input.month} 人均 ${perCapita} 元，低于低保标准 ${fenToYuan(yuanToFen(Number(standard.monthlyYuan)))} 元的 ${multiple.value} 倍` },
        { at: ctx.now(), actor: { accountId: user.account.id, orgUnitId: user.org.id }, audit: ctx.audit },
      );
      alertId = raised?.alertId ?? null;
    }
  }
  const check = {
    id: row.id,
    month: first,
    source: input.source,
    householdSize: input.householdSize,
    monthlyIncome: input.monthlyIncome,
    monthlyRigidExpense: input.monthlyRigidExpense,
    perCapitaMonthly: perCapita,
    dibaoMonthly: Number(standard.monthlyYuan),
    dibaoSource: standard.source,
    isAboveDibao: yuanToFen(perCapita) > yuanToFen(Number(standard.monthlyYuan)),
  };
  return { check, exitCondition, alertId };
}
