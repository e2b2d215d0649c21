import { sql, type Transaction } from 'kysely';
import type { AuditEventInput } from '../audit/record-audit-event';
import type { DB } from '../db/schema';
import type { AnyWorkflow, StateSpec, WorkflowInstance } from './define-workflow';
import { toInstance, versionConflict } from './load-instance';
import { restartStateTimers } from './state-timers';
import type { CheckedStepInput } from './step-requirements';

/** Who takes a step: a user acting for a union, or null for the system (a timer). */
export type StepActor = { accountId: number; orgUnitId: number } | null;

export type StepWrite = {
  machine: AnyWorkflow;
  /** The instance as read (and locked) at the start of the step. */
  instance: WorkflowInstance;
  transition: string;
  input: CheckedStepInput;
  actor: StepActor;
  at: Date;
  audit: (event: AuditEventInput) => Promise<void>;
};

/**
 * What the audit trail keeps of a step: which record, which step, how many
 * files with their digests — never the comment or the form's values, which
 * may carry personal data (PIPL art. 51; the guard refuses ID and phone numbers).
 */
export const stepAuditDetails = (
  instance: Pick<WorkflowInstance, 'workflowId' | 'recordType' | 'recordId'>,
  step: Record<string, unknown>,
  input: CheckedStepInput,
) => ({
  workflow: instance.workflowId,
  recordType: instance.recordType,
  recordId: instance.recordId,
  ...step,
  hasComment: input.comment !== null,
  formFields: Object.keys(input.form ?? {}),
  attachments: input.attachments.map((attachment) => ({ kind: attachment.kind, sha256: attachment.sha256 })),
});

/**
 * Takes a transition the caller has already checked: writes the step, moves
 * the instance on (refusing a version someone else moved on from), restarts
 * the state's timers, records the audit event and runs the module's
 * `afterStep` — all in the caller's transaction.
 */
export async function applyStep(tx: Transaction<DB>, write: StepWrite): Promise<WorkflowInstance> {
  const { machine, instance: before, input, actor, at } = write;
  const transition = (machine.transitions as Record<string, { to: string } | undefined>)[write.transition];
  if (!transition) throw new Error(`workflow ${machine.id} has no transition ${write.transition}`);
  const to = transition.to;
  const last = await tx
    .selectFrom('workflow_step')
    .select(sql<number>`coalesce(max(seq), 0)`.as('seq'))
    .where('instance_id', '=', before.id)
    .executeTakeFirstOrThrow();
  const seq = Number(last.seq) + 1;
  await tx
    .insertInto('workflow_step')
    .values({
      instance_id: before.id,
      seq,
      transition: write.transition,
      from_state: before.state,
      to_state: to,
      actor_account_id: actor?.accountId ?? null,
      actor_org_unit_id: actor?.orgUnitId ?? null,
      at,
      comment: input.comment,
      form: input.form === null ? null : JSON.stringify(input.form),
      attachments: JSON.stringify(input.attachments),
    })
    .execute();

  // A step back into the same state (a note, a correction) keeps its running periods.
  const changesState = to !== before.state;
  const periods = changesState
    ? await restartStateTimers(tx, machine, { ...before, instanceId: before.id, state: to, at })
    : { noticeEndsOn: before.noticeEndsOn, deadlineOn: before.deadlineOn };
  const isFinal = Boolean((machine.states as Record<string, StateSpec<string>>)[to]?.final);
  const updated = await tx
    .updateTable('workflow_instance')
    .set({
      state: to,
      version: before.version + 1,
      updated_at: at,
      state_entered_at: changesState ? at : before.stateEnteredAt,
      notice_ends_on: periods.noticeEndsOn,
      deadline_on: periods.deadlineOn,
      finished_at: isFinal ? at : null,
    })
    .where('id', '=', before.id)
    .where('version', '=', before.version)
    .returningAll()
    .executeTakeFirst();
  if (!updated) throw versionConflict();

  await write.audit({
    action: 'workflow.step',
    category: 'write',
    targetType: 'workflow_instance',
    targetId: before.id,
    details: stepAuditDetails(before, { transition: write.transition, from: before.state, to, seq }, input),
  });
  const instance = toInstance(updated);
  await machine.afterStep?.(tx, { instance, transition: write.transition, from: before.state, to, seq, actorAccountId: actor?.accountId ?? null, at });
  return instance;
}
