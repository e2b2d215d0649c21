import { type RequestContext, requireUser } from '../http/request-context';
import { checkActor } from './actor-rules';
import { guardRecord, unionChain } from './check-transition';
import type { TWorkflowAction } from './contract';
import { type ManualTransition, stateLabel, type TransitionSpec, type WorkflowDefinition, type WorkflowInstance } from './define-workflow';
import { describeRequirements } from './step-requirements';

/**
 * The transitions the signed-in user may take on this record now — the
 * buttons the console shows — with what each requires. A transition whose
 * guard refuses is listed with the reason in `blockedBy` (a disabled button
 * that says why); one the user may not take, or the state does not allow, is
 * not listed. Guards see an empty step (no comment, form or files yet).
 * `instance` must have been loaded in the caller's scope (loadWorkflowInstance).
 */
export async function availableActions<S extends string, T extends string, R>(
  ctx: RequestContext,
  machine: WorkflowDefinition<S, T, R>,
  instance: WorkflowInstance<S>,
  options: { record?: R } = {},
): Promise<TWorkflowAction[]> {
  const user = requireUser(ctx);
  if (instance.finishedAt !== null) return [];
  const chain = await unionChain(ctx.db, instance);
  const actor = { orgUnitId: user.org.id, permissions: user.permissions };
  const actions: TWorkflowAction[] = [];
  for (const [name, spec] of Object.entries(machine.transitions) as [string, TransitionSpec<S, R>][]) {
    if (spec.automatic || !spec.from.includes(instance.state)) continue;
    const manual: ManualTransition<S, R> = spec;
    if (checkActor(actor, manual.actor, chain, manual.label)) continue;
    const empty = { comment: null, form: null, attachments: [] };
    const blockedBy = manual.guard
      ? await manual.guard(guardRecord(machine, name, options.record), { instance, transition: name, to: manual.to, ...empty, user, db: ctx.db })
      : null;
    actions.push({
      transition: name,
      label: manual.label,
      to: manual.to,
      toLabel: stateLabel(machine, manual.to),
      requires: describeRequirements(manual.requires),
      blockedBy,
    });
  }
  return actions;
}
