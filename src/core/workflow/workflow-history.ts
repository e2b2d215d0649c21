import type { RequestContext } from '../http/request-context';
import type { TWorkflowAttachment, TWorkflowHistoryStep } from './contract';
import { stateLabel, transitionSpec, type WorkflowDefinition, type WorkflowInstance } from './define-workflow';

/**
 * Every step of a record's run, oldest first: who (or the system), for which
 * union, when, with what comment, form and files. Row-level security limits
 * it to instances in the caller's scope; `instance` comes from
 * loadWorkflowInstance, which has checked that already.
 */
export async function workflowHistory<S extends string, T extends string, R>(
  ctx: RequestContext,
  machine: WorkflowDefinition<S, T, R>,
  instance: WorkflowInstance<S>,
): Promise<TWorkflowHistoryStep[]> {
  const rows = await ctx.db
    .selectFrom('workflow_step as s')
    .leftJoin('account as a', 'a.id', 's.actor_account_id')
    .leftJoin('org_unit as o', 'o.id', 's.actor_org_unit_id')
    .select([
      's.seq',
      's.transition',
      's.from_state',
      's.to_state',
      's.actor_account_id',
      'a.name as actor_name',
      's.actor_org_unit_id',
      'o.name as org_name',
      's.at',
      's.comment',
      's.form',
      's.attachments',
    ])
    .where('s.instance_id', '=', instance.id)
    .orderBy('s.seq')
    .execute();
  return rows.map((row) => ({
    seq: row.seq,
    transition: row.transition,
    label: row.transition === null ? `发起${machine.label}` : (transitionSpec(machine, row.transition)?.label ?? row.transition),
    fromState: row.from_state,
    fromLabel: row.from_state === null ? null : stateLabel(machine, row.from_state),
    toState: row.to_state,
    toLabel: stateLabel(machine, row.to_state),
    actor: row.actor_account_id === null ? null : { accountId: row.actor_account_id, name: row.actor_name ?? '' },
    actorOrg: row.actor_org_unit_id === null ? null : { id: row.actor_org_unit_id, name: row.org_name ?? '' },
    at: row.at.toISOString(),
    comment: row.comment,
    form: (row.form as Record<string, unknown> | null) ?? null,
    attachments: (row.attachments as TWorkflowAttachment[] | null) ?? [],
  }));
}
