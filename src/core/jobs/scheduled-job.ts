import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { PlatformKeys } from '../platform/platform-keys';

/**
 * A module's job on the kernel clock (ModuleManifest.scheduledJobs): e.g. the
 * plans module's automatic 督办 reminders. `run` receives the platform
 * database (no caller scope: it acts for the whole tree, like the workflow
 * timers) and must be idempotent — it records what it did in the transaction
 * that does it, so a restart or an overlapping server repeats nothing.
 */
export type ScheduledJobContext = {
  db: Kysely<DB>;
  keys: PlatformKeys;
  now: () => Date;
  log: { info: (message: string) => void; error: (error: unknown, message: string) => void };
};

export type ScheduledJob = {
  /** `module.name`, unique. */
  id: string;
  /** Chinese, for the log. */
  label: string;
  /** How often to run (ms); the kernel also runs it once at start. */
  intervalMs: number;
  /** Does the due work; answers how many things it did (for the log). */
  run: (ctx: ScheduledJobContext) => Promise<number>;
};

export const defineScheduledJob = (job: ScheduledJob): ScheduledJob => job;
