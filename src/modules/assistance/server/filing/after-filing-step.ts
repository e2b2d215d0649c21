import { sql, type SqlBool, type Transaction } from 'kysely';
import type { DB } from '../../../../core/db/schema';
import { beijingDate } from '../../../../core/files/beijing-time';
import type { CompletedStep } from '../../../../core/workflow/engine';
import type { HouseholdStatus } from '../../vocabulary';
import { isMonitoringStep, recordMonitoringStep } from '../monitoring/after-monitoring-step';
import { loadRuleValue } from '../queries/load-rule-value';
import { fileLevelOf } from './file-level';

/**
 * The filing's `afterStep`, in the step's transaction (a user's request, or the
 * timer runner's when the notice ends): the file's status follows the
 * workflow's state; when the notice ends without objection the file is 已建档 —
 * its tier, level and date are fixed, and the person carries the 困难职工 flag.
 */
export async function recordFilingStep(db: Transaction<DB>, step: CompletedStep<string, string>): Promise<void> {
  if (isMonitoringStep(step)) return recordMonitoringStep(db, step);
  const householdId = Number(step.instance.recordId);
  if (step.to !== 'filed') {
    await db.updateTable('assistance_household').set({ status: step.to as HouseholdStatus, updated_at: step.at }).where('id', '=', householdId).execute();
    return;
  }
  const household = await db
    .selectFrom('assistance_household')
    .select(['person_id', 'tier', 'per_capita_monthly', 'dibao_monthly', 'check_level'])
    .where('id', '=', householdId)
    .executeTakeFirstOrThrow();
  const unwell = await db
    .selectFrom('assistance_household_member')
    .select('id')
    .where('household_id', '=', householdId)
    .where(sql<SqlBool>`(disability_type is not null or cardinality(illnesses) > 0)`)
    .limit(1)
    .executeTakeFirst();
  const filedOn = beijingDate(step.at);
  const national = await loadRuleValue(db, 'national_file_multiple', filedOn);
  const level = fileLevelOf({
    tier: household.tier,
    perCapitaMonthly: Number(household.per_capita_monthly),
    dibaoMonthly: Number(household.dibao_monthly),
    hasIllnessOrDisability: unwell !== undefined,
    checkLevel: household.check_level,
    nationalMultiple: national.value,
  });
  await db
    .updateTable('assistance_household')
    .set({ status: 'filed', filed_tier: household.tier, file_level: level, filed_on: filedOn, updated_at: step.at })
    .where('id', '=', householdId)
    .execute();
  await db.updateTable('person').set({ is_hardship: true }).where('id', '=', household.person_id).execute();
}
