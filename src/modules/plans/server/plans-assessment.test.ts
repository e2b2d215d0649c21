import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { makeIdNumber } from '../../../core/cn/id-number';
import { describeEachEngine, useFreshDatabase } from '../../../core/db/testing';
import type { TAssessmentScheme, TRanking, TRoundSheet, TSaveSchemeRequest, TSchemeList } from '../assessment-contract';
import type { TPlanDetail, TReportDetail } from '../contract';
import { buildPlanWorld, cascadedSeed1, measureNo, type PlanWorld } from './testing/plan-world';

/**
 * Assessment (考核) end to end through the API: the province assesses 西安 and
 * 宝鸡 on seed 1 — 三秦工匠 (reported figures), new members (a live metric),
 * a manual score, a bonus and a deduction — adjusts with reasons, ranks
 * (ties share), publishes (a snapshot) and exports; 西安 assesses its own
 * counties, and sees nothing of 宝鸡's. Every number is worked out in the comments.
 */
describeEachEngine('plans: assessment (考核)', (engine) => {
  const database = useFreshDatabase(engine);

  async function report(world: PlanWorld, login: string, reviewer: string, body: object) {
    let detail = await world.ok<TReportDetail>(world.post(login, '/api/plans/reports', body));
    detail = await world.ok<TReportDetail>(world.post(login, `/api/plans/reports/${detail.id}/submit`, { version: detail.version }));
    return world.ok<TReportDetail>(world.post(reviewer, `/api/plans/reports/${detail.id}/accept`, { version: detail.version }));
  }

  let joined = 0;
  async function memberJoins(world: PlanWorld) {
    joined += 1;
    const applied = await world.ok<{ membershipId: number }>(
      world.post('yanta-clerk', '/api/members/applications', { orgUnitId: world.units.grassroots.id, profile: { idNumber: makeIdNumber('610113', '1990-01-0' + String(joined), 17 + joined), name: `会员${'甲乙丙丁'[joined % 4]}` } }),
    );
    await world.ok(world.post('yanta-reviewer', `/api/members/${applied.membershipId}/approve`, {}));
  }

  /** Seed 1 cascaded; 三秦工匠 40 allocated 西安 25, 宝鸡 10 (accepted: 西安 5, 宝鸡 10); new members (≥ 3 in 2026, live) 西安 2, 宝鸡 1. */
  async function scenario(world: PlanWorld) {
    const { units } = world;
    const plan = await cascadedSeed1(world, async (draft) =>
      world.ok<TPlanDetail>(world.post('sheng-clerk', `/api/plans/measures/${measureNo(draft, '8').id}/indicators`, { version: draft.version, value: 3, comparator: 'gte', unit: '人', subject: '新入会会员', period: '2026' })),
    );
    const craftsmen = measureNo(plan, '2').indicators[0]!;
    const joining = measureNo(plan, '8').indicators[0]!;
    await world.ok(world.post('sheng-clerk', `/api/plans/indicators/${joining.id}/binding`, { metricId: 'members.joined', params: { year: 2026 } }));
    await world.ok(world.put('sheng-clerk', `/api/plans/indicators/${craftsmen.id}/allocations`, { allocations: [{ orgUnitId: units.xian.id, value: 25 }, { orgUnitId: units.baoji.id, value: 10 }] }));
    await world.ok(world.put('sheng-clerk', `/api/plans/indicators/${joining.id}/allocations`, { allocations: [{ orgUnitId: units.xian.id, value: 2 }, { orgUnitId: units.baoji.id, value: 1 }] }));
    const m2 = measureNo(plan, '2').id;
    await report(world, 'xian-clerk', 'sheng-head', { measureId: m2, period: '2026-Q1', progress: 'on_track', figures: [{ indicatorId: craftsmen.id, value: 5 }] });
    await report(world, 'baoji-clerk', 'sheng-head', { measureId: m2, period: '2026-Q1', progress: 'on_track', figures: [{ indicatorId: craftsmen.id, value: 10 }] });
    const scheme: TSaveSchemeRequest = {
      planId: plan.id,
      year: 2026,
      title: '2026年度产改工作考核',
      fullScore: 100,
      orgUnitIds: [units.xian.id, units.baoji.id],
      tree: [
        {
          key: 'd1',
          title: '工匠选树',
          weight: 50,
          items: [
            {
              key: 'i1',
              title: '三秦工匠与入会',
              weight: 50,
              rules: [
                { key: 'r1', title: '三秦工匠推荐完成率', kind: 'indicator', weight: 30, indicatorId: craftsmen.id, cap: 1 },
                { key: 'r2', title: '新会员发展', kind: 'bands', weight: 20, basis: 'completion', indicatorId: joining.id, bands: [{ atLeast: 100, points: 20 }, { atLeast: 50, points: 10 }] },
              ],
            },
          ],
        },
        {
          key: 'd2',
          title: '工作机制',
          weight: 50,
          items: [
            {
              key: 'i2',
              title: '考核督查机制',
              weight: 50,
              rules: [
                { key: 'r3', title: '机制建设情况', kind: 'manual', weight: 50 },
                { key: 'r4', title: '创新成果加分', kind: 'bonus', weight: 5, pointsEach: 1 },
                { key: 'r5', title: '安全事故扣分', kind: 'deduction', weight: 4, pointsEach: 2 },
              ],
            },
          ],
        },
      ],
    };
    return { plan, craftsmen, joining, scheme };
  }

  const ranking = (world: PlanWorld, login: string, roundId: number) => world.ok<TRanking>(world.get(login, `/api/plans/assessments/rounds/${roundId}/ranking`));
  const sheetOf = (world: PlanWorld, login: string, roundId: number, orgUnitId: number) => world.ok<TRoundSheet>(world.get(login, `/api/plans/assessments/rounds/${roundId}/sheet?orgUnitId=${orgUnitId}`));
  const ruleScore = (sheet: TRoundSheet, key: string) => sheet.sheet.dimensions.flatMap((d) => d.items).flatMap((i) => i.rules).find((r) => r.key === key)!;

  it('validates weights through the API, naming the node', async () => {
    const world = await buildPlanWorld(database);
    const { scheme } = await scenario(world);
    const broken = structuredClone(scheme);
    broken.tree[1]!.items[0]!.rules[0]!.weight = 45;
    const refused = await world.post('sheng-clerk', '/api/plans/assessments', broken);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ field: 'tree.1.items.0.weight', message: '考核项目「考核督查机制」下各评分规则分值合计 45 分（加分、扣分项不计），与该项目分值 50 分不符' });
    // Only a reviewer-less clerk builds schemes (plans.write); the head cannot.
    expect((await world.post('sheng-head', '/api/plans/assessments', scheme)).statusCode).toBe(403);
    // A stand-alone scheme may not measure indicators.
    const standalone = await world.post('sheng-clerk', '/api/plans/assessments', { ...scheme, planId: null });
    expect(standalone.json().error).toMatchObject({ field: 'tree.0.items.0.rules.0.indicatorId', message: '评分规则「三秦工匠推荐完成率」按指标计分，须先关联工作部署' });
  });

  it('scores from the roll-up, entries and adjustments; ranks ties; publishes a snapshot the live data no longer moves; exports', async () => {
    const world = await buildPlanWorld(database);
    const { units } = world;
    const { scheme: request } = await scenario(world);
    const scheme = await world.ok<TAssessmentScheme>(world.post('sheng-clerk', '/api/plans/assessments', request));
    expect(scheme.units.map((unit) => unit.name)).toEqual(['西安市总工会', '宝鸡市总工会']);
    expect((await world.post('sheng-clerk', `/api/plans/assessments/${scheme.id}/rounds`, { title: '2026年度' })).statusCode).toBe(403);
    const withRound = await world.ok<TAssessmentScheme>(world.post('sheng-head', `/api/plans/assessments/${scheme.id}/rounds`, { title: '2026年度' }));
    const round = withRound.rounds[0]!.id;

    // 西安: 三秦工匠 30 × 5/25 = 6; members 0 of 2 = 0 % → below the 50 % band → 0. 宝鸡: 30 × 10/10 = 30.
    let xian = await sheetOf(world, 'sheng-head', round, units.xian.id);
    expect(ruleScore(xian, 'r1')).toMatchObject({ score: 6, basis: '完成 5 / 目标 25（完成率 20.00%，超出部分不计）' });
    expect(ruleScore(xian, 'r2')).toMatchObject({ score: 0, basis: '完成率 0.00%，未达到最低档（≥ 50）' });
    expect(ruleScore(xian, 'r3')).toMatchObject({ score: 0, needsEntry: true });

    // Entries: a manual score above the weight, a fractional count, then the real ones.
    const tooHigh = await world.put('sheng-head', `/api/plans/assessments/rounds/${round}/entries`, { orgUnitId: units.xian.id, ruleKey: 'r3', value: 50.01 });
    expect(tooHigh.json().error).toMatchObject({ field: 'value', message: '评分规则「机制建设情况」的得分不能超过满分 50.00 分' });
    const fraction = await world.put('sheng-head', `/api/plans/assessments/rounds/${round}/entries`, { orgUnitId: units.xian.id, ruleKey: 'r4', value: 1.5 });
    expect(fraction.json().error).toMatchObject({ field: 'value', message: '评分规则「创新成果加分」按项计分，请填写项数（整数）' });
    expect((await world.put('sheng-head', `/api/plans/assessments/rounds/${round}/entries`, { orgUnitId: units.xian.id, ruleKey: 'r1', value: 3 })).json().error.message).toBe('评分规则「三秦工匠推荐完成率」按指标数据自动计分，无需录入');
    // 西安 6 + 0 + 40.5 + 2 bonus − 2 deduction = 46.5; 宝鸡 30 + 0 + 16.5 = 46.5: a tie.
    await world.ok(world.put('sheng-head', `/api/plans/assessments/rounds/${round}/entries`, { orgUnitId: units.xian.id, ruleKey: 'r3', value: 40.5 }));
    await world.ok(world.put('sheng-head', `/api/plans/assessments/rounds/${round}/entries`, { orgUnitId: units.xian.id, ruleKey: 'r4', value: 2 }));
    await world.ok(world.put('sheng-head', `/api/plans/assessments/rounds/${round}/entries`, { orgUnitId: units.xian.id, ruleKey: 'r5', value: 1 }));
    await world.ok(world.put('sheng-head', `/api/plans/assessments/rounds/${round}/entries`, { orgUnitId: units.baoji.id, ruleKey: 'r3', value: 16.5 }));
    let ranked = await ranking(world, 'sheng-head', round);
    expect(ranked.rows.map((row) => [row.orgUnit.name, row.total, row.rank])).toEqual([
      ['西安市总工会', 46.5, 1],
      ['宝鸡市总工会', 46.5, 1],
    ]);

    // Adjustments need a reason; they are logged and audited, never overwriting the computed score.
    const noReason = await world.post('sheng-head', `/api/plans/assessments/rounds/${round}/adjustments`, { orgUnitId: units.baoji.id, itemKey: 'i2', delta: -1.25, reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error).toMatchObject({ field: 'reason', message: '请求内容字段「reason」有误：请填写调整理由（至少 2 个字）' });
    const tooMuch = await world.post('sheng-head', `/api/plans/assessments/rounds/${round}/adjustments`, { orgUnitId: units.baoji.id, itemKey: 'i2', delta: -50.01, reason: '材料不全' });
    expect(tooMuch.json().error).toMatchObject({ field: 'delta', message: '考核项目「考核督查机制」的调整幅度不能超过 50.00 分' });
    const baoji = await world.ok<TRoundSheet>(world.post('sheng-head', `/api/plans/assessments/rounds/${round}/adjustments`, { orgUnitId: units.baoji.id, itemKey: 'i2', delta: -1.25, reason: '佐证材料不全，核减' }));
    const item = baoji.sheet.dimensions[1]!.items[0]!;
    expect([item.computed, item.adjustment, item.final, item.reason]).toEqual([16.5, -1.25, 15.25, '佐证材料不全，核减']);
    expect(item.adjustments).toEqual([{ delta: -1.25, reason: '佐证材料不全，核减', by: expect.any(String), at: expect.any(String) }]);
    const [adjusted] = await world.events('plans.assessment.adjust');
    expect(adjusted).toMatchObject({ reason: '佐证材料不全，核减', details: { orgUnitId: units.baoji.id, itemKey: 'i2', delta: -1.25, previous: 0 } });
    expect((await world.events('plans.assessment.enter-score')).length).toBe(4);
    ranked = await ranking(world, 'sheng-head', round);
    expect(ranked.rows.map((row) => [row.orgUnit.name, row.computed, row.adjustment, row.total, row.rank])).toEqual([
      ['西安市总工会', 46.5, 0, 46.5, 1],
      ['宝鸡市总工会', 46.5, -1.25, 45.25, 2],
    ]);

    // A member joins under 雁塔 (西安): the live metric gives 西安 1 of 2 = 50 % → the 10-point band.
    await memberJoins(world);
    xian = await sheetOf(world, 'sheng-head', round, units.xian.id);
    expect(ruleScore(xian, 'r2')).toMatchObject({ score: 10, basis: '完成率 50.00%，达到「≥ 50」档' });
    expect(xian.sheet.total).toBe(56.5);

    // 西安 sees its own sheet (unranked while open: the rank depends on 宝鸡), never 宝鸡's.
    expect((await ranking(world, 'xian-head', round)).rows).toEqual([expect.objectContaining({ orgUnit: { id: units.xian.id, name: '西安市总工会' }, total: 56.5, rank: null })]);
    expect((await world.get('xian-head', `/api/plans/assessments/rounds/${round}/sheet?orgUnitId=${units.baoji.id}`)).statusCode).toBe(404);
    expect((await world.put('xian-head', `/api/plans/assessments/rounds/${round}/entries`, { orgUnitId: units.xian.id, ruleKey: 'r3', value: 50 })).statusCode).toBe(404);

    // Publish: frozen. A second member makes 西安 2 of 2 = 100 % (20 points) live, not in the published round.
    const published = await world.ok<TRanking>(world.post('sheng-head', `/api/plans/assessments/rounds/${round}/publish`));
    expect(published.round.status).toBe('published');
    expect(published.rows.map((row) => [row.orgUnit.name, row.total, row.rank])).toEqual([
      ['西安市总工会', 56.5, 1],
      ['宝鸡市总工会', 45.25, 2],
    ]);
    await memberJoins(world);
    expect((await ranking(world, 'sheng-head', round)).rows.map((row) => row.total)).toEqual([56.5, 45.25]);
    expect(ruleScore(await sheetOf(world, 'sheng-head', round, units.xian.id), 'r2').score).toBe(10);
    const late = await world.post('sheng-head', `/api/plans/assessments/rounds/${round}/adjustments`, { orgUnitId: units.xian.id, itemKey: 'i1', delta: 1, reason: '补充材料' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toBe('考核轮次「2026年度」已发布，成绩已固定，不能再调整得分');
    // A new round computes live again: 20 points now.
    const second = (await world.ok<TAssessmentScheme>(world.post('sheng-head', `/api/plans/assessments/${scheme.id}/rounds`, { title: '2026年度复核' }))).rounds[1]!.id;
    expect(ruleScore(await sheetOf(world, 'sheng-head', second, units.xian.id), 'r2').score).toBe(20);
    // Published, 西安 sees its rank.
    expect((await ranking(world, 'xian-head', round)).rows.map((row) => [row.orgUnit.name, row.rank])).toEqual([['西安市总工会', 1]]);

    // Export: a ranking sheet and the long table, audited with the file's hash.
    const file = await world.get('sheng-head', `/api/plans/assessments/rounds/${round}/export`);
    expect(file.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['排名', '评分明细']);
    const rankSheet = workbook.getWorksheet('排名')!;
    expect(rankSheet.getCell('A1').value).toBe('2026年度产改工作考核 · 2026年度 · 排名');
    expect(rankSheet.getRow(3).values).toEqual([undefined, '名次', '单位', '工匠选树（50分）', '工作机制（50分）', '计算得分', '调整', '总分']);
    expect(rankSheet.getRow(4).values).toEqual([undefined, 1, '西安市总工会', 16, 40.5, 56.5, 0, 56.5]);
    expect(rankSheet.getRow(5).values).toEqual([undefined, 2, '宝鸡市总工会', 30, 15.25, 46.5, -1.25, 45.25]);
    const detail = workbook.getWorksheet('评分明细')!;
    const baojiItem = detail.getSheetValues().find((row) => Array.isArray(row) && row[1] === '宝鸡市总工会' && row[3] === '考核督查机制') as unknown[];
    expect(baojiItem.slice(1, 9)).toEqual(['宝鸡市总工会', '工作机制', '考核督查机制', 50, 16.5, -1.25, '佐证材料不全，核减', 15.25]);
    const [exported] = await world.events('plans.assessment.export');
    expect(exported!.details).toMatchObject({ units: 2, sha256: file.headers['x-content-sha256'] });
  });

  it('lets a city assess its own counties, and shows each union only its subtree', async () => {
    const world = await buildPlanWorld(database);
    const { units } = world;
    const { plan, scheme: province } = await scenario(world);
    await world.ok(world.post('sheng-clerk', '/api/plans/assessments', province));
    const county = {
      planId: plan.id,
      year: 2026,
      title: '西安市2026年度区县考核',
      fullScore: 10,
      orgUnitIds: [units.yanta.id, units.beilin.id],
      tree: [{ key: 'd', title: '综合', weight: 10, items: [{ key: 'i', title: '综合评价', weight: 10, rules: [{ key: 'r', title: '综合评价', kind: 'manual', weight: 10 }] }] }],
    };
    // Not 宝鸡's county, not the province, not itself.
    const foreign = await world.post('xian-clerk', '/api/plans/assessments', { ...county, orgUnitIds: [units.weibin.id] });
    expect(foreign.json().error).toMatchObject({ field: 'orgUnitIds.0', message: '被考核单位不存在或无权访问' });
    const self = await world.post('xian-clerk', '/api/plans/assessments', { ...county, orgUnitIds: [units.xian.id] });
    expect(self.json().error).toMatchObject({ field: 'orgUnitIds.0', message: '「西安市总工会」不是西安市总工会的下级单位，不能作为被考核单位' });
    const own = await world.ok<TAssessmentScheme>(world.post('xian-clerk', '/api/plans/assessments', county));

    const list = async (login: string) => (await world.ok<TSchemeList>(world.get(login, '/api/plans/assessments'))).items.map((item) => item.title).sort();
    expect(await list('xian-clerk')).toEqual(['2026年度产改工作考核', '西安市2026年度区县考核']);
    expect(await list('sheng-clerk')).toEqual(['2026年度产改工作考核', '西安市2026年度区县考核']);
    expect(await list('baoji-clerk')).toEqual(['2026年度产改工作考核']);
    expect(await list('yanta-clerk')).toEqual(['西安市2026年度区县考核']);
    expect(await list('xianyang-clerk')).toEqual([]);
    expect((await world.get('baoji-clerk', `/api/plans/assessments/${own.id}`)).statusCode).toBe(404);
    // 雁塔 sees the scheme with itself as the only assessed union; the province sees it whole but may not score it.
    expect((await world.ok<TAssessmentScheme>(world.get('yanta-clerk', `/api/plans/assessments/${own.id}`))).units.map((unit) => unit.name)).toEqual(['雁塔区总工会']);
    const fromAbove = await world.ok<TAssessmentScheme>(world.get('sheng-head', `/api/plans/assessments/${own.id}`));
    expect([fromAbove.units.length, fromAbove.can]).toEqual([2, { edit: false, score: false }]);
    const round = (await world.ok<TAssessmentScheme>(world.post('xian-head', `/api/plans/assessments/${own.id}/rounds`, { title: '2026年度' }))).rounds[0]!.id;
    const byProvince = await world.put('sheng-head', `/api/plans/assessments/rounds/${round}/entries`, { orgUnitId: units.yanta.id, ruleKey: 'r', value: 8 });
    expect(byProvince.statusCode).toBe(403);
    expect(byProvince.json().error.message).toBe('只有考核单位（西安市总工会）可以评分');
    await world.ok(world.put('xian-head', `/api/plans/assessments/rounds/${round}/entries`, { orgUnitId: units.yanta.id, ruleKey: 'r', value: 8 }));
    await world.ok(world.put('xian-head', `/api/plans/assessments/rounds/${round}/entries`, { orgUnitId: units.beilin.id, ruleKey: 'r', value: 8 }));
    expect((await ranking(world, 'xian-head', round)).rows.map((row) => [row.orgUnit.name, row.rank])).toEqual([
      ['雁塔区总工会', 1],
      ['碑林区总工会', 1],
    ]);
    expect((await ranking(world, 'yanta-clerk', round)).rows.map((row) => row.orgUnit.name)).toEqual(['雁塔区总工会']);
    expect((await world.get('baoji-clerk', `/api/plans/assessments/rounds/${round}/ranking`)).statusCode).toBe(404);
  });
});
