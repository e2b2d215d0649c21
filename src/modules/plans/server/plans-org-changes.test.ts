import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { enterCallerScope } from '../../../core/access/row-security';
import type { DB } from '../../../core/db/schema';
import { describeEachEngine, useFreshDatabase } from '../../../core/db/testing';
import { subtreeRange } from '../../../core/org/tree';
import { createStaff } from '../../../core/testing/factories';
import type { TAssessmentScheme, TRoundSheet } from '../assessment-contract';
import type { TPlanDetail, TReportDetail } from '../contract';
import type { TSupervisionBoard, TSupervisionItem } from '../supervision-contract';
import { PATH_COLUMNS } from './org-changes/follow-move';
import { sendAutomaticReminders } from './supervision/send-automatic-reminders';
import { adjustScore, createManualScheme, createRound, enterScore, publishRound, rankingOf, sheetOf, standings } from './testing/assessment-steps';
import { buildPlanWorld, cascadedSeed1, measureNo, type PlanWorld } from './testing/plan-world';

/**
 * The plan follows the org tree (plans org listener): a union moved to
 * another parent keeps what it received, with every copied path rewritten so
 * row-level security still finds its rows; a dissolved union's reports go to
 * the union that takes its work over, and so do its open 督办 items and its
 * place in open assessment rounds, while closed items and published rounds
 * stay as they were (the decisions: unitHandedOver in org-listener.ts).
 */
describeEachEngine('plans: org tree changes', (engine) => {
  const database = useFreshDatabase(engine);
  const LABEL = '工作部署（发文、收文、分解、进展报告、督办与考核）';
  const REMIND_AT = new Date('2026-12-28T09:00:00+08:00');

  const board = (world: PlanWorld, login: string, planId: number) => world.ok<TSupervisionBoard>(world.get(login, `/api/plans/${planId}/supervision`));
  /** What the union at `path` reads of a table under row-level security alone (no query condition of the module's own). */
  const asUnionAt = <T>(path: string, read: (tx: Parameters<typeof enterCallerScope>[0]) => Promise<T>) =>
    database().kysely.transaction().execute(async (tx) => {
      await enterCallerScope(tx, path);
      return read(tx);
    });
  /** Per copied path column, how many rows lie in the subtree of `path` (read as the owner: every row). */
  const rowsUnder = async (world: PlanWorld, path: string) => {
    const { from, to } = subtreeRange(path);
    const counts: Record<string, number> = {};
    for (const [table, column] of PATH_COLUMNS) {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where ${sql.ref(column)} >= ${from} and ${sql.ref(column)} < ${to}`.execute(world.db);
      if (rows[0]!.n > 0) counts[`${table}.${column}`] = rows[0]!.n;
    }
    return counts;
  };
  /** Measure 2 of the cascaded plan is also the grassroots union's to carry out (it must have received the plan). */
  const makeGrassrootsResponsible = async (world: PlanWorld, plan: TPlanDetail) => {
    const m2 = measureNo(plan, '2');
    const { units } = world;
    await world.ok(
      world.put('sheng-clerk', `/api/plans/measures/${m2.id}/assignment`, {
        version: m2.version,
        leadDepartment: '经济技术部',
        coOwners: [],
        responsibleOrgUnitIds: [units.xian.id, units.baoji.id, units.grassroots.id],
        deadline: '2026-12-31',
        cadence: 'quarterly',
      }),
    );
  };
  const supervise = (world: PlanWorld, login: string, planId: number, body: object) => world.ok<TSupervisionItem>(world.post(login, `/api/plans/${planId}/supervision`, body));

  it('moves a grassroots union with its receipt and report, then hands them over when it is dissolved', async () => {
    const world = await buildPlanWorld(database);
    const { units } = world;
    const plan = await cascadedSeed1(world);
    await world.ok(world.post('yanta-clerk', `/api/plans/${plan.id}/issue`, { orgUnitIds: [units.grassroots.id] }));
    await world.ok(world.post('jiceng-clerk', `/api/plans/${plan.id}/acknowledge`));
    const report = await world.ok<TReportDetail>(world.post('jiceng-clerk', '/api/plans/reports', { measureId: measureNo(plan, '2').id, period: '2026-Q1', progress: 'on_track', narrative: '已推荐 1 人' }));

    // 西安 moves the grassroots union from 雁塔 to 碑林.
    const moved = await world.post('xian-clerk', `/api/orgs/${units.grassroots.id}/move`, { parentId: units.beilin.id });
    expect(moved.statusCode, moved.body).toBe(200);
    const newPath = `${units.beilin.path}${units.grassroots.id}.`;
    expect(await world.db.selectFrom('plans_report').select('org_path').where('id', '=', report.id).executeTakeFirstOrThrow()).toEqual({ org_path: newPath });
    expect(await world.db.selectFrom('plans_issue').select('to_path').where('to_org_unit_id', '=', units.grassroots.id).executeTakeFirstOrThrow()).toEqual({ to_path: newPath });
    // Its own staff still see the plan and the report; 碑林 now sees the report, 雁塔 no longer does.
    expect((await world.get('jiceng-clerk', `/api/plans/${plan.id}`)).statusCode).toBe(200);
    expect((await world.get('jiceng-clerk', `/api/plans/reports/${report.id}`)).statusCode).toBe(200);
    expect((await world.get('beilin-clerk', `/api/plans/reports/${report.id}`)).statusCode).toBe(200);
    expect((await world.get('yanta-clerk', `/api/plans/reports/${report.id}`)).statusCode).toBe(404);

    // Dissolved: 碑林 (its parent now) takes the report over; 碑林 already holds the plan, so the receipt goes.
    const dissolved = await world.post('xian-clerk', `/api/orgs/${units.grassroots.id}/dissolve`, {});
    expect(dissolved.statusCode, dissolved.body).toBe(200);
    expect(dissolved.json().handedOver).toContainEqual({ label: LABEL, count: 1 });
    expect(await world.db.selectFrom('plans_report').select(['org_unit_id', 'org_path']).where('id', '=', report.id).executeTakeFirstOrThrow()).toEqual({ org_unit_id: units.beilin.id, org_path: units.beilin.path });
    expect(await world.db.selectFrom('plans_issue').select('id').where('to_org_unit_id', '=', units.grassroots.id).execute()).toEqual([]);
    expect((await world.ok<{ items: { id: number }[] }>(world.get('beilin-clerk', `/api/plans/${plan.id}/reports`))).items.map((item) => item.id)).toContain(report.id);
  });

  it('moves a union chased, reminded, allocated and assessed from the province: every copied path follows, and the union still sees its rows', async () => {
    const world = await buildPlanWorld(database);
    const { units } = world;
    const plan = await cascadedSeed1(world);
    const m2 = measureNo(plan, '2');
    // The province issues the plan straight to the grassroots union, makes it responsible for measure 2 and allocates it one 三秦工匠.
    await world.ok(world.post('sheng-clerk', `/api/plans/${plan.id}/issue`, { orgUnitIds: [units.grassroots.id] }));
    await world.ok(world.post('jiceng-clerk', `/api/plans/${plan.id}/acknowledge`));
    await makeGrassrootsResponsible(world, plan);
    const craftsmen = m2.indicators[0]!;
    await world.ok(world.put('sheng-clerk', `/api/plans/indicators/${craftsmen.id}/allocations`, { allocations: [{ orgUnitId: units.xian.id, value: 25 }, { orgUnitId: units.baoji.id, value: 10 }, { orgUnitId: units.grassroots.id, value: 1 }] }));
    // A 督办函 from the province, answered; the automatic reminder before the deadline.
    const letter = await supervise(world, 'sheng-head', plan.id, { measureId: m2.id, orgUnitId: units.grassroots.id, kind: 'letter', comment: '请说明推荐进度', replyDueOn: '2026-03-20' });
    await world.ok(world.post('jiceng-clerk', `/api/plans/${plan.id}/supervision/${letter.id}/reply`, { version: letter.version, comment: '已推荐 1 人', expectedCompletionOn: '2026-06-30' }));
    expect(await sendAutomaticReminders(world.db, REMIND_AT)).toBe(3);
    // The province assesses the grassroots union and 碑林: a published round (8 − 0.5) and an open one (7 + 0.5).
    const scheme = await createManualScheme(world, 'sheng-clerk', [units.grassroots.id, units.beilin.id]);
    const first = await createRound(world, 'sheng-head', scheme.id, '2026年上半年');
    await enterScore(world, 'sheng-head', first, units.grassroots.id, 8);
    await enterScore(world, 'sheng-head', first, units.beilin.id, 6);
    await adjustScore(world, 'sheng-head', first, units.grassroots.id, -0.5, '佐证材料不全');
    await publishRound(world, 'sheng-head', first);
    const second = await createRound(world, 'sheng-head', scheme.id, '2026年下半年');
    await enterScore(world, 'sheng-head', second, units.grassroots.id, 7);
    await adjustScore(world, 'sheng-head', second, units.grassroots.id, 0.5, '创新做法加分');
    const published = await rankingOf(world, 'sheng-head', first);

    const oldPath = units.grassroots.path;
    const before = await rowsUnder(world, oldPath);
    // Everything named in the brief has a copy of the union's path to follow.
    expect(Object.keys(before)).toEqual(
      expect.arrayContaining([
        'plans_issue.to_path', 'plans_allocation.to_path', 'plans_supervision.org_path', 'plans_supervision_action.org_path', 'plans_auto_reminder.org_path',
        'plans_assessment_unit.org_path', 'plans_assessment_entry.org_path', 'plans_assessment_adjustment.org_path', 'plans_assessment_result.org_path',
      ]),
    );

    // 西安 moves it from 雁塔 to 碑林: the province, which issued, supervised and assessed, lies above 西安's scope.
    const moved = await world.post('xian-clerk', `/api/orgs/${units.grassroots.id}/move`, { parentId: units.beilin.id });
    expect(moved.statusCode, moved.body).toBe(200);
    const newPath = `${units.beilin.path}${units.grassroots.id}.`;
    expect(await rowsUnder(world, oldPath)).toEqual({});
    expect(await rowsUnder(world, newPath)).toEqual(before);

    // The union's own staff still see the item and its log, may still answer; 碑林 above it sees it too.
    const own = await board(world, 'jiceng-clerk', plan.id);
    expect(own.items.map((item) => [item.id, item.status, item.canReply, item.actions.map((action) => action.action)])).toEqual([[letter.id, 'replied', true, ['issue', 'reply']]]);
    expect((await board(world, 'beilin-clerk', plan.id)).items.map((item) => item.id)).toEqual([letter.id]);
    // Its reminder and its allocation, as row-level security shows them to the union at its new place.
    expect(await asUnionAt(newPath, (tx) => tx.selectFrom('plans_auto_reminder').select(['org_unit_id', 'kind']).execute())).toEqual([{ org_unit_id: units.grassroots.id, kind: 'due_soon' }]);
    expect(await asUnionAt(newPath, (tx) => tx.selectFrom('plans_allocation').select(['to_org_unit_id', 'value']).execute())).toEqual([{ to_org_unit_id: units.grassroots.id, value: '1' }]);
    // Its score sheets: the open round live (7 + 0.5), the published one from the snapshot (8 − 0.5, first).
    const sheet = await sheetOf(world, 'jiceng-clerk', second, units.grassroots.id);
    expect(sheet.statusCode, sheet.body).toBe(200);
    expect((sheet.json() as TRoundSheet).sheet.total).toBe(7.5);
    expect(await standings(world, 'jiceng-clerk', first)).toEqual([['雁塔某公司工会', 7.5, 1]]);
    // The province's view of the published round has not changed.
    expect(await rankingOf(world, 'sheng-head', first)).toEqual(published);
  });

  it('dissolves a union into its parent: open 督办 and the assessed place go to the parent, closed items and the published round stay as they were', async () => {
    const world = await buildPlanWorld(database);
    const { units } = world;
    await createStaff(world.db, { login: 'yanta-head', org: units.yanta, roles: ['head'] });
    const plan = await cascadedSeed1(world);
    const m2 = measureNo(plan, '2');
    await world.ok(world.post('yanta-clerk', `/api/plans/${plan.id}/issue`, { orgUnitIds: [units.grassroots.id] }));
    await world.ok(world.post('jiceng-clerk', `/api/plans/${plan.id}/acknowledge`));
    await makeGrassrootsResponsible(world, plan);
    expect(await sendAutomaticReminders(world.db, REMIND_AT)).toBe(3);
    // 督办 of the grassroots union: an open letter and a closed reminder from 西安, an open reminder from 雁塔 (its parent, the heir).
    const open = await supervise(world, 'xian-head', plan.id, { measureId: m2.id, orgUnitId: units.grassroots.id, kind: 'letter', comment: '请说明推荐进度', replyDueOn: '2026-03-20' });
    const done = await supervise(world, 'xian-head', plan.id, { measureId: m2.id, orgUnitId: units.grassroots.id, kind: 'reminder', comment: '请按季度报送' });
    await world.ok(world.post('xian-head', `/api/plans/${plan.id}/supervision/${done.id}/close`, { version: done.version, comment: '已报送，办结' }));
    const fromParent = await supervise(world, 'yanta-head', plan.id, { measureId: m2.id, orgUnitId: units.grassroots.id, kind: 'reminder', comment: '请抓紧' });
    // 西安 assesses the grassroots union and 碑林: published 8 − 0.5 against 6; open 9 + 0.5 against 5.
    const scheme = await createManualScheme(world, 'xian-clerk', [units.grassroots.id, units.beilin.id]);
    const first = await createRound(world, 'xian-head', scheme.id, '2026年上半年');
    await enterScore(world, 'xian-head', first, units.grassroots.id, 8);
    await enterScore(world, 'xian-head', first, units.beilin.id, 6);
    await adjustScore(world, 'xian-head', first, units.grassroots.id, -0.5, '佐证材料不全');
    const published = await publishRound(world, 'xian-head', first);
    expect(published.rows.map((row) => [row.orgUnit.name, row.total, row.rank])).toEqual([['雁塔某公司工会', 7.5, 1], ['碑林区总工会', 6, 2]]);
    const second = await createRound(world, 'xian-head', scheme.id, '2026年下半年');
    await enterScore(world, 'xian-head', second, units.grassroots.id, 9);
    await enterScore(world, 'xian-head', second, units.beilin.id, 5);
    await adjustScore(world, 'xian-head', second, units.grassroots.id, 0.5, '创新做法加分');

    const dissolved = await world.post('xian-clerk', `/api/orgs/${units.grassroots.id}/dissolve`, {});
    expect(dissolved.statusCode, dissolved.body).toBe(200);
    // The open letter and the assessed place (雁塔's own receipt stands, so the grassroots union's is dropped).
    expect(dissolved.json().handedOver).toContainEqual({ label: LABEL, count: 2 });

    // 督办: the letter is 雁塔's to answer; 雁塔's own reminder would chase itself, so it is closed, saying why; the closed one stays the grassroots union's.
    const items = (await board(world, 'yanta-clerk', plan.id)).items;
    const byId = (id: number) => items.find((item) => item.id === id)!;
    expect([byId(open.id).orgUnit.name, byId(open.id).status, byId(open.id).canReply, byId(open.id).version]).toEqual(['雁塔区总工会', 'open', true, open.version + 1]);
    expect([byId(done.id).orgUnit.name, byId(done.id).status, byId(done.id).actions.map((action) => action.action)]).toEqual(['雁塔某公司工会', 'closed', ['issue', 'close']]);
    expect([byId(fromParent.id).orgUnit.name, byId(fromParent.id).status, byId(fromParent.id).actions.at(-1)]).toEqual([
      '雁塔某公司工会',
      'closed',
      expect.objectContaining({ action: 'close', actor: 'xian-clerk', actorOrgUnit: '雁塔区总工会', comment: '「雁塔某公司工会」已撤销，工作由「雁塔区总工会」承接；督办只由上级单位对下级单位进行，本督办事项随之办结。' }),
    ]);
    await world.ok(world.post('yanta-clerk', `/api/plans/${plan.id}/supervision/${open.id}/reply`, { version: open.version + 1, comment: '由区总工会承接，6 月底前完成', expectedCompletionOn: '2026-06-30' }));
    expect(await world.db.selectFrom('plans_supervision_action').select('org_path').where('supervision_id', '=', open.id).execute()).toEqual([{ org_path: units.yanta.path }, { org_path: units.yanta.path }]);
    // 雁塔 is now responsible for the province's measure 2 in the grassroots union's place (the measure is the province's).
    expect((await world.db.selectFrom('plans_measure_unit').select('org_unit_id').where('measure_id', '=', m2.id).execute()).map((row) => row.org_unit_id).sort((a, b) => a - b)).toEqual(
      [units.xian.id, units.baoji.id, units.yanta.id].sort((a, b) => a - b),
    );
    // The reminder keeps the union that was reminded, on the heir's path.
    expect(await world.db.selectFrom('plans_auto_reminder').select(['org_unit_id', 'org_path']).where('org_unit_id', '=', units.grassroots.id).execute()).toEqual([{ org_unit_id: units.grassroots.id, org_path: units.yanta.path }]);

    // 考核: 雁塔 takes the place, with the open round's score and a re-logged adjustment (9 + 0.5); the published round is unchanged.
    const now = await world.ok<TAssessmentScheme>(world.get('xian-clerk', `/api/plans/assessments/${scheme.id}`));
    expect([now.units.map((unit) => unit.name), now.version]).toEqual([['雁塔区总工会', '碑林区总工会'], scheme.version + 1]);
    expect(await standings(world, 'xian-head', second)).toEqual([['雁塔区总工会', 9.5, 1], ['碑林区总工会', 5, 2]]);
    const heirSheet = (await sheetOf(world, 'xian-head', second, units.yanta.id)).json() as TRoundSheet;
    expect(heirSheet.sheet.dimensions[0]!.items[0]!.adjustments).toEqual([
      { delta: 0.5, reason: '「雁塔某公司工会」已撤销，工作由「雁塔区总工会」承接，沿用原调整：创新做法加分', by: 'xian-clerk', at: expect.any(String) },
    ]);
    expect(await rankingOf(world, 'xian-head', first)).toEqual(published);
    expect((await sheetOf(world, 'xian-head', first, units.grassroots.id)).statusCode).toBe(200);
    // 雁塔 sees the published result of the union it took over; the gone union's own log stays where it was.
    expect(await standings(world, 'yanta-clerk', first)).toEqual([['雁塔某公司工会', 7.5, 1]]);
    expect(await world.db.selectFrom('plans_assessment_adjustment').select(['round_id', 'delta']).where('org_unit_id', '=', units.grassroots.id).orderBy('id').execute()).toEqual([
      { round_id: first, delta: '-0.50' },
      { round_id: second, delta: '0.50' },
    ]);
    expect(await world.db.selectFrom('plans_assessment_unit').select('org_unit_id').where('org_unit_id', '=', units.grassroots.id).execute()).toEqual([]);
  });

  it('dissolves a union into one already assessed in the same open round: ranked once on its own scores, the gone union\'s kept as history', async () => {
    const world = await buildPlanWorld(database);
    const { units } = world;
    const plan = await cascadedSeed1(world);
    const m2 = measureNo(plan, '2');
    await world.ok(world.post('yanta-clerk', `/api/plans/${plan.id}/issue`, { orgUnitIds: [units.grassroots.id] }));
    await world.ok(world.post('jiceng-clerk', `/api/plans/${plan.id}/acknowledge`));
    const open = await supervise(world, 'xian-head', plan.id, { measureId: m2.id, orgUnitId: units.grassroots.id, kind: 'reminder', comment: '请抓紧' });
    const done = await supervise(world, 'xian-head', plan.id, { measureId: m2.id, orgUnitId: units.grassroots.id, kind: 'reminder', comment: '请按季度报送' });
    await world.ok(world.post('xian-head', `/api/plans/${plan.id}/supervision/${done.id}/close`, { version: done.version, comment: '已报送，办结' }));
    const scheme = await createManualScheme(world, 'xian-clerk', [units.grassroots.id, units.beilin.id]);
    const round = await createRound(world, 'xian-head', scheme.id, '2026年度');
    await enterScore(world, 'xian-head', round, units.grassroots.id, 9);
    await enterScore(world, 'xian-head', round, units.beilin.id, 5);
    await adjustScore(world, 'xian-head', round, units.grassroots.id, 0.5, '创新做法加分');
    expect(await standings(world, 'xian-head', round)).toEqual([['雁塔某公司工会', 9.5, 1], ['碑林区总工会', 5, 2]]);

    // 碑林, a sibling, takes the grassroots union's work over.
    const dissolved = await world.post('xian-clerk', `/api/orgs/${units.grassroots.id}/dissolve`, { receivingUnitId: units.beilin.id });
    expect(dissolved.statusCode, dissolved.body).toBe(200);
    expect(dissolved.json().handedOver).toContainEqual({ label: LABEL, count: 1 });

    // 碑林 is ranked once, on its own score; the gone union's entry and adjustment stay, unranked.
    expect(await standings(world, 'xian-head', round)).toEqual([['碑林区总工会', 5, 1]]);
    expect(await world.db.selectFrom('plans_assessment_unit').select('org_unit_id').where('scheme_id', '=', scheme.id).execute()).toEqual([{ org_unit_id: units.beilin.id }]);
    expect(await world.db.selectFrom('plans_assessment_entry').select(['org_unit_id', 'value']).where('round_id', '=', round).orderBy('org_unit_id').execute()).toEqual([
      { org_unit_id: units.beilin.id, value: '5.00' },
      { org_unit_id: units.grassroots.id, value: '9.00' },
    ]);
    expect(await world.db.selectFrom('plans_assessment_adjustment').select(['org_unit_id', 'delta']).where('round_id', '=', round).execute()).toEqual([{ org_unit_id: units.grassroots.id, delta: '0.50' }]);
    // 督办: the open item is now 碑林's to answer; the closed one stays the grassroots union's, and 碑林 — not its parent — sees it.
    const items = (await board(world, 'beilin-clerk', plan.id)).items;
    expect(items.map((item) => [item.id, item.orgUnit.name, item.status, item.canReply])).toEqual([
      [done.id, '雁塔某公司工会', 'closed', false],
      [open.id, '碑林区总工会', 'open', true],
    ]);
  });

  it('merges a union that issued an assessment: the receiving union becomes the issuer, published results included', async () => {
    const world = await buildPlanWorld(database);
    const { units } = world;
    // 雁塔 assesses its grassroots union: one round published (8), one open (6).
    const scheme = await createManualScheme(world, 'yanta-clerk', [units.grassroots.id], '雁塔区基层工会考核');
    const first = await createRound(world, 'yanta-reviewer', scheme.id, '2026年上半年');
    await enterScore(world, 'yanta-reviewer', first, units.grassroots.id, 8);
    await adjustScore(world, 'yanta-reviewer', first, units.grassroots.id, -1, '报送不及时');
    const published = await publishRound(world, 'yanta-reviewer', first);
    const second = await createRound(world, 'yanta-reviewer', scheme.id, '2026年下半年');
    await enterScore(world, 'yanta-reviewer', second, units.grassroots.id, 6);
    await adjustScore(world, 'yanta-reviewer', second, units.grassroots.id, 1, '创新做法加分');
    expect((await world.get('beilin-clerk', `/api/plans/assessments/${scheme.id}`)).statusCode).toBe(404);

    // 雁塔 merges into 碑林: its grassroots union moves under 碑林, its scheme becomes 碑林's.
    const merged = await world.post('xian-clerk', `/api/orgs/${units.yanta.id}/merge`, { intoId: units.beilin.id });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json().handedOver).toContainEqual({ label: LABEL, count: 1 });
    const now = await world.ok<TAssessmentScheme>(world.get('beilin-clerk', `/api/plans/assessments/${scheme.id}`));
    expect([now.orgUnit.name, now.units.map((unit) => unit.name), now.can.edit]).toEqual(['碑林区总工会', ['雁塔某公司工会'], true]);
    expect(await rankingOf(world, 'beilin-clerk', first)).toEqual(published);
    expect(await standings(world, 'beilin-clerk', second)).toEqual([['雁塔某公司工会', 7, 1]]);
    // No copy of the issuer's path is left at 雁塔.
    const { from, to } = subtreeRange(units.yanta.path);
    for (const table of ['plans_assessment_unit', 'plans_assessment_round', 'plans_assessment_entry', 'plans_assessment_adjustment', 'plans_assessment_result'] as const satisfies readonly (keyof DB)[]) {
      expect(await world.db.selectFrom(table).select('issuer_path').where('issuer_path', '>=', from).where('issuer_path', '<', to).execute(), table).toEqual([]);
    }
  });
});
