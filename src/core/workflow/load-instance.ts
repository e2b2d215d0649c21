import type { Selectable } from 'kysely';
import { inCallerScope } from '../access/scope';
import { AppError, notFound } from '../http/errors';
import type { RequestContext } from '../http/request-context';
import type { Executor } from '../db/transaction';
import type { TWorkflowInstance } from './contract';
import { type AnyWorkflow, stateLabel, type WorkflowDefinition, type WorkflowInstance } from './define-workflow';
import type { WorkflowInstanceTable } from './schema';
import './schema';

export type InstanceRow = Selectable<WorkflowInstanceTable>;

export const toInstance = <S extends string>(row: InstanceRow): WorkflowInstance<S> => ({
  id: row.id,
  workflowId: row.workflow_id,
  recordType: row.record_type,
  recordId: row.record_id,
  orgUnitId: row.org_unit_id,
  orgPath: row.org_path,
  state: row.state as S,
  version: row.version,
  startedAt: row.started_at,
  updatedAt: row.updated_at,
  stateEnteredAt: row.state_entered_at,
  noticeEndsOn: row.notice_ends_on,
  deadlineOn: row.deadline_on,
  finishedAt: row.finished_at,
});

/** The instance's row, locked for the rest of the transaction: steps on one record queue behind each other. */
export async function lockInstanceRow(db: Executor, id: number): Promise<InstanceRow | undefined> {
  return db.selectFrom('workflow_instance').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

function assertSameWorkflow(machine: AnyWorkflow | WorkflowDefinition, row: InstanceRow): void {
  if (row.workflow_id !== machine.id) {
    // A module passed another module's machine: a programming error, not the user's.
    throw new Error(`workflow instance ${row.id} runs ${row.workflow_id}, not ${machine.id}`);
  }
}

/**
 * An instance in the caller's scope (the record's union lies in the subtree of
 * the union they act for); NOT_FOUND otherwise, as for any record out of scope.
 */
export async function loadWorkflowInstance<S extends string, T extends string, R>(
  ctx: RequestContext,
  machine: WorkflowDefinition<S, T, R>,
  instanceId: number,
  options: { lock?: boolean } = {},
): Promise<WorkflowInstance<S>> {
  let query = ctx.db.selectFrom('workflow_instance').selectAll().where('id', '=', instanceId).where(inCallerScope(ctx, 'workflow_instance.org_path'));
  if (options.lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('流程记录');
  assertSameWorkflow(machine as unknown as AnyWorkflow, row);
  return toInstance<S>(row);
}

/** The latest run of `machine` for a record (the open one, if any: runs follow each other), in the caller's scope; null when none. */
export async function findWorkflowInstance<S extends string, T extends string, R>(
  ctx: RequestContext,
  machine: WorkflowDefinition<S, T, R>,
  record: { recordType: string; recordId: string | number },
): Promise<WorkflowInstance<S> | null> {
  const row = await ctx.db
    .selectFrom('workflow_instance')
    .selectAll()
    .where('workflow_id', '=', machine.id)
    .where('record_type', '=', record.recordType)
    .where('record_id', '=', String(record.recordId))
    .where(inCallerScope(ctx, 'workflow_instance.org_path'))
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toInstance<S>(row) : null;
}

/** The instance as the console shows it (contract.ts). */
export const describeInstance = (machine: AnyWorkflow | WorkflowDefinition, instance: WorkflowInstance): TWorkflowInstance => ({
  id: instance.id,
  workflowId: instance.workflowId,
  state: instance.state,
  stateLabel: stateLabel(machine, instance.state),
  version: instance.version,
  noticeEndsOn: instance.noticeEndsOn,
  deadlineOn: instance.deadlineOn,
  isFinished: instance.finishedAt !== null,
});

export const versionConflict = () => new AppError('WORKFLOW_VERSION_CONFLICT', '该记录已被他人处理，请刷新后重试');
