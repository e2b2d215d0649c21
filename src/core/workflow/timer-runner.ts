import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { AnyWorkflow } from './define-workflow';
import { runDueTimers, type TimerRunReport } from './run-due-timers';

/**
 * How often the kernel looks for due timers. Periods are whole Beijing days
 * ending at midnight, so a minute's delay is invisible to users.
 */
export const WORKFLOW_TIMER_POLL_MS = 60_000;

export type WorkflowTimerRunner = {
  /** Runs now (or joins the run in progress) and reports what it did. */
  runNow: () => Promise<TimerRunReport>;
  /** Stops polling and waits for a run in progress to finish. */
  stop: () => Promise<void>;
};

/**
 * The kernel's background runner for workflow timers, started with the app.
 * It runs once at start — timers that fell due while the server was down
 * fire then — and every `intervalMs` after. Runs never overlap; an error is
 * logged and the next run tries again.
 */
export function startWorkflowTimerRunner(options: {
  db: Kysely<DB>;
  machines: readonly AnyWorkflow[];
  auditKey: Buffer;
  now: () => Date;
  log: { info: (message: string) => void; error: (error: unknown, message: string) => void };
  intervalMs?: number;
}): WorkflowTimerRunner {
  const ids = options.machines.map((machine) => machine.id);
  const twice = ids.find((id, index) => ids.indexOf(id) !== index);
  if (twice) throw new Error(`workflow ${twice} is declared by more than one manifest entry`);
  let running: Promise<TimerRunReport> | null = null;
  const run = async (): Promise<TimerRunReport> => {
    const report = await runDueTimers(options.db, options.machines, options.now(), {
      auditKey: options.auditKey,
      onError: (error, timerId) => options.log.error(error, `流程定时任务 ${timerId} 执行失败，将在下次重试 / workflow timer failed`),
    });
    if (report.fired > 0) options.log.info(`流程定时任务：已执行 ${report.fired} 项 / workflow timers fired`);
    return report;
  };
  const runNow = () => {
    running ??= run().finally(() => {
      running = null;
    });
    return running;
  };
  const tick = () => {
    runNow().catch((error: unknown) => options.log.error(error, '流程定时任务检查失败 / workflow timer run failed'));
  };
  tick();
  const interval = setInterval(tick, options.intervalMs ?? WORKFLOW_TIMER_POLL_MS);
  interval.unref();
  return {
    runNow,
    stop: async () => {
      clearInterval(interval);
      await running?.catch(() => undefined);
    },
  };
}
