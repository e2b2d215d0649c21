/**
 * Kernel background work that runs on a clock (the message outbox, modules'
 * scheduled jobs): once at start — so what fell due while the server was down
 * runs then — and every `intervalMs` after. Runs never overlap; an error is
 * logged and the next run tries again. The work itself must be idempotent
 * (record what it did in the same transaction as doing it): this runner gives
 * no exactly-once guarantee of its own, restarts and a second server may run it
 * again.
 */
export type PeriodicRunner<R> = {
  /** Runs now (or joins the run in progress) and answers its report. */
  runNow: () => Promise<R>;
  /** Stops the clock and waits for a run in progress. */
  stop: () => Promise<void>;
};

export function startPeriodicRunner<R>(options: {
  name: string;
  run: () => Promise<R>;
  intervalMs: number;
  log: { error: (error: unknown, message: string) => void };
}): PeriodicRunner<R> {
  let running: Promise<R> | null = null;
  const runNow = () => {
    running ??= options.run().finally(() => {
      running = null;
    });
    return running;
  };
  const tick = () => {
    runNow().catch((error: unknown) => options.log.error(error, `后台任务「${options.name}」执行失败，将在下次重试 / background job failed`));
  };
  tick();
  const interval = setInterval(tick, options.intervalMs);
  interval.unref();
  return {
    runNow,
    stop: async () => {
      clearInterval(interval);
      await running?.catch(() => undefined);
    },
  };
}
