import type { Transaction } from 'kysely';
import type { DB } from '../../../../core/db/schema';
import { beijingDate } from '../../../../core/files/beijing-time';
import type { CompletedStep } from '../../../../core/workflow/engine';
import type { HouseholdStatus } from '../../vocabulary';
import { MONITORING_TRANSITIONS } from './monitoring-states';

/** The file's status for a workflow state after filing: an alert under review is still a monitored file. */
const STATUS_OF_STATE: Record<string, HouseholdStatus> = { monitoring: 'monitoring', alert: 'monitoring', exited: 'exited', first_review: 'first_review' };

export const isMonitoringStep = (step: CompletedStep<string, string>): boolean => Object.hasOwn(MONITORING_TRANSITIONS, step.transition);

/**
 * The monitoring steps' `afterStep` (called by the filing's, same transaction):
 * the file's status follows; an exit ends the 困难职工 flag of the person; the
 * period's end (the kernel timer, as the system) closes the exit as 稳定脱困.
 */
export async function recordMonitoringStep(db: Transaction<DB>, step: CompletedStep<string, string>): Promise<void> {
  const householdId = Number(step.instance.recordId);
  const status = STATUS_OF_STATE[step.to];
  if (!status) throw new Error(`monitoring step ${step.transition} enters unmapped state ${step.to}`);
  const household = await db
    .updateTable('assistance_household')
    .set({ status, updated_at: step.at, ...(step.transition === 'start_reentry' ? { exit_condition_met: false } : {}) })
    .where('id', '=', householdId)
    .returning('person_id')
    .executeTakeFirstOrThrow();
  if (step.transition === 'exit' || step.transition === 'exit_unmonitored') {
    await db.updateTable('person').set({ is_hardship: false }).where('id', '=', household.person_id).execute();
  }
  if (step.transition === 'start_reentry') {
    await db.updateTable('person').set({ is_hardship: true }).where('id', '=', household.person_id).execute();
  }
  if (step.transition === 'finish_monitoring') {
    await db
      .updateTable('assistance_exit')
      .set({ outcome: 'stable', ended_on: beijingDate(step.at) })
      .where('household_id', '=', householdId)
      .where('outcome', 'is', null)
      .execute();
  }
}
