import { orgPathInScope } from '../access/scope';
import { AppError } from '../http/errors';
import { type RequestContext, requireUser } from '../http/request-context';
import { stepAuditDetails } from './apply-step';
import type { AnyWorkflow, WorkflowDefinition, WorkflowInstance } from './define-workflow';
import { toInstance } from './load-instance';
import { requestTransaction } from './request-transaction';
import { restartStateTimers } from './state-timers';

export type WorkflowRecord = {
  /** The module's name for the record's kind (`assistance_household`). */
  recordType: string;
  recordId: string | number;
  /** The union the record belongs to: scope and actor rules are read from it. */
  orgUnitId: number;
};

/**
 * Starts a record's run through `machine` in its initial state, as the
 * signed-in user, in the request's transaction: the instance, its first step
 * (seq 1, no transition), the initial state's timers and an audit event.
 * The record's union must lie in the caller's scope (NOT_FOUND otherwise);
 * a record has at most one open run of a workflow (CONFLICT).
 */
export async function startWorkflow<S extends string, T extends string, R>(
  ctx: RequestContext,
  machine: WorkflowDefinition<S, T, R>,
  record: WorkflowRecord,
): Promise<WorkflowInstance<S>> {
  const user = requireUser(ctx);
  const tx = requestTransaction(ctx);
  const orgPath = await orgPathInScope(ctx, record.orgUnitId);
  const recordId = String(record.recordId);
  const open = await tx
    .selectFrom('workflow_instance')
    .select('id')
    .where('workflow_id', '=', machine.id)
    .where('record_type', '=', record.recordType)
    .where('record_id', '=', recordId)
    .where('finished_at', 'is', null)
    .executeTakeFirst();
  if (open) {
    throw new AppError('CONFLICT', `该记录已有进行中的“${machine.label}”流程`);
  }
  const at = ctx.now();
  const created = await tx
    .insertInto('workflow_instance')
    .values({
      workflow_id: machine.id,
      record_type: record.recordType,
      record_id: recordId,
      org_unit_id: record.orgUnitId,
      org_path: orgPath,
      state: machine.initial,
      version: 1,
      started_at: at,
      updated_at: at,
      state_entered_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('workflow_step')
    .values({
      instance_id: created.id,
      seq: 1,
      transition: null,
      from_state: null,
      to_state: machine.initial,
      actor_account_id: user.account.id,
      actor_org_unit_id: user.org.id,
      at,
      comment: null,
      form: null,
      attachments: '[]',
    })
    .execute();
  const periods = await restartStateTimers(tx, machine as unknown as AnyWorkflow, {
    instanceId: created.id,
    orgUnitId: record.orgUnitId,
    orgPath,
    recordType: record.recordType,
    recordId,
    state: machine.initial,
    at,
  });
  const row =
    periods.noticeEndsOn || periods.deadlineOn
      ? await tx
          .updateTable('workflow_instance')
          .set({ notice_ends_on: periods.noticeEndsOn, deadline_on: periods.deadlineOn })
          .where('id', '=', created.id)
          .returningAll()
          .executeTakeFirstOrThrow()
      : created;
  await ctx.audit({
    action: 'workflow.start',
    category: 'write',
    targetType: 'workflow_instance',
    targetId: created.id,
    details: stepAuditDetails(toInstance(created), { state: machine.initial }, { comment: null, form: null, attachments: [] }),
  });
  return toInstance<S>(row);
}
