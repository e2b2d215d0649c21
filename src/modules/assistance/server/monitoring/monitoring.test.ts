import { REAPPLY_AFTER_CLOSING_REFUSAL } from '../filing/reapply-refusal';
import { expect, it } from 'vitest';
import { describeEachEngine, useFreshDatabase } from '../../../../core/db/testing';
import { type AnyWorkflow, runDueTimers } from '../../../../core/workflow/engine';
import { MODULES } from '../../../../server/modules';
import { buildHouseholdWorld, type HouseholdWorld } from '../testing/household-world';
import { reportHardshipRiskSignal } from './report-hardship-risk-signal';

/**
 * 脱困 and 返困监测 through the API on a fake clock: income checks against the
 * 低保 standard in force each month, the exit step and its audit, the
 * monitoring period closed by the kernel timer (also after a restart), call-backs
 * due and overdue, risk signals (staff, call-back, another module's function)
 * raising alerts, re-entry and dismissal, and scope.
 */

/** 3 people, 2400 a month, no rigid spending: 800 per head, above 甲市's 700. */
const ABOVE = { source: 'home_visit', householdSize: 3, monthlyIncome: 2400 };
const MONTHS = ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];

async function check(w: HouseholdWorld, id: number, month: string, figures: Record<string, unknown> = ABOVE) {
  const response = await w.post(w.logins.clerkA, `/api/assistance/households/${id}/income-checks`, { month, ...figures });
  if (response.statusCode !== 200) throw new Error(`income check ${month}: ${response.statusCode} ${response.body}`);
  return response.json();
}

/** A filed household of 甲厂 with six months above the standard, exited for income by 甲厂's reviewer on 2026-11-24. */
async function exitedHousehold(w: HouseholdWorld, who = w.members.wang) {
  const [id] = await w.fileHouseholds([{ who }]);
  for (const month of MONTHS.slice(1)) await check(w, id!, month);
  const exit = await w.post(w.logins.reviewerA, `/api/assistance/households/${id}/exit`, { expectedVersion: await w.version(id!), reason: 'income_stable' });
  if (exit.statusCode !== 200) throw new Error(`exit: ${exit.statusCode} ${exit.body}`);
  return { id: id!, exit: exit.json() };
}

describeEachEngine('exit from hardship and return-to-hardship monitoring', (engine) => {
  const database = useFreshDatabase(engine);
  const world = () => buildHouseholdWorld(database());

  it('flags the exit condition at exactly N months above the standard, not at N − 1, nor across a month at the standard; a raised standard counts from its month', async () => {
    const w = await world();
    const [id, other] = (await w.fileHouseholds([{ who: w.members.wang }, { who: w.members.li }])) as [number, number];
    // 2100 ÷ 3 = 700: exactly the standard, not above it.
    await check(w, id!, '2026-05', { ...ABOVE, monthlyIncome: 2100 });
    for (const month of MONTHS.slice(1, 6)) {
      const result = await check(w, id!, month);
      expect(result.exitCondition.isMet).toBe(false);
    }
    const five = await w.get(w.logins.clerkA, `/api/assistance/households/${id}/income-checks`);
    expect(five.json().exitCondition.reasons[0]).toBe('2026年5月人均 700 元，未超过当月低保标准 700 元，连续月数中断');
    expect(five.json().exitCondition.reasons.at(-1)).toBe('→ 人均收入连续超过低保标准 5 个月，不足 6 个月，尚不符合脱困条件');
    expect(five.json().items[0]).toMatchObject({ month: '2026-10-01', perCapitaMonthly: 800, dibaoMonthly: 700, isAboveDibao: true });

    // The sixth month: met, with the months and the standard's document.
    const six = await check(w, id!, '2026-11');
    expect(six.exitCondition).toMatchObject({ isMet: true, requiredMonths: 6, months: ['2026-06-01', '2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01', '2026-11-01'] });
    expect(six.exitCondition.reasons[0]).toMatch(/^2026年6月人均 800 元 > 当月低保标准 700 元（示例值/);
    expect(await w.household(id!)).toMatchObject({ exit_condition_met: true });
    expect((await w.post(w.logins.clerkA, `/api/assistance/households/${id}/income-checks`, { month: '2026-11', ...ABOVE })).json().error.message).toBe('2026-11 已登记收入核查，每户每月一条');

    // A standard raised to 850 from 1 August 2026 puts July's 800 above it but August's below: the run restarts.
    await w.read((tx) =>
      tx.insertInto('assistance_dibao_standard').values({ region_code: '610100', region_name: '西安市', area: 'urban', monthly_yuan: '850.00', effective_from: '2026-08-01', source: '测试：提高后的标准' }).execute(),
    );
    for (const month of MONTHS.slice(1)) await check(w, other, month);
    const raised = (await w.get(w.logins.clerkA, `/api/assistance/households/${other}/income-checks`)).json();
    expect(raised.items.find((item: { month: string }) => item.month === '2026-08-01')).toMatchObject({ dibaoMonthly: 850, dibaoSource: '测试：提高后的标准', isAboveDibao: false });
    expect(raised.exitCondition).toMatchObject({ isMet: false, months: [] });
    expect(raised.exitCondition.reasons[0]).toBe('2026年11月人均 800 元，未超过当月低保标准 850 元，连续月数中断');
  });

  it('refuses an income exit without the condition and another reason without a file; the exit is a reviewer step, audited', async () => {
    const w = await world();
    const [id, second] = (await w.fileHouseholds([{ who: w.members.wang }, { who: w.members.li }])) as [number, number];
    for (const month of MONTHS.slice(2)) await check(w, id!, month);
    const early = await w.post(w.logins.reviewerA, `/api/assistance/households/${id}/exit`, { expectedVersion: await w.version(id!), reason: 'income_stable' });
    expect(early.json().error).toMatchObject({ code: 'CONFLICT', message: '尚不符合收入脱困条件（人均收入须连续超过当地低保标准），请先登记月度收入核查' });
    const noFile = await w.post(w.logins.reviewerA, `/api/assistance/households/${id}/exit`, { expectedVersion: await w.version(id!), reason: 'employment_stable' });
    expect(noFile.json().error.message).toBe('以收入以外的原因脱困须上传佐证材料');
    const noNote = await w.post(w.logins.reviewerA, `/api/assistance/households/${id}/exit`, { expectedVersion: await w.version(id!), reason: 'other' });
    expect(noNote.json().error).toMatchObject({ field: 'note', message: '请求内容字段「note」有误：脱困原因为“其他”时请填写说明' });
    expect((await w.post(w.logins.clerkA, `/api/assistance/households/${id}/exit`, { expectedVersion: await w.version(id!), reason: 'income_stable' })).statusCode).toBe(403);
    // No half-written exit survives a refusal.
    expect(await w.read((tx) => tx.selectFrom('assistance_exit').select('id').execute())).toEqual([]);

    const proof = (await w.upload(w.logins.clerkA, id!, 'other')).json();
    const exited = await w.post(w.logins.reviewerA, `/api/assistance/households/${id}/exit`, { expectedVersion: await w.version(id!), reason: 'employment_stable', attachments: [{ fileId: proof.id }] });
    expect(exited.statusCode, exited.body).toBe(200);
    expect(exited.json()).toMatchObject({ status: 'monitoring', statusLabel: '脱困监测中', exit: { reason: 'employment_stable', exitedOn: '2026-11-24', monitoringEndsOn: '2027-11-24', outcome: null } });
    const person = await w.read((tx) => tx.selectFrom('person').select('is_hardship').where('id', '=', w.members.wang.personId).executeTakeFirstOrThrow());
    expect(person.is_hardship).toBe(false);
    const events = await w.read((tx) => tx.selectFrom('audit_event').select(['action', 'details']).where('action', 'in', ['assistance.monitoring.exit', 'workflow.step']).orderBy('seq', 'desc').limit(2).execute());
    expect(events.map((event) => event.action).sort()).toEqual(['assistance.monitoring.exit', 'workflow.step']);
    expect(events.find((event) => event.action === 'workflow.step')!.details).toMatchObject({ transition: 'exit', from: 'filed', to: 'monitoring', attachments: [{ kind: 'other' }] });
    // Death or moving away closes without monitoring; the reason must match the step.
    const certificate = (await w.upload(w.logins.clerkA, second!, 'other')).json();
    const closed = await w.post(w.logins.reviewerA, `/api/assistance/households/${second}/exit`, { expectedVersion: await w.version(second!), reason: 'death_or_moved', attachments: [{ fileId: certificate.id }] });
    expect(closed.json()).toMatchObject({ status: 'exited', exit: { monitoringEndsOn: null, outcome: 'closed', endedOn: '2026-11-24' } });
    // A file closed for death or moving away stays closed: applying again on it is refused, saying why.
    const reopen = await w.act(w.logins.clerkA, second!, 'reapply', { comment: '再次申请' });
    expect(reopen.statusCode).toBe(409);
    expect(reopen.json().error.message).toBe(REAPPLY_AFTER_CLOSING_REFUSAL);
  });

  it('closes the file as 稳定脱困 when the monitoring period ends, by the kernel timer, also after a restart', async () => {
    const w = await world();
    const { id, exit } = await exitedHousehold(w);
    expect(exit.exit).toMatchObject({ reason: 'income_stable', monitoringEndsOn: '2027-11-24' });
    expect(exit.workflow).toMatchObject({ state: 'monitoring', deadlineOn: '2027-11-24' });
    const timers = await w.read((tx) => tx.selectFrom('workflow_timer').select(['kind', 'state', 'due_at']).where('fired_at', 'is', null).where('cancelled_at', 'is', null).execute());
    expect(timers).toEqual([{ kind: 'deadline', state: 'monitoring', due_at: new Date('2027-11-25T00:00:00+08:00') }]);

    w.setClock('2027-11-24T23:59:00+08:00');
    await w.runTimers();
    expect(await w.household(id)).toMatchObject({ status: 'monitoring' });

    // A restart: the app goes away; a new runner with the modules' machines finds the timer in the database.
    await w.app.close();
    const machines = MODULES.flatMap((module) => module.workflows ?? []) as AnyWorkflow[];
    expect(await runDueTimers(w.db, machines, new Date('2027-11-25T00:00:00+08:00'), { auditKey: w.keys.auditKey })).toMatchObject({ fired: 1, failed: 0 });
    expect(await w.household(id)).toMatchObject({ status: 'exited' });
    const row = await w.read((tx) => tx.selectFrom('assistance_exit').select(['outcome', 'ended_on']).where('household_id', '=', id).executeTakeFirstOrThrow());
    expect(row).toEqual({ outcome: 'stable', ended_on: '2027-11-25' });
  });

  it('lets a family whose file closed as 稳定脱困 apply again on the same file, which starts over at 待提交', async () => {
    const w = await world();
    const { id } = await exitedHousehold(w);
    w.setClock('2027-11-25T00:00:00+08:00');
    await w.runTimers();
    expect(await w.household(id)).toMatchObject({ status: 'exited' });

    // 应建则建: hardship again, two years on.
    w.setClock('2029-03-02T09:00:00+08:00');
    const actions = (await w.get(w.logins.clerkA, `/api/assistance/households/${id}/actions`)).json().actions.map((action: { transition: string }) => action.transition);
    expect(actions).toEqual(['reapply']);
    const missing = await w.act(w.logins.clerkA, id, 'reapply');
    expect(missing.statusCode).toBe(400);
    const again = await w.act(w.logins.clerkA, id, 'reapply', { comment: '配偶重病住院，家庭收入骤降' });
    expect(again.statusCode, again.body).toBe(200);
    expect(await w.household(id)).toMatchObject({ status: 'draft' });
    const steps = (await w.get(w.logins.cityA, `/api/assistance/households/${id}/history`)).json().steps.map((step: { label: string }) => step.label);
    expect([steps[0], ...steps.slice(-2)]).toEqual(['发起困难职工建档', '监测期满无返困，稳定脱困', '重新申请建档']);
    expect((await w.get(w.logins.clerkA, `/api/assistance/households/${id}/actions`)).json().actions.map((action: { transition: string }) => action.transition)).toContain('submit');
    // 乙's clerk may not.
    expect((await w.act(w.logins.clerkB, id, 'reapply', { comment: '越权' })).statusCode).toBe(404);
  });

  it('lists call-backs due and overdue; a call-back with a risk flag raises an alert', async () => {
    const w = await world();
    const { id } = await exitedHousehold(w);
    const due = (await w.get(w.logins.clerkA, '/api/assistance/monitoring/callbacks')).json();
    expect(due.items.map((item: { dueOn: string }) => item.dueOn)).toEqual(['2027-02-24', '2027-05-24', '2027-08-24', '2027-11-24']);
    expect(due.items[0]).toMatchObject({ householdId: id, workerName: '王建国', isOverdue: false });
    expect((await w.get(w.logins.clerkA, '/api/assistance/monitoring/callbacks?filter=overdue')).json().total).toBe(0);

    w.setClock('2027-02-25T09:00:00+08:00');
    const overdue = (await w.get(w.logins.countyA, '/api/assistance/monitoring/callbacks?filter=overdue')).json();
    expect(overdue).toMatchObject({ total: 1, items: [{ dueOn: '2027-02-24', isOverdue: true }] });
    expect((await w.get(w.logins.cityA, '/api/assistance/monitoring/summary')).json()).toMatchObject({ monitoring: 1, openAlerts: 0, overdueCallbacks: 1, byYear: [{ year: 2026, exits: 1, stable: 0, returns: 0 }] });

    const recorded = await w.post(w.logins.clerkA, `/api/assistance/monitoring/callbacks/${overdue.items[0].id}`, { contactedOn: '2027-02-25', contactResult: 'reached', situation: '配偶近期失业，家庭收入减少', riskFlags: ['job_loss'] });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json()).toMatchObject({ callback: { contactedOn: '2027-02-25', riskFlags: ['job_loss'], isOverdue: false }, alertId: expect.any(Number) });
    expect((await w.post(w.logins.clerkA, `/api/assistance/monitoring/callbacks/${overdue.items[0].id}`, { contactedOn: '2027-02-25', contactResult: 'reached', situation: '再次登记' })).json().error.message).toBe('该回访已登记');
    const alerts = (await w.get(w.logins.clerkA, '/api/assistance/monitoring/alerts')).json();
    expect(alerts).toMatchObject({ total: 1, items: [{ householdId: id, status: 'open', signals: [{ kind: 'job_loss', kindLabel: '失业', source: 'callback' }] }] });
    expect((await w.get(w.logins.cityA, '/api/assistance/monitoring/summary')).json()).toMatchObject({ openAlerts: 1, overdueCallbacks: 0 });
  });

  it("raises an alert from another module's reportHardshipRiskSignal, holds the close while it stands, and resumes the period on dismissal", async () => {
    const w = await world();
    const { id } = await exitedHousehold(w);
    const nobody = await w.read((tx) => reportHardshipRiskSignal(tx, { personId: w.members.zheng.personId, kind: 'serious_illness', occurredOn: '2026-11-20', source: 'members' }));
    expect(nobody).toEqual({ status: 'not_monitored' });

    w.setClock('2027-03-02T10:00:00+08:00');
    const reported = await w.read((tx) => reportHardshipRiskSignal(tx, { personId: w.members.wang.personId, kind: 'serious_illness', occurredOn: '2027-03-01', source: 'members', note: '确诊恶性肿瘤' }, { at: w.clock.now() }));
    expect(reported).toMatchObject({ status: 'alerted', isNewAlert: true });
    // A second signal joins the open alert.
    const again = await w.read((tx) => reportHardshipRiskSignal(tx, { personId: w.members.wang.personId, kind: 'large_medical_expense', occurredOn: '2027-03-02', source: 'members' }, { at: w.clock.now() }));
    expect(again).toMatchObject({ status: 'alerted', isNewAlert: false, alertId: (reported as { alertId: number }).alertId });
    expect((await w.get(w.logins.clerkA, `/api/assistance/households/${id}/actions`)).json().workflow).toMatchObject({ state: 'alert', deadlineOn: null });
    expect(await w.household(id)).toMatchObject({ status: 'monitoring' });

    // Past the period's end, an undecided alert keeps the file open.
    w.setClock('2027-12-01T09:00:00+08:00');
    await w.runTimers();
    expect(await w.household(id)).toMatchObject({ status: 'monitoring' });

    const alertId = (reported as { alertId: number }).alertId;
    const noReason = await w.post(w.logins.reviewerA, `/api/assistance/monitoring/alerts/${alertId}/dismiss`, { expectedVersion: await w.version(id), reason: '' });
    expect(noReason.statusCode).toBe(400);
    const dismissed = await w.post(w.logins.countyA, `/api/assistance/monitoring/alerts/${alertId}/dismiss`, { expectedVersion: await w.version(id), reason: '医疗费用已由医保报销，收入稳定' });
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    expect(dismissed.json()).toMatchObject({ status: 'monitoring', alert: { status: 'dismissed', decisionReason: '医疗费用已由医保报销，收入稳定', signals: [{ kind: 'serious_illness', source: 'members' }, { kind: 'large_medical_expense' }] } });
    // The period is over: the file closes at the end of the next working day (Thursday 2 December).
    expect((await w.get(w.logins.clerkA, `/api/assistance/households/${id}/actions`)).json().workflow).toMatchObject({ state: 'monitoring', deadlineOn: '2027-12-02' });
    w.setClock('2027-12-03T00:00:00+08:00');
    expect(await w.runTimers()).toMatchObject({ fired: 1 });
    expect(await w.household(id)).toMatchObject({ status: 'exited' });
    const steps = (await w.get(w.logins.cityA, `/api/assistance/households/${id}/history`)).json().steps.map((step: { label: string }) => step.label);
    expect(steps.slice(-4)).toEqual(['脱困退出（进入返困监测）', '返困预警', '排除返困预警', '监测期满无返困，稳定脱困']);
  });

  it('starts a re-entry review from a staff signal: the file goes back to the first review with its history; scope holds', async () => {
    const w = await world();
    const { id } = await exitedHousehold(w);
    w.setClock('2027-01-11T09:00:00+08:00');
    const signal = await w.post(w.logins.clerkA, `/api/assistance/households/${id}/risk-signals`, { kind: 'accident', occurredOn: '2027-01-10', note: '工伤致残' });
    expect(signal.statusCode, signal.body).toBe(200);
    const { alertId } = signal.json();

    // 乙's unions see none of it.
    expect((await w.get(w.logins.clerkB, `/api/assistance/households/${id}/income-checks`)).statusCode).toBe(404);
    expect((await w.post(w.logins.clerkB, `/api/assistance/households/${id}/risk-signals`, { kind: 'job_loss', occurredOn: '2027-01-10' })).statusCode).toBe(404);
    expect((await w.get(w.logins.countyB, '/api/assistance/monitoring/alerts')).json()).toEqual({ items: [], total: 0 });
    expect((await w.get(w.logins.cityB, '/api/assistance/monitoring/summary')).json()).toMatchObject({ monitoring: 0, openAlerts: 0, byYear: [] });
    expect((await w.post(w.logins.countyB, `/api/assistance/monitoring/alerts/${alertId}/reentry`, { expectedVersion: await w.version(id), reason: '越权' })).statusCode).toBe(404);
    expect((await w.get(w.logins.cityA, `/api/assistance/monitoring/alerts?orgUnitId=${w.units.cityB.id}`)).statusCode).toBe(404);

    const reentry = await w.post(w.logins.countyA, `/api/assistance/monitoring/alerts/${alertId}/reentry`, { expectedVersion: await w.version(id), reason: '工伤致残，家庭收入骤降，启动重新纳入审核' });
    expect(reentry.statusCode, reentry.body).toBe(200);
    expect(reentry.json()).toMatchObject({ status: 'first_review', alert: { status: 'reentered' } });
    expect(await w.household(id)).toMatchObject({ status: 'first_review', exit_condition_met: false });
    const exit = await w.read((tx) => tx.selectFrom('assistance_exit').select(['outcome', 'ended_on']).where('household_id', '=', id).executeTakeFirstOrThrow());
    expect(exit).toEqual({ outcome: 'returned', ended_on: '2027-01-11' });
    const steps = (await w.get(w.logins.cityA, `/api/assistance/households/${id}/history`)).json().steps.map((step: { label: string }) => step.label);
    expect(steps[0]).toBe('发起困难职工建档');
    expect(steps.slice(-3)).toEqual(['脱困退出（进入返困监测）', '返困预警', '启动重新纳入审核']);
    // Back in the filing workflow: the grassroots reviewer may take the first review again.
    const actions = (await w.get(w.logins.reviewerA, `/api/assistance/households/${id}/actions`)).json().actions.map((action: { transition: string }) => action.transition);
    expect(actions).toContain('approve_first_review');
    expect((await w.get(w.logins.cityA, '/api/assistance/monitoring/summary')).json()).toMatchObject({ byYear: [{ year: 2026, exits: 1, returns: 0 }, { year: 2027, exits: 0, returns: 1 }], openAlerts: 0 });
  });
});
