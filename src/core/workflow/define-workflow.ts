import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../db/schema';
import type { Executor } from '../db/transaction';
import type { SignedInUser } from '../http/request-context';
import { type ActorRules, actorRuleList } from './actor-rules';
import type { TWorkflowAttachment } from './contract';

/**
 * A workflow is data plus a little code: states, transitions, who may take
 * each one (actor rules, see actor-rules.ts), what a step requires, guards,
 * and periods in working days. Modules declare one with `defineWorkflow` and
 * list it in their manifest (`workflows`); the engine runs it. State and
 * transition names are literal unions, so a typo is a compile error.
 */

/** A record's run through a workflow (a row of workflow_instance). */
export type WorkflowInstance<S extends string = string> = {
  id: number;
  workflowId: string;
  recordType: string;
  recordId: string;
  orgUnitId: number;
  orgPath: string;
  state: S;
  version: number;
  startedAt: Date;
  updatedAt: Date;
  stateEnteredAt: Date;
  /** Last day of the public notice (公示), inclusive; null outside a notice state. */
  noticeEndsOn: string | null;
  /** Last day before the deadline passes, inclusive; null when the state has none. */
  deadlineOn: string | null;
  finishedAt: Date | null;
};

/** What a period's length may depend on: a module reads its rule table (by date, by region). */
export type PeriodContext = { db: Executor; orgUnitId: number; orgPath: string; recordType: string; recordId: string; on: string };

/** A number of working days, or a rule that looks it up (policy numbers live in rule tables with their source). */
export type WorkingDaysRule = number | ((context: PeriodContext) => number | Promise<number>);

export type StateSpec<T extends string> = {
  label: string;
  /** No transition leaves a final state; the run is finished when it gets there. */
  final?: boolean;
  /** A public notice (公示) of N working days; when it ends, the engine takes `onEnd` (an automatic transition). */
  notice?: { workingDays: WorkingDaysRule; onEnd: T };
  /** If the record is still in this state after N working days, the engine takes `onExpire` (automatic). */
  deadline?: { workingDays: WorkingDaysRule; onExpire: T };
};

export type AttachmentRequirement = { kind: string; label: string; min: number };

export type StepRequirements = {
  /** A comment must be given: refusals carry their reasons. `{ label }` names it (e.g. 退回理由). */
  comment?: true | { label: string };
  /** The step's form; `.describe('中文名')` on a field names it in error messages. */
  fields?: z.ZodObject;
  /** Files by kind; `min: 0` allows a kind without requiring it. Kinds not listed are refused. */
  attachments?: readonly AttachmentRequirement[];
};

/** What a guard sees about the step being attempted. */
export type GuardStep<S extends string> = {
  instance: WorkflowInstance<S>;
  transition: string;
  to: S;
  comment: string | null;
  form: Record<string, unknown> | null;
  attachments: readonly TWorkflowAttachment[];
  user: SignedInUser;
  db: Executor;
};

export type ManualTransition<S extends string, R> = {
  from: readonly S[];
  to: S;
  /** The button's text (提交, 审核通过, 退回…). */
  label: string;
  actor: ActorRules;
  requires?: StepRequirements;
  /**
   * Whether the record allows the step now: null, or the reason it does not
   * (Chinese, shown to the user). `record` is what the module passed to the engine.
   */
  guard?(record: R, step: GuardStep<S>): string | null | Promise<string | null>;
  automatic?: false;
};

/** Taken by the engine when a notice period ends or a deadline passes; never offered to users. */
export type AutomaticTransition<S extends string> = { from: readonly S[]; to: S; label: string; automatic: true };

export type TransitionSpec<S extends string, R> = ManualTransition<S, R> | AutomaticTransition<S>;

/** A step just taken, for the module's `afterStep` (same transaction). */
export type CompletedStep<S extends string, T extends string> = {
  instance: WorkflowInstance<S>;
  transition: T;
  from: S;
  to: S;
  seq: number;
  /** Null when the system took the step. */
  actorAccountId: number | null;
  at: Date;
};

export type WorkflowDefinition<S extends string = string, T extends string = string, R = unknown> = {
  /** Stable id stored with every instance (`assistance.filing`). */
  id: string;
  label: string;
  states: { readonly [K in S]: StateSpec<NoInfer<T>> };
  initial: NoInfer<S>;
  transitions: { readonly [K in T]: TransitionSpec<NoInfer<S>, R> };
  /**
   * Runs in the step's transaction after every transition, manual or
   * automatic, so the module's own record follows (a household file becomes
   * 已建档 when the notice ends). Throwing rolls the step back.
   */
  afterStep?(db: Transaction<DB>, step: CompletedStep<NoInfer<S>, NoInfer<T>>): Promise<void>;
};

/** Any workflow, whatever its names (manifests and the timer runner hold these). */
export type AnyWorkflow = WorkflowDefinition<string, string, never>;

const isPositiveInteger = (value: number) => Number.isInteger(value) && value > 0;

/** The mistakes the types cannot catch (a route table read from configuration, a timer naming a manual transition). */
function assertConsistent(machine: AnyWorkflow): void {
  const states = machine.states as Record<string, StateSpec<string>>;
  const transitions = machine.transitions as Record<string, TransitionSpec<string, never>>;
  const fail: (problem: string) => never = (problem) => {
    throw new Error(`workflow ${machine.id}: ${problem}`);
  };
  if (!Object.hasOwn(states, machine.initial)) fail(`initial state ${machine.initial} is not declared`);
  const fired = new Set<string>();
  for (const [name, state] of Object.entries(states)) {
    for (const [kind, timer] of [
      ['notice', state.notice && { days: state.notice.workingDays, transition: state.notice.onEnd }],
      ['deadline', state.deadline && { days: state.deadline.workingDays, transition: state.deadline.onExpire }],
    ] as const) {
      if (!timer) continue;
      const target = transitions[timer.transition];
      if (!target?.automatic) fail(`the ${kind} of state ${name} must name an automatic transition, not ${timer.transition}`);
      if (!target.from.includes(name)) fail(`automatic transition ${timer.transition} does not leave state ${name}`);
      if (typeof timer.days === 'number' && !isPositiveInteger(timer.days)) fail(`the ${kind} of state ${name} must last a positive whole number of working days`);
      fired.add(timer.transition);
    }
  }
  for (const [name, transition] of Object.entries(transitions)) {
    for (const state of [...transition.from, transition.to]) {
      if (!Object.hasOwn(states, state)) fail(`transition ${name} names undeclared state ${state}`);
    }
    const finalFrom = transition.from.find((state) => states[state]?.final);
    if (finalFrom) fail(`transition ${name} leaves final state ${finalFrom}`);
    if (transition.automatic && !fired.has(name)) fail(`automatic transition ${name} is fired by no notice or deadline`);
    if (!transition.automatic && actorRuleList(transition.actor).length === 0) fail(`transition ${name} has no actor rule`);
  }
}

/**
 * Declares a workflow. Checks at start-up what the types cannot (every timer
 * names an automatic transition leaving its state, no step leaves a final
 * state, periods are whole days).
 *
 * @example
 * const leave = defineWorkflow({
 *   id: 'leave', label: '请假', initial: 'draft',
 *   states: { draft: { label: '草稿' }, done: { label: '已批准', final: true } },
 *   transitions: { approve: { from: ['draft'], to: 'done', label: '批准', actor: { permission: 'leave.approve', level: 'parent' } } },
 * });
 */
export function defineWorkflow<const S extends string, const T extends string, R = unknown>(
  machine: WorkflowDefinition<S, T, R>,
): WorkflowDefinition<S, T, R> {
  assertConsistent(machine as unknown as AnyWorkflow);
  return machine;
}

/** Who may take each manual transition: a deployment's approval route. */
export type RouteTable<T extends string> = { readonly [K in T]?: ActorRules };

/**
 * The same workflow with another approval route: the actor rules of the
 * transitions named in `route` replaced, everything else unchanged (same id,
 * so running instances keep working). A key that names no manual transition
 * is refused, so a route table read from configuration cannot silently miss.
 */
export function withRoute<S extends string, T extends string, R>(
  machine: WorkflowDefinition<S, T, R>,
  route: RouteTable<T>,
): WorkflowDefinition<S, T, R> {
  const transitions: Record<string, TransitionSpec<S, R>> = { ...machine.transitions };
  for (const [name, rules] of Object.entries(route) as [string, ActorRules | undefined][]) {
    const transition = transitions[name];
    if (!transition || transition.automatic) {
      throw new Error(`workflow ${machine.id}: the route names ${name}, which is not a manual transition`);
    }
    if (rules === undefined) continue;
    transitions[name] = { ...transition, actor: rules };
  }
  const routed = { ...machine, transitions: transitions as WorkflowDefinition<S, T, R>['transitions'] };
  assertConsistent(routed as unknown as AnyWorkflow);
  return routed;
}

export const stateLabel = (machine: AnyWorkflow | WorkflowDefinition, state: string): string =>
  (machine.states as Record<string, StateSpec<string> | undefined>)[state]?.label ?? state;

export const transitionSpec = <S extends string, T extends string, R>(machine: WorkflowDefinition<S, T, R>, name: string) =>
  (machine.transitions as Record<string, TransitionSpec<S, R> | undefined>)[name];
