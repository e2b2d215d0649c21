import { AppError } from '../../../../core/http/errors';
import type { Executor } from '../../../../core/db/transaction';

export type SupervisionRule = { effectiveFrom: string; remindBeforeWorkdays: number; reportGraceDays: number; source: string };

/**
 * The 督办 rule in force on `day` (YYYY-MM-DD): the latest row of
 * plans_supervision_rule that took effect by then (the table holds the
 * numbers and the document they come from, a migration adds a row when a
 * province's annual supervision plan sets others).
 */
export async function supervisionRuleOn(db: Executor, day: string): Promise<SupervisionRule> {
  const row =
    (await db.selectFrom('plans_supervision_rule').selectAll().where('effective_from', '<=', day).orderBy('effective_from', 'desc').limit(1).executeTakeFirst()) ??
    (await db.selectFrom('plans_supervision_rule').selectAll().orderBy('effective_from').limit(1).executeTakeFirst());
  if (!row) throw new AppError('INTERNAL', '督办规则表为空');
  return { effectiveFrom: row.effective_from, remindBeforeWorkdays: row.remind_before_workdays, reportGraceDays: row.report_grace_days, source: row.source };
}
