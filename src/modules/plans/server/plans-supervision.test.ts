import { expect, it } from 'vitest';
import { describeEachEngine, useFreshDatabase } from '../../../core/db/testing';
import { buildTestApp } from '../../../core/testing/test-app';
import { MODULES } from '../../../server/modules';
import type { TReportDetail } from '../contract';
import type { TSupervisionBoard, TSupervisionItem } from '../supervision-contract';
import { sendAutomaticReminders } from './supervision/send-automatic-reminders';
import { buildPlanWorld, cascadedSeed1, measureNo, type PlanWorld } from './testing/plan-world';

/**
 * 督办 (issue 5, "Supervision"): flags computed at and around a deadline, at
 * every union of the caller's subtree that holds the plan, a 督办 from 西安 to
 * 雁塔 answered and closed with its log, audit trail, notifications and SMS,
 * who may see and act, and the automatic reminders. The world (plan-world.ts):
 * seed 1 measure 2 (40 三秦工匠) due 2026-12-31, quarterly, responsible 西安
 * and 宝鸡; province → 西安, 宝鸡; 西安 → 雁塔, 碑林.
 */
describeEachEngine('plans: 督办 (supervision)', (engine) => {
  const database = useFreshDatabase(engine);
  const MOBILE = '13991234567';

  const board = (world: PlanWorld, login: string, planId: number) => world.ok<TSupervisionBoard>(world.get(login, `/api/plans/${planId}/supervision`));
  const flagsOf = (found: TSupervisionBoard, measureId: number) =>
    Object.fromEntries(found.flags.filter((flag) => flag.measureId === measureId).map((flag) => [flag.orgUnit.name, flag.flag]));
  const notifications = async (world: PlanWorld, login: string) =>
    (await world.ok<{ items: { title: string; kind: string; link: string | null }[]; unread: number }>(world.get(login, '/api/notifications'))).items;

  it('flags a measure at risk before its deadline and overdue from the day after, per union, from live data', async () => {
    const world = await buildPlanWorld(database);
    const plan = await cascadedSeed1(world);
    const m2 = measureNo(plan, '2');

    // 10 March: Q1 is running and nothing is due — no flag on measure 2.
    expect(flagsOf(await board(world, 'sheng-head', plan.id), m2.id)).toEqual({});
    // 宝鸡 says it is at risk: flagged at 宝鸡 (and so at the province, whose subtree holds the report), with the reason.
    const risky = await world.ok<TReportDetail>(world.post('baoji-clerk', '/api/plans/reports', { measureId: m2.id, period: '2026-Q1', progress: 'at_risk', narrative: '推荐人选不足' }));
    await world.ok(world.post('baoji-clerk', `/api/plans/reports/${risky.id}/submit`, { version: risky.version }));
    const afterRisk = await board(world, 'sheng-head', plan.id);
    expect(flagsOf(afterRisk, m2.id)).toEqual({ 陕西省总工会: 'at_risk', 宝鸡市总工会: 'at_risk' });
    expect(afterRisk.flags.find((flag) => flag.orgUnit.name === '宝鸡市总工会' && flag.measureId === m2.id)).toMatchObject({ reasons: ['填报单位报告存在风险'], canSupervise: true });

    // 11 April: Q1's report was due within 10 days of 31 March; 西安 has none, 宝鸡 reported.
    world.advanceTo('2026-04-11T09:00:00+08:00');
    const april = await board(world, 'sheng-head', plan.id);
    const xian = april.flags.find((flag) => flag.orgUnit.name === '西安市总工会' && flag.measureId === m2.id);
    expect(xian).toMatchObject({ flag: 'at_risk', reasons: ['2026-Q1 期进展逾期未报送（应于 2026-03-31 后 10 日内报送）'] });
    // On 10 April it was not yet late.
    world.advanceTo('2026-04-10T09:00:00+08:00');
    expect((await board(world, 'sheng-head', plan.id)).flags.some((flag) => flag.orgUnit.name === '西安市总工会' && flag.measureId === m2.id)).toBe(false);

    // The deadline day itself is not overdue; the next day is, at every union that has not finished.
    world.advanceTo('2026-12-31T23:00:00+08:00');
    expect(Object.values(flagsOf(await board(world, 'sheng-head', plan.id), m2.id))).not.toContain('overdue');
    world.advanceTo('2027-01-01T08:00:00+08:00');
    const overdue = await board(world, 'sheng-head', plan.id);
    // Every union that holds the plan, the counties 西安 re-issued it to included.
    expect(flagsOf(overdue, m2.id)).toEqual({ 陕西省总工会: 'overdue', 西安市总工会: 'overdue', 雁塔区总工会: 'overdue', 碑林区总工会: 'overdue', 宝鸡市总工会: 'overdue' });
    // The province's own row cannot be supervised by itself; the unions below it can. Tree order: a city, then its counties.
    expect(overdue.flags.filter((flag) => flag.measureId === m2.id).map((flag) => [flag.orgUnit.name, flag.canSupervise])).toEqual([
      ['陕西省总工会', false], ['西安市总工会', true], ['雁塔区总工会', true], ['碑林区总工会', true], ['宝鸡市总工会', true],
    ]);
    // 西安 sees the same measure at itself and at its counties, and a clerk there may not supervise.
    expect(flagsOf(await board(world, 'xian-clerk', plan.id), m2.id)).toEqual({ 西安市总工会: 'overdue', 雁塔区总工会: 'overdue', 碑林区总工会: 'overdue' });
    expect((await board(world, 'xian-clerk', plan.id)).flags.every((flag) => !flag.canSupervise)).toBe(true);
  });

  it('flags every union of the subtree that holds the plan — a county and its grassroots union too — for the province and the city, not for a sibling city', async () => {
    const world = await buildPlanWorld(database);
    const plan = await cascadedSeed1(world);
    const m2 = measureNo(plan, '2');
    const { units } = world;
    // 雁塔 passes the plan on to its grassroots union: province → 西安 → 雁塔 → 雁塔某公司工会.
    await world.ok(world.post('yanta-clerk', `/api/plans/${plan.id}/issue`, { orgUnitIds: [units.grassroots.id] }));
    await world.ok(world.post('jiceng-clerk', `/api/plans/${plan.id}/acknowledge`));
    // 西安, 碑林 and 宝鸡 report measure 2 done in Q1; 雁塔 and its grassroots union report nothing.
    for (const login of ['xian-clerk', 'beilin-clerk', 'baoji-clerk']) {
      const done = await world.ok<TReportDetail>(world.post(login, '/api/plans/reports', { measureId: m2.id, period: '2026-Q1', progress: 'done', narrative: '已完成' }));
      await world.ok(world.post(login, `/api/plans/reports/${done.id}/submit`, { version: done.version }));
    }
    const levels = (found: TSupervisionBoard) =>
      found.flags.filter((flag) => flag.measureId === m2.id).map((flag) => [flag.orgUnit.name, flag.orgUnit.type, flag.flag, flag.reasons]);

    // 11 April: the Q1 report is late below 西安, whose own subtree reported done (so 西安 itself is not flagged).
    world.advanceTo('2026-04-11T09:00:00+08:00');
    const late = '2026-Q1 期进展逾期未报送（应于 2026-03-31 后 10 日内报送）';
    expect(levels(await board(world, 'sheng-head', plan.id))).toEqual([
      ['雁塔区总工会', 'county', 'at_risk', [late]],
      ['雁塔某公司工会', 'grassroots', 'at_risk', [late]],
    ]);

    // 1 January 2027: measure 2 is past its deadline at 雁塔 and below it. The province and 西安 both see it, tree order, named with their level.
    world.advanceTo('2027-01-01T08:00:00+08:00');
    const overdue = ['已超过完成时限（2026-12-31）仍未完成'];
    const expected = [
      ['雁塔区总工会', 'county', 'overdue', overdue],
      ['雁塔某公司工会', 'grassroots', 'overdue', overdue],
    ];
    const province = await board(world, 'sheng-head', plan.id);
    expect(levels(province)).toEqual(expected);
    expect(levels(await board(world, 'xian-head', plan.id))).toEqual(expected);
    expect(levels(await board(world, 'yanta-clerk', plan.id))).toEqual(expected);
    // 宝鸡, the sibling city, holds the plan too, and sees no union of 西安's subtree.
    const baoji = await board(world, 'baoji-clerk', plan.id);
    expect(baoji.orgUnit.name).toBe('宝鸡市总工会');
    expect(baoji.flags.map((flag) => flag.orgUnit.name).filter((name) => name.startsWith('雁塔') || name.startsWith('碑林') || name === '西安市总工会')).toEqual([]);

    // The province may supervise the grassroots union straight from its flag; the open item shows on both boards above it.
    const flag = province.flags.find((entry) => entry.measureId === m2.id && entry.orgUnit.id === units.grassroots.id)!;
    expect(flag.canSupervise).toBe(true);
    await world.ok(world.post('sheng-head', `/api/plans/${plan.id}/supervision`, { measureId: m2.id, orgUnitId: flag.orgUnit.id, kind: 'reminder', comment: '请尽快完成并报送' }));
    for (const login of ['sheng-head', 'xian-head']) {
      const found = await board(world, login, plan.id);
      expect(found.flags.filter((entry) => entry.measureId === m2.id).map((entry) => [entry.orgUnit.name, entry.openItems])).toEqual([['雁塔区总工会', 0], ['雁塔某公司工会', 1]]);
    }
  });

  it('runs a 督办 letter from 西安 to 雁塔 through reply and close, logged, audited, notified and texted', async () => {
    const world = await buildPlanWorld(database);
    const plan = await cascadedSeed1(world);
    const m2 = measureNo(plan, '2');
    // 雁塔's contact phone, registered as the orgs module does it (sealed).
    const yanta = await world.ok<{ updatedAt: string }>(world.get('xian-clerk', `/api/orgs/${world.units.yanta.id}`));
    await world.ok(world.call('xian-clerk', { method: 'PUT', url: `/api/orgs/${world.units.yanta.id}`, payload: { updatedAt: yanta.updatedAt, contactPhone: MOBILE } }));
    const url = `/api/plans/${plan.id}/supervision`;

    let item = await world.ok<TSupervisionItem>(
      world.post('xian-head', url, { measureId: m2.id, orgUnitId: world.units.yanta.id, kind: 'letter', comment: '请说明三秦工匠推荐进度', replyDueOn: '2026-03-20', alsoSms: true }),
    );
    expect(item).toMatchObject({ status: 'open', kind: 'letter', replyDueOn: '2026-03-20', orgUnit: { name: '雁塔区总工会' }, fromOrgUnit: { name: '西安市总工会' }, canClose: true, canReply: false });
    expect(item.actions.map((action) => [action.action, action.actor, action.actorOrgUnit, action.comment, action.smsQueued])).toEqual([['issue', 'xian-head', '西安市总工会', '请说明三秦工匠推荐进度', true]]);

    // 雁塔's clerk (plans.write) is told in-app; its reviewer (no plans.write) is not. The SMS waits in the outbox, sealed.
    const told = await notifications(world, 'yanta-clerk');
    expect(told.map((entry) => [entry.kind, entry.title, entry.link])).toEqual([['plans.supervision.letter', `西安市总工会督办函：2 ${m2.title}`, `/plans/${plan.id}?tab=supervision`]]);
    expect(await notifications(world, 'yanta-reviewer')).toEqual([]);
    const outbox = await world.db.selectFrom('message_outbox').selectAll().execute();
    expect(outbox.map((row) => [row.channel, row.to_masked, row.template, row.module])).toEqual([['sms', '139****4567', 'plans.supervision', 'plans']]);
    expect(JSON.stringify(outbox)).not.toContain(MOBILE);

    // 雁塔 sees its open item and may reply; 西安's clerk may not close (no plans.supervise).
    const yantaBoard = await board(world, 'yanta-clerk', plan.id);
    expect(yantaBoard.items.map((entry) => [entry.id, entry.canReply, entry.canClose])).toEqual([[item.id, true, false]]);
    expect((await world.post('xian-clerk', `${url}/${item.id}/close`, { version: item.version })).statusCode).toBe(403);
    expect((await world.post('xian-head', `${url}/${item.id}/reply`, { version: item.version, comment: '代答', expectedCompletionOn: '2026-06-30' })).statusCode).toBe(403);

    item = await world.ok<TSupervisionItem>(world.post('yanta-clerk', `${url}/${item.id}/reply`, { version: item.version, comment: '已推荐 3 人，其余 6 月底前完成', expectedCompletionOn: '2026-06-30' }));
    expect(item).toMatchObject({ status: 'replied', expectedCompletionOn: '2026-06-30' });
    expect((await notifications(world, 'xian-head')).map((entry) => entry.kind)).toEqual(['plans.supervision.reply']);
    // A stale version is refused; the right one closes it.
    const stale = await world.post('xian-head', `${url}/${item.id}/close`, { version: item.version - 1, comment: '办结' });
    expect(stale.statusCode).toBe(409);
    item = await world.ok<TSupervisionItem>(world.post('xian-head', `${url}/${item.id}/close`, { version: item.version, comment: '答复属实，予以办结' }));
    expect(item.status).toBe('closed');
    expect(item.actions.map((action) => [action.action, action.actorOrgUnit, action.comment, action.expectedCompletionOn])).toEqual([
      ['issue', '西安市总工会', '请说明三秦工匠推荐进度', null],
      ['reply', '雁塔区总工会', '已推荐 3 人，其余 6 月底前完成', '2026-06-30'],
      ['close', '西安市总工会', '答复属实，予以办结', null],
    ]);
    expect((await world.post('yanta-clerk', `${url}/${item.id}/reply`, { version: item.version, comment: '补充', expectedCompletionOn: '2026-06-30' })).statusCode).toBe(409);
    expect((await notifications(world, 'yanta-clerk')).map((entry) => entry.kind)).toEqual(['plans.supervision.close', 'plans.supervision.letter']);

    for (const action of ['plans.supervision.issue', 'plans.supervision.reply', 'plans.supervision.close']) {
      const events = await world.events(action);
      expect(events).toHaveLength(1);
      expect(events[0]!.target_id).toBe(String(item.id));
    }
    expect(JSON.stringify(await world.events('plans.supervision.issue'))).not.toContain(MOBILE);
    // The province above sees the item and its log.
    expect((await board(world, 'sheng-head', plan.id)).items.map((entry) => [entry.id, entry.status, entry.actions.length])).toEqual([[item.id, 'closed', 3]]);
  });

  it('keeps 督办 within the subtree: not the parent, not a sibling, not oneself; a sibling city sees nothing', async () => {
    const world = await buildPlanWorld(database);
    const plan = await cascadedSeed1(world);
    const m2 = measureNo(plan, '2');
    const url = `/api/plans/${plan.id}/supervision`;
    const body = (orgUnitId: number, extra: object = {}) => ({ measureId: m2.id, orgUnitId, kind: 'reminder', comment: '请加快进度', ...extra });

    const parent = await world.post('xian-head', url, body(world.units.province.id));
    expect([parent.statusCode, parent.json().error.field]).toEqual([404, 'orgUnitId']);
    expect((await world.post('xian-head', url, body(world.units.baoji.id))).statusCode).toBe(404);
    expect((await world.post('xian-head', url, body(world.units.xian.id))).statusCode).toBe(409);
    expect((await world.post('xian-clerk', url, body(world.units.yanta.id))).statusCode).toBe(403);
    // 雁塔 never received a letter without a reply deadline; a unit with no contact phone cannot be texted — and nothing is kept.
    const noDeadline = await world.post('xian-head', url, body(world.units.yanta.id, { kind: 'letter' }));
    expect([noDeadline.statusCode, noDeadline.json().error.field]).toEqual([400, 'replyDueOn']);
    const noPhone = await world.post('xian-head', url, body(world.units.beilin.id, { alsoSms: true }));
    expect([noPhone.statusCode, noPhone.json().error.field]).toEqual([409, 'alsoSms']);
    expect(await world.db.selectFrom('plans_supervision').select('id').execute()).toEqual([]);
    expect(await world.db.selectFrom('notification').select('id').execute()).toEqual([]);

    const item = await world.ok<TSupervisionItem>(world.post('xian-head', url, body(world.units.yanta.id)));
    // 宝鸡, a sibling city, sees neither the item nor may it answer; 碑林, a sibling county, neither.
    expect((await board(world, 'baoji-clerk', plan.id)).items).toEqual([]);
    expect((await board(world, 'beilin-clerk', plan.id)).items).toEqual([]);
    expect((await world.post('baoji-clerk', `${url}/${item.id}/reply`, { version: item.version, comment: '无关', expectedCompletionOn: '2026-06-30' })).statusCode).toBe(404);
    expect((await world.post('beilin-clerk', `${url}/${item.id}/reply`, { version: item.version, comment: '无关', expectedCompletionOn: '2026-06-30' })).statusCode).toBe(404);
    // Row-level security alone hides it from 宝鸡 too (asked without the query's own condition).
    const seen = await database().kysely.transaction().execute(async (tx) => {
      const { enterCallerScope } = await import('../../../core/access/row-security');
      await enterCallerScope(tx, world.units.baoji.path);
      return tx.selectFrom('plans_supervision').select('id').execute();
    });
    expect(seen).toEqual([]);
  });

  it('sends automatic reminders N working days before the deadline and after it, once each, across restarts and concurrent runs', async () => {
    const world = await buildPlanWorld(database);
    const plan = await cascadedSeed1(world);
    const m2 = measureNo(plan, '2');
    const at = (instant: string) => new Date(instant);
    const reminders = () => world.db.selectFrom('notification').select(['account_id', 'kind']).where('kind', 'like', 'plans.reminder.%').orderBy('id').execute();
    const clerk = async (login: string) => (await world.db.selectFrom('account').select('id').where('login', '=', login).executeTakeFirstOrThrow()).id;
    const [xianClerk, baojiClerk] = [await clerk('xian-clerk'), await clerk('baoji-clerk')];

    // 2026-12-31 is a Thursday; 3 working days before it is Monday 28 December. Friday 25th is too early.
    expect(await sendAutomaticReminders(world.db, at('2026-12-25T09:00:00+08:00'))).toBe(0);
    expect(await sendAutomaticReminders(world.db, at('2026-12-28T09:00:00+08:00'))).toBe(2);
    expect(await reminders()).toEqual([
      { account_id: xianClerk, kind: 'plans.reminder.due_soon' },
      { account_id: baojiClerk, kind: 'plans.reminder.due_soon' },
    ]);
    // A restart: a fresh app runs the job at start (and its close waits for that run); nothing new.
    const restarted = await buildTestApp(database(), MODULES, { now: () => at('2026-12-29T09:00:00+08:00'), env: { DATA_DIR: world.dataDir } });
    await restarted.close();
    expect(await reminders()).toHaveLength(2);

    // 宝鸡 reports the measure done: it is not chased when the deadline passes; 西安 is, once, even with two runs at once.
    const done = await world.ok<TReportDetail>(world.post('baoji-clerk', '/api/plans/reports', { measureId: m2.id, period: '2026-Q4', progress: 'done', narrative: '已完成' }));
    await world.ok(world.post('baoji-clerk', `/api/plans/reports/${done.id}/submit`, { version: done.version }));
    const runs = await Promise.all([sendAutomaticReminders(world.db, at('2027-01-01T00:30:00+08:00')), sendAutomaticReminders(world.db, at('2027-01-01T00:30:00+08:00'))]);
    expect(runs[0] + runs[1]).toBe(1);
    expect(await sendAutomaticReminders(world.db, at('2027-01-04T09:00:00+08:00'))).toBe(0);
    expect((await reminders()).slice(2)).toEqual([{ account_id: xianClerk, kind: 'plans.reminder.overdue' }]);

    // A new deadline is a new period: moved to 2027-03-31, 西安 and 宝鸡's report still says done → only 西安 again, when due.
    const detail = await world.ok<{ sections: unknown }>(world.get('sheng-clerk', `/api/plans/${plan.id}`));
    const current = measureNo(detail as never, '2');
    await world.ok(world.put('sheng-clerk', `/api/plans/measures/${m2.id}/assignment`, { version: current.version, leadDepartment: '经济技术部', coOwners: [], responsibleOrgUnitIds: [world.units.xian.id, world.units.baoji.id], deadline: '2027-03-31', cadence: 'quarterly' }));
    expect(await sendAutomaticReminders(world.db, at('2027-03-29T09:00:00+08:00'))).toBe(1);
    const rows = await world.db.selectFrom('plans_auto_reminder').select(['org_unit_id', 'kind', 'deadline', 'recipients']).orderBy('sent_at').orderBy('org_unit_id').execute();
    expect(rows).toEqual([
      { org_unit_id: world.units.xian.id, kind: 'due_soon', deadline: '2026-12-31', recipients: 1 },
      { org_unit_id: world.units.baoji.id, kind: 'due_soon', deadline: '2026-12-31', recipients: 1 },
      { org_unit_id: world.units.xian.id, kind: 'overdue', deadline: '2026-12-31', recipients: 1 },
      { org_unit_id: world.units.xian.id, kind: 'due_soon', deadline: '2027-03-31', recipients: 1 },
    ]);
  });
});
