import { AppError } from '../http/errors';
import { type RequestContext, requireUser } from '../http/request-context';
import { applyStep } from './apply-step';
import { assertActor, guardRecord, legalTransition, unionChain } from './check-transition';
import type { AnyWorkflow, WorkflowDefinition, WorkflowInstance } from './define-workflow';
import { loadWorkflowInstance, versionConflict } from './load-instance';
import { requestTransaction } from './request-transaction';
import { checkStepInput, type StepInput } from './step-requirements';

export type TakeTransitionOptions<R> = StepInput & {
  /** The version the user saw; a step taken since makes this one stale (WORKFLOW_VERSION_CONFLICT, 409). */
  expectedVersion: number;
  /** The module's record, for the transition's guard. */
  record?: R;
};

/**
 * Takes a transition as the signed-in user, in the request's transaction.
 * Refuses, in this order: an instance outside the caller's scope (NOT_FOUND),
 * a stale version (WORKFLOW_VERSION_CONFLICT), a step the state does not allow
 * (WORKFLOW_ILLEGAL_TRANSITION), a user the actor rules do not name
 * (FORBIDDEN), a missing comment, form field or attachment
 * (VALIDATION_FAILED, naming the field), and the guard's reason (CONFLICT).
 * Then writes the step, moves the instance on, restarts the state's timers
 * and records the audit event. The instance row stays locked until the
 * transaction ends, so two users acting at once are served one after the
 * other and the second meets the version the first left behind.
 */
export async function takeTransition<S extends string, T extends string, R>(
  ctx: RequestContext,
  machine: WorkflowDefinition<S, T, R>,
  instanceId: number,
  transition: NoInfer<T>,
  options: TakeTransitionOptions<R>,
): Promise<WorkflowInstance<S>> {
  const user = requireUser(ctx);
  const tx = requestTransaction(ctx);
  const instance = await loadWorkflowInstance(ctx, machine, instanceId, { lock: true });
  if (instance.version !== options.expectedVersion) throw versionConflict();
  const spec = legalTransition(machine, instance, transition);
  assertActor(ctx, spec, await unionChain(tx, instance));
  const input = checkStepInput(spec.requires, options);
  const refusal = spec.guard ? await spec.guard(guardRecord(machine, transition, options.record), { instance, transition, to: spec.to, ...input, user, db: tx }) : null;
  if (refusal) throw new AppError('CONFLICT', refusal);
  const next = await applyStep(tx, {
    machine: machine as unknown as AnyWorkflow,
    instance,
    transition,
    input,
    actor: { accountId: user.account.id, orgUnitId: user.org.id },
    at: ctx.now(),
    audit: ctx.audit,
  });
  return next as WorkflowInstance<S>;
}
