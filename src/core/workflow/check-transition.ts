import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { AppError } from '../http/errors';
import { type RequestContext, requireUser } from '../http/request-context';
import { ancestorsOf, type OrgUnitSummary } from '../org/tree';
import { checkActor } from './actor-rules';
import { stateLabel, type ManualTransition, transitionSpec, type WorkflowDefinition, type WorkflowInstance } from './define-workflow';

/**
 * The transition named `name`, if the instance's state allows it and it is
 * one a user may take; otherwise WORKFLOW_ILLEGAL_TRANSITION naming the state
 * and the step ("当前状态“初审中”不能执行“公示”").
 */
export function legalTransition<S extends string, T extends string, R>(
  machine: WorkflowDefinition<S, T, R>,
  instance: WorkflowInstance<S>,
  name: string,
): ManualTransition<S, R> {
  const transition = transitionSpec(machine, name);
  if (!transition) {
    throw new AppError('WORKFLOW_ILLEGAL_TRANSITION', `“${machine.label}”流程中没有“${name}”这一步`);
  }
  const current = stateLabel(machine, instance.state);
  if (instance.finishedAt !== null || !transition.from.includes(instance.state)) {
    throw new AppError('WORKFLOW_ILLEGAL_TRANSITION', `当前状态“${current}”不能执行“${transition.label}”`);
  }
  if (transition.automatic) {
    throw new AppError('WORKFLOW_ILLEGAL_TRANSITION', `“${transition.label}”由系统在期限届满时自动执行，不能手动操作`);
  }
  return transition;
}

/** The record's union and those above it, root first (the chain actor rules are read against). */
export const unionChain = (db: Kysely<DB>, instance: WorkflowInstance): Promise<OrgUnitSummary[]> =>
  ancestorsOf(db, instance.orgPath);

/** FORBIDDEN unless the caller may take `transition` on a record whose union chain is `chain`. */
export function assertActor(ctx: RequestContext, transition: ManualTransition<string, unknown>, chain: readonly OrgUnitSummary[]): void {
  const user = requireUser(ctx);
  const refusal = checkActor({ orgUnitId: user.org.id, permissions: user.permissions }, transition.actor, chain, transition.label);
  if (refusal) throw new AppError('FORBIDDEN', refusal.message);
}

/** The record a guard needs; a module that forgot to pass it fails loudly rather than being waved through. */
export function guardRecord<R>(machine: { id: string }, transition: string, record: R | undefined): R {
  if (record === undefined) {
    throw new Error(`workflow ${machine.id}: transition ${transition} has a guard; pass the module's record to the engine`);
  }
  return record;
}
