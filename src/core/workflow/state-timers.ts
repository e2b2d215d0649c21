import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { beijingDate } from '../files/beijing-time';
import type { AnyWorkflow, PeriodContext, StateSpec, WorkingDaysRule } from './define-workflow';
import { addWorkingDays, endOfBeijingDay } from './working-days';

export type StatePeriods = { noticeEndsOn: string | null; deadlineOn: string | null };

const resolveDays = async (rule: WorkingDaysRule, context: PeriodContext): Promise<number> =>
  typeof rule === 'number' ? rule : rule(context);

type Entered = { instanceId: number; orgUnitId: number; orgPath: string; recordType: string; recordId: string; state: string; at: Date };

/**
 * Stops the timers of the state the instance leaves (a manual step ended the
 * notice early, or met the deadline) and starts those of the state it enters,
 * counting working days from the Beijing date of `at`. Returns the periods'
 * last days for the instance row.
 */
export async function restartStateTimers(tx: Transaction<DB>, machine: AnyWorkflow, entered: Entered): Promise<StatePeriods> {
  await tx
    .updateTable('workflow_timer')
    .set({ cancelled_at: entered.at })
    .where('instance_id', '=', entered.instanceId)
    .where('fired_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .execute();
  const state = (machine.states as Record<string, StateSpec<string>>)[entered.state];
  const on = beijingDate(entered.at);
  const context: PeriodContext = { db: tx, orgUnitId: entered.orgUnitId, orgPath: entered.orgPath, recordType: entered.recordType, recordId: entered.recordId, on };
  const schedule = async (kind: 'notice' | 'deadline', rule: WorkingDaysRule | undefined): Promise<string | null> => {
    if (rule === undefined) return null;
    const lastDay = await addWorkingDays(tx, on, await resolveDays(rule, context));
    await tx
      .insertInto('workflow_timer')
      .values({ instance_id: entered.instanceId, kind, state: entered.state, due_at: endOfBeijingDay(lastDay), created_at: entered.at })
      .execute();
    return lastDay;
  };
  return {
    noticeEndsOn: await schedule('notice', state?.notice?.workingDays),
    deadlineOn: await schedule('deadline', state?.deadline?.workingDays),
  };
}
