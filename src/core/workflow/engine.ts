/**
 * The workflow engine (docs/ARCHITECTURE.md, "Workflow engine"): modules
 * declare a machine with `defineWorkflow`, list it in their manifest
 * (`workflows`) and call these from their use cases, inside the request's
 * transaction. The kernel runs the timers (timer-runner.ts).
 */
import './schema';

export { type ActorLevel, type ActorRule, type ActorRules } from './actor-rules';
export { availableActions } from './available-actions';
export {
  type AnyWorkflow,
  type CompletedStep,
  defineWorkflow,
  type GuardStep,
  type RouteTable,
  type WorkflowDefinition,
  type WorkflowInstance,
  withRoute,
} from './define-workflow';
export { describeInstance, findWorkflowInstance, loadWorkflowInstance } from './load-instance';
export { runDueTimers, type TimerRunReport } from './run-due-timers';
export { startWorkflow, type WorkflowRecord } from './start-workflow';
export { takeTransition, type TakeTransitionOptions } from './take-transition';
export { workflowHistory } from './workflow-history';
export { addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days';
