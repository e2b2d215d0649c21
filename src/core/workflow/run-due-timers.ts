import type { Kysely } from 'kysely';
import { enterPlatformScope } from '../access/row-security';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { DB } from '../db/schema';
import { applyStep } from './apply-step';
import type { AnyWorkflow, StateSpec } from './define-workflow';
import { lockInstanceRow, toInstance } from './load-instance';

export type TimerRunReport = {
  /** Automatic transitions taken. */
  fired: number;
  /** Timers whose instance had already left their state (nothing to do). */
  cancelled: number;
  /** Timers of a workflow no module declares now: left pending until one does. */
  unknown: number;
  /** Timers whose step failed: rolled back, left pending for the next run. */
  failed: number;
};

type Outcome = keyof TimerRunReport | 'raced';

const NO_INPUT = { comment: null, form: null, attachments: [] };

/**
 * Fires every timer due at `now`, each in its own transaction: the timer is
 * marked fired and the state's automatic transition taken together, as the
 * system (no actor; audit actor "system" acting for the record's union). A
 * crash or an error rolls both back, so the next run fires it — once. A
 * timer is claimed under its instance's row lock and then its own
 * (`for update skip locked`), and re-read as still pending, so runners on
 * several servers never fire it twice (PGlite has one connection: serial anyway).
 */
export async function runDueTimers(
  db: Kysely<DB>,
  machines: readonly AnyWorkflow[],
  now: Date,
  options: { auditKey: Buffer; onError?: (error: unknown, timerId: number) => void },
): Promise<TimerRunReport> {
  const report: TimerRunReport = { fired: 0, cancelled: 0, unknown: 0, failed: 0 };
  // Timers this run has given up on: not picked again until the next run.
  const passed: number[] = [];
  for (;;) {
    const claim: { id: number | null } = { id: null };
    let outcome: Outcome | null;
    try {
      outcome = await db.transaction().execute(async (tx) => {
        await enterPlatformScope(tx);
        const candidate = await tx
          .selectFrom('workflow_timer')
          .select(['id', 'instance_id'])
          .where('fired_at', 'is', null)
          .where('cancelled_at', 'is', null)
          .where('due_at', '<=', now)
          .$if(passed.length > 0, (query) => query.where('id', 'not in', passed))
          .orderBy('due_at')
          .orderBy('id')
          .limit(1)
          .executeTakeFirst();
        if (!candidate) return null;
        claim.id = candidate.id;
        // Instance first, then its timer: the order a user's step locks them in, so the two never deadlock.
        const row = await lockInstanceRow(tx, candidate.instance_id);
        const timer = await tx
          .selectFrom('workflow_timer')
          .selectAll()
          .where('id', '=', candidate.id)
          .where('fired_at', 'is', null)
          .where('cancelled_at', 'is', null)
          .forUpdate()
          .skipLocked()
          .executeTakeFirst();
        // Another runner fired it while this one waited for the instance.
        if (!timer) return 'raced';
        const machine = machines.find((known) => known.id === row?.workflow_id);
        if (!row || !machine) return 'unknown';
        const state = (machine.states as Record<string, StateSpec<string> | undefined>)[timer.state];
        const transition = timer.kind === 'notice' ? state?.notice?.onEnd : state?.deadline?.onExpire;
        if (row.state !== timer.state || row.finished_at !== null || !transition) {
          await tx.updateTable('workflow_timer').set({ cancelled_at: now }).where('id', '=', timer.id).execute();
          return 'cancelled';
        }
        // Marked first: the step restarts the timers of the state it leaves, and this one is done.
        await tx.updateTable('workflow_timer').set({ fired_at: now }).where('id', '=', timer.id).execute();
        await applyStep(tx, {
          machine,
          instance: toInstance(row),
          transition,
          input: NO_INPUT,
          actor: null,
          at: now,
          audit: (event) =>
            recordAuditEvent(tx, {
              key: options.auditKey,
              actor: { accountId: null, login: 'system', orgUnitId: row.org_unit_id, orgPath: row.org_path },
              origin: { ip: null, userAgent: null, requestId: null },
              occurredAt: now,
              event,
            }),
        });
        return 'fired';
      });
    } catch (error) {
      if (claim.id === null) throw error;
      options.onError?.(error, claim.id);
      outcome = 'failed';
    }
    if (outcome === null) return report;
    if (outcome !== 'raced') report[outcome] += 1;
    if (outcome !== 'fired' && outcome !== 'cancelled' && claim.id !== null) passed.push(claim.id);
  }
}
