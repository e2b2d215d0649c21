import { expect, it } from 'vitest';
import { describeEachEngine, useFreshDatabase } from '../db/testing';
import { coreModule } from '../manifest';
import { defineModule } from '../module';
import { buildTestApp } from '../testing/test-app';
import type { AnyWorkflow } from './define-workflow';
import { runDueTimers } from './run-due-timers';
import { buildLeaveWorld, readAsPlatform } from './testing/leave-world';
import { LEAVE_PERMISSIONS, leaveWorkflow } from './testing/leave-workflow';
import { startWorkflowTimerRunner } from './timer-runner';

/**
 * Timers: a public notice of 3 working days and a draft's 10-working-day
 * deadline, on a fake clock, across holidays with 调休 working weekends
 * (国务院办公厅关于2026年部分节假日安排的通知); restarts and crashes.
 */
describeEachEngine('workflow timers', (engine) => {
  const database = useFreshDatabase(engine);
  const leave = leaveWorkflow as unknown as AnyWorkflow;
  const quietLog = { info: () => undefined, error: () => undefined };

  async function world(startAt: string) {
    const w = await buildLeaveWorld(database().kysely, engine, new Date(startAt));
    const setClock = (iso: string) => w.clock.advance(Date.parse(iso) - w.clock.now().getTime());
    const read = <T>(work: Parameters<typeof readAsPlatform<T>>[1]) => readAsPlatform(database().kysely, work);
    const instance = (id: number) => read((tx) => tx.selectFrom('workflow_instance').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
    const steps = (id: number) => read((tx) => tx.selectFrom('workflow_step').selectAll().where('instance_id', '=', id).orderBy('seq').execute());
    const timers = (id: number) => read((tx) => tx.selectFrom('workflow_timer').selectAll().where('instance_id', '=', id).orderBy('id').execute());
    const systemEvents = (id: number) =>
      database()
        .kysely.selectFrom('audit_event')
        .select(['action', 'details'])
        .where('actor_login', '=', 'system')
        .where('target_id', '=', String(id))
        .execute();
    return { ...w, setClock, instance, steps, timers, systemEvents };
  }

  it('does not end a notice a day early across 国庆 (the 调休 Saturday counts), and ends it once when due', async () => {
    // Wednesday 2026-09-30: the holiday runs 10-01..10-07; Thu 10-08, Fri 10-09 and Saturday 10-10 (调休) are the three working days.
    const w = await world('2026-09-30T09:00:00+08:00');
    const notice = await w.advance(await w.start(), 'notice');
    expect(notice.noticeEndsOn).toBe('2026-10-10');
    expect((await w.timers(notice.id)).at(-1)).toMatchObject({ kind: 'notice', state: 'notice', fired_at: null, due_at: new Date('2026-10-11T00:00:00+08:00') });

    for (const early of ['2026-10-08T00:00:00+08:00', '2026-10-09T12:00:00+08:00', '2026-10-10T23:59:59+08:00']) {
      w.setClock(early);
      expect(await w.runTimers()).toEqual({ fired: 0, cancelled: 0, unknown: 0, failed: 0 });
      expect(await w.instance(notice.id)).toMatchObject({ state: 'notice', version: notice.version });
    }

    w.setClock('2026-10-11T00:00:00+08:00');
    expect(await w.runTimers()).toEqual({ fired: 1, cancelled: 0, unknown: 0, failed: 0 });
    expect(await w.runTimers()).toEqual({ fired: 0, cancelled: 0, unknown: 0, failed: 0 });
    w.setClock('2026-10-12T09:00:00+08:00');
    expect((await w.runTimers()).fired).toBe(0);

    expect(await w.instance(notice.id)).toMatchObject({ state: 'approved', version: notice.version + 1, notice_ends_on: null });
    const steps = await w.steps(notice.id);
    expect(steps.filter((step) => step.transition === 'finish_notice')).toEqual([
      expect.objectContaining({ from_state: 'notice', to_state: 'approved', actor_account_id: null, actor_org_unit_id: null, at: new Date('2026-10-11T00:00:00+08:00') }),
    ]);
    expect(await w.systemEvents(notice.id)).toEqual([{ action: 'workflow.step', details: expect.objectContaining({ transition: 'finish_notice', to: 'approved' }) }]);
  });

  it('fires what fell due while the server was down when a fresh runner starts, once; the app starts the runner', async () => {
    // Thursday 2026-02-12: Fri 02-13 and Saturday 02-14 (春节调休) are working days, then 02-15..02-23 the holiday: the notice ends Tue 02-24.
    const w = await world('2026-02-12T10:00:00+08:00');
    const notice = await w.advance(await w.start(), 'notice');
    expect(notice.noticeEndsOn).toBe('2026-02-24');
    const runner = (now = w.clock.now) =>
      startWorkflowTimerRunner({ db: database().kysely, machines: [leave], auditKey: w.keys.auditKey, now, log: quietLog, intervalMs: 3_600_000 });

    w.setClock('2026-02-24T12:00:00+08:00');
    const before = runner();
    expect(await before.runNow()).toMatchObject({ fired: 0 });
    await before.stop();

    // Down over the night the notice ended; started again two days later.
    w.setClock('2026-02-26T08:00:00+08:00');
    const after = runner();
    await after.stop();
    expect(await w.instance(notice.id)).toMatchObject({ state: 'approved' });
    const again = runner();
    expect(await again.runNow()).toMatchObject({ fired: 0 });
    await again.stop();
    expect((await w.steps(notice.id)).filter((step) => step.transition === 'finish_notice')).toHaveLength(1);

    // The app's kernel runner, over the modules' declared workflows, does the same at start-up.
    const second = await w.advance(await w.start(), 'notice');
    // Thu 02-26: Fri 02-27, Saturday 02-28 (调休), Mon 03-02.
    expect(second.noticeEndsOn).toBe('2026-03-02');
    w.setClock('2026-03-03T08:00:00+08:00');
    const toy = defineModule({
      id: 'toy',
      label: '测试',
      permissions: LEAVE_PERMISSIONS.map((code) => ({ code, label: code })),
      routes: [],
      nav: [],
      migrations: [],
      workflows: [leave],
    });
    const app = await buildTestApp(database(), [coreModule, toy], { now: w.clock.now, keys: w.keys });
    await app.close();
    expect(await w.instance(second.id)).toMatchObject({ state: 'approved' });
  });

  it('leaves the timer unfired and the instance unchanged when the step crashes mid-run; the next run fires it once', async () => {
    const w = await world('2026-11-16T09:00:00+08:00');
    const notice = await w.advance(await w.start(), 'notice');
    w.setClock('2026-11-20T08:00:00+08:00');
    const stepsBefore = await w.steps(notice.id);
    const crashing = {
      ...leave,
      afterStep: async () => {
        throw new Error('断电');
      },
    };
    const errors: unknown[] = [];
    const report = await runDueTimers(database().kysely, [crashing], w.clock.now(), {
      auditKey: w.keys.auditKey,
      onError: (error) => errors.push(error),
    });
    expect(report).toEqual({ fired: 0, cancelled: 0, unknown: 0, failed: 1 });
    expect(errors).toEqual([expect.objectContaining({ message: '断电' })]);
    expect(await w.instance(notice.id)).toMatchObject({ state: 'notice', version: notice.version, notice_ends_on: '2026-11-19' });
    expect((await w.timers(notice.id)).filter((timer) => timer.kind === 'notice')).toEqual([expect.objectContaining({ fired_at: null, cancelled_at: null })]);
    expect(await w.steps(notice.id)).toEqual(stepsBefore);
    expect(await w.systemEvents(notice.id)).toEqual([]);

    expect(await w.runTimers()).toMatchObject({ fired: 1, failed: 0 });
    expect(await w.runTimers()).toMatchObject({ fired: 0 });
    expect(await w.instance(notice.id)).toMatchObject({ state: 'approved', version: notice.version + 1 });
    expect(await w.systemEvents(notice.id)).toHaveLength(1);
  });

  it('closes a draft nobody submitted when its deadline passes (counting 春节 and both 调休 Saturdays); a submitted draft’s deadline is cancelled', async () => {
    // Tuesday 2026-02-10. Working days: 02-11, 12, 13, 14 (Sat, 调休), 24, 25, 26, 27, 28 (Sat, 调休), 03-02.
    const w = await world('2026-02-10T10:00:00+08:00');
    const idle = await w.start();
    const submitted = await w.take(w.people.clerkA, await w.start(), 'submit');
    expect(idle.deadlineOn).toBe('2026-03-02');
    expect(submitted.deadlineOn).toBeNull();
    expect((await w.timers(submitted.id)).map((timer) => [timer.kind, timer.cancelled_at !== null])).toEqual([['deadline', true]]);

    w.setClock('2026-03-02T23:59:00+08:00');
    expect((await w.runTimers()).fired).toBe(0);
    w.setClock('2026-03-03T00:00:00+08:00');
    expect(await w.runTimers()).toMatchObject({ fired: 1, failed: 0 });

    const closed = await w.instance(idle.id);
    expect(closed).toMatchObject({ state: 'expired', deadline_on: null });
    expect(closed.finished_at).not.toBeNull();
    expect((await w.steps(idle.id)).at(-1)).toMatchObject({ transition: 'expire', actor_account_id: null });
    expect(await w.instance(submitted.id)).toMatchObject({ state: 'submitted', version: submitted.version });
  });

  it('stops the notice timer when an objection sends the record back, and starts a new period when it returns to notice', async () => {
    const w = await world('2026-11-16T09:00:00+08:00');
    const notice = await w.advance(await w.start(), 'notice');
    w.setClock('2026-11-18T10:00:00+08:00');
    const objected = await w.take(w.people.countyReviewerA, notice, 'object', { comment: '天数有误' });
    expect(objected).toMatchObject({ state: 'county_review', noticeEndsOn: null });
    w.setClock('2026-11-20T09:00:00+08:00');
    expect((await w.runTimers()).fired).toBe(0);

    const again = await w.advance(objected, 'notice');
    // Friday 11-20: Mon 11-23, Tue 11-24, Wed 11-25.
    expect(again.noticeEndsOn).toBe('2026-11-25');
    expect((await w.timers(notice.id)).map((timer) => [timer.kind, timer.fired_at !== null, timer.cancelled_at !== null])).toEqual([
      ['deadline', false, true],
      ['notice', false, true],
      ['notice', false, false],
    ]);
  });

  it('fires a timer once when two servers’ runners find it due at the same moment', async () => {
    const w = await world('2026-11-16T09:00:00+08:00');
    const notices = [await w.advance(await w.start(), 'notice'), await w.advance(await w.start(), 'notice')];
    w.setClock('2026-11-20T08:00:00+08:00');
    const reports = await Promise.all([w.runTimers(), w.runTimers()]);
    expect(reports.reduce((sum, report) => sum + report.fired, 0)).toBe(2);
    expect(reports.every((report) => report.failed === 0)).toBe(true);
    for (const notice of notices) {
      expect((await w.steps(notice.id)).filter((step) => step.transition === 'finish_notice')).toHaveLength(1);
      expect(await w.instance(notice.id)).toMatchObject({ state: 'approved', version: notice.version + 1 });
    }
  });

  it('leaves the timers of a workflow no module declares pending, for when the module is back', async () => {
    const w = await world('2026-11-16T09:00:00+08:00');
    const notice = await w.advance(await w.start(), 'notice');
    w.setClock('2026-11-21T09:00:00+08:00');
    expect(await runDueTimers(database().kysely, [], w.clock.now(), { auditKey: w.keys.auditKey })).toEqual({ fired: 0, cancelled: 0, unknown: 1, failed: 0 });
    expect(await w.instance(notice.id)).toMatchObject({ state: 'notice' });
    expect((await w.runTimers()).fired).toBe(1);
  });
});
