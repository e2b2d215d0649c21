import { expect, it } from 'vitest';
import { makeIdNumber } from '../../../core/cn/id-number';
import { describeEachEngine, useFreshDatabase } from '../../../core/db/testing';
import type { TPlanDetail, TReportDetail, TRollup } from '../contract';
import { buildPlanWorld, cascadedSeed1, measureNo, type PlanWorld } from './testing/plan-world';

/**
 * The roll-up (issue 5, "Roll-up shows allocated vs achieved at every
 * level"): province → 西安, 宝鸡; 西安 → 雁塔, 碑林. Figures are each union's
 * own latest accepted figure, summed over a subtree; a bound indicator reads
 * the live member count. Every number below is worked out by hand in the
 * comments.
 */
describeEachEngine('plans: roll-up and live indicators', (engine) => {
  const database = useFreshDatabase(engine);

  /** Report, submit and (optionally) have the issuing union accept. */
  async function report(world: PlanWorld, login: string, reviewer: string | null, body: object): Promise<TReportDetail> {
    let detail = await world.ok<TReportDetail>(world.post(login, '/api/plans/reports', body));
    detail = await world.ok<TReportDetail>(world.post(login, `/api/plans/reports/${detail.id}/submit`, { version: detail.version }));
    if (reviewer) detail = await world.ok<TReportDetail>(world.post(reviewer, `/api/plans/reports/${detail.id}/accept`, { version: detail.version }));
    return detail;
  }

  async function scenario(world: PlanWorld) {
    const { units } = world;
    // In the draft: a target the parser could not read, on measure 8 (建会入会): at least 3 new members in 2026.
    const plan = await cascadedSeed1(world, async (draft) =>
      world.ok<TPlanDetail>(world.post('sheng-clerk', `/api/plans/measures/${measureNo(draft, '8').id}/indicators`, { version: draft.version, value: 3, comparator: 'gte', unit: '人', subject: '新入会会员', period: '2026' })),
    );
    const m2 = measureNo(plan, '2');
    const craftsmen = m2.indicators[0]!;
    const m4 = measureNo(plan, '4');
    await world.ok(world.put('sheng-clerk', `/api/plans/measures/${m4.id}/assignment`, { version: m4.version, leadDepartment: '办公室', coOwners: [], responsibleOrgUnitIds: [], deadline: '2026-06-30', cadence: 'once' }));
    // 40 三秦工匠: 西安 25 + 宝鸡 10 = 35 (5 short); 西安 passes on 雁塔 12 + 碑林 8 = 20 (5 short of its 25).
    await world.ok(world.put('sheng-clerk', `/api/plans/indicators/${craftsmen.id}/allocations`, { allocations: [{ orgUnitId: units.xian.id, value: 25 }, { orgUnitId: units.baoji.id, value: 10 }] }));
    await world.ok(world.put('xian-clerk', `/api/plans/indicators/${craftsmen.id}/allocations`, { allocations: [{ orgUnitId: units.yanta.id, value: 12 }, { orgUnitId: units.beilin.id, value: 8 }] }));

    // First quarter. 雁塔 first says 2, is returned, corrects to 4: only the accepted 4 counts.
    let yanta = await report(world, 'yanta-clerk', null, { measureId: m2.id, period: '2026-Q1', progress: 'on_track', figures: [{ indicatorId: craftsmen.id, value: 2 }] });
    yanta = await world.ok<TReportDetail>(world.post('xian-head', `/api/plans/reports/${yanta.id}/return`, { version: yanta.version, comment: '请核实人数' }));
    yanta = await world.ok<TReportDetail>(world.put('yanta-clerk', `/api/plans/reports/${yanta.id}`, { version: yanta.version, figures: [{ indicatorId: craftsmen.id, value: 4 }] }));
    yanta = await world.ok<TReportDetail>(world.post('yanta-clerk', `/api/plans/reports/${yanta.id}/submit`, { version: yanta.version }));
    await world.ok(world.post('xian-head', `/api/plans/reports/${yanta.id}/accept`, { version: yanta.version }));
    await report(world, 'beilin-clerk', 'xian-head', { measureId: m2.id, period: '2026-Q1', progress: 'on_track', figures: [{ indicatorId: craftsmen.id, value: 3 }] });
    await report(world, 'xian-clerk', 'sheng-head', { measureId: m2.id, period: '2026-Q1', progress: 'on_track', figures: [{ indicatorId: craftsmen.id, value: 5 }] });
    // 宝鸡's 6 is submitted, not accepted: it does not count.
    await report(world, 'baoji-clerk', null, { measureId: m2.id, period: '2026-Q1', progress: 'on_track', figures: [{ indicatorId: craftsmen.id, value: 6 }] });
    // 宝鸡 reports a risk on measure 5.
    await report(world, 'baoji-clerk', null, { measureId: measureNo(plan, '5').id, period: '2026-Q1', progress: 'at_risk', narrative: '返还资金到位慢' });

    // Second quarter, 5 July: 雁塔's running total is 9 (its latest accepted figure replaces the first quarter's 4).
    world.advanceTo('2026-07-05T09:00:00+08:00');
    await report(world, 'yanta-clerk', 'xian-head', { measureId: m2.id, period: '2026-Q2', progress: 'on_track', figures: [{ indicatorId: craftsmen.id, value: 9 }] });
    return { plan, m2, m4, craftsmen };
  }

  it('rolls up targets, allocations, accepted figures, completion and lights at the province, a city and a county', async () => {
    const world = await buildPlanWorld(database);
    const { units } = world;
    const { plan, m2, m4, craftsmen } = await scenario(world);

    const province = await world.ok<TRollup>(world.get('sheng-head', `/api/plans/${plan.id}/rollup`));
    expect(province.orgUnit).toEqual({ id: units.province.id, name: '陕西省总工会' });
    const p2 = province.measures.find((measure) => measure.id === m2.id)!;
    const p2craftsmen = p2.indicators.find((indicator) => indicator.id === craftsmen.id)!;
    // Achieved 9 (雁塔, Q2) + 3 (碑林) + 5 (西安) = 17 of 40 = 42.5 %.
    expect(p2craftsmen.at).toEqual({ target: 40, achieved: 17, completion: 42.5, isMet: false, source: 'reports', allocated: 35, remaining: 5, isUnderAllocated: true, warning: '已分解 35人，少于本级目标 40人，尚有 5人 未分解到下级' });
    // 西安's subtree: 17 of its 25 = 68 %; 宝鸡 has nothing accepted yet.
    expect(p2craftsmen.children).toEqual([
      { orgUnitId: units.xian.id, allocation: 25, target: 25, achieved: 17, completion: 68, isMet: false, source: 'reports' },
      { orgUnitId: units.baoji.id, allocation: 10, target: 10, achieved: null, completion: null, isMet: false, source: 'reports' },
    ]);
    // 5 July is 117 of the 296 days from 10 March to 31 December (39.5 %): 42.5 % keeps up — green.
    // Accepted: 雁塔 Q1 and Q2, 碑林, 西安; submitted: 宝鸡.
    expect(p2.at).toMatchObject({ light: 'green', isOverdue: false, completion: 42.5, progress: 'on_track', reports: { submitted: 1, accepted: 4, returned: 0 } });
    // Measure 4 was due 30 June: overdue at every level. Measure 5: 宝鸡 reported a risk.
    const p4 = province.measures.find((measure) => measure.id === m4.id)!;
    expect(p4.at).toMatchObject({ light: 'red', isOverdue: true, reason: '已超过完成时限（2026-06-30）仍未完成' });
    expect(p4.children.map((child) => child.isOverdue)).toEqual([true, true]);
    const p5 = province.measures.find((measure) => measure.no === '5')!;
    expect(p5.at).toMatchObject({ light: 'amber', isAtRisk: true, progress: 'at_risk' });
    expect(p5.children.map((child) => [child.orgUnitId, child.light])).toEqual([
      [units.xian.id, 'green'],
      [units.baoji.id, 'amber'],
    ]);
    expect(province.summary).toMatchObject({ measures: 15, red: 1, amber: 1, green: 13, overdue: 1, atRisk: 1 });
    // The unit ranking: 西安 (68 %) before 宝鸡 (nothing accepted).
    expect(province.children.map((child) => [child.name, child.completion, child.counts])).toEqual([
      ['西安市总工会', 68, { green: 14, amber: 0, red: 1, overdue: 1 }],
      ['宝鸡市总工会', null, { green: 13, amber: 1, red: 1, overdue: 1 }],
    ]);

    // 西安: its share 25, passed on 20 (5 short); 17 achieved = 68 %; 雁塔 9 of 12 = 75 %, 碑林 3 of 8 = 37.5 %.
    const city = await world.ok<TRollup>(world.get('xian-clerk', `/api/plans/${plan.id}/rollup`));
    const c2 = city.measures.find((measure) => measure.id === m2.id)!.indicators.find((indicator) => indicator.id === craftsmen.id)!;
    expect(c2.at).toMatchObject({ target: 25, achieved: 17, completion: 68, allocated: 20, remaining: 5, isUnderAllocated: true });
    expect(c2.children.map((child) => [child.orgUnitId, child.allocation, child.achieved, child.completion])).toEqual([
      [units.yanta.id, 12, 9, 75],
      [units.beilin.id, 8, 3, 37.5],
    ]);
    expect(city.children.map((child) => child.name)).toEqual(['雁塔区总工会', '碑林区总工会']);
    // 碑林 at 37.5 % is behind the 39.5 % of time elapsed by 2 points: still green.
    expect(city.measures.find((measure) => measure.id === m2.id)!.children.map((child) => child.light)).toEqual(['green', 'green']);

    // 雁塔: target 12, achieved 9 = 75 %, nobody below.
    const county = await world.ok<TRollup>(world.get('yanta-clerk', `/api/plans/${plan.id}/rollup`));
    const y2 = county.measures.find((measure) => measure.id === m2.id)!.indicators.find((indicator) => indicator.id === craftsmen.id)!;
    expect(y2.at).toMatchObject({ target: 12, achieved: 9, completion: 75, allocated: 0, isUnderAllocated: false, warning: null });
    expect(county.children).toEqual([]);
    // The province may look at any union of the cascade; the same numbers.
    expect((await world.ok<TRollup>(world.get('sheng-head', `/api/plans/${plan.id}/rollup?orgUnitId=${units.yanta.id}`))).measures.find((measure) => measure.id === m2.id)!.indicators[0]!.at.achieved).toBe(9);
  });

  it('binds an indicator to the live member count: it updates when a member joins, per subtree', async () => {
    const world = await buildPlanWorld(database);
    const { units } = world;
    const { plan } = await scenario(world);
    const joining = measureNo(plan, '8').indicators[0]!;
    const bad = await world.post('sheng-clerk', `/api/plans/indicators/${joining.id}/binding`, { metricId: 'members.joined', params: { year: 1800 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('params.year');
    expect(bad.json().error.message).toContain('入会年份');
    const unknown = await world.post('sheng-clerk', `/api/plans/indicators/${joining.id}/binding`, { metricId: 'members.nothing', params: {} });
    expect(unknown.statusCode).toBe(400);
    expect((await world.post('xian-clerk', `/api/plans/indicators/${joining.id}/binding`, { metricId: 'members.joined', params: { year: 2026 } })).statusCode).toBe(403);
    const bound = await world.ok<TPlanDetail>(world.post('sheng-clerk', `/api/plans/indicators/${joining.id}/binding`, { metricId: 'members.joined', params: { year: 2026 } }));
    expect(measureNo(bound, '8').indicators[0]!.binding).toEqual({ metricId: 'members.joined', params: { year: 2026 }, label: '某年入会会员数', unit: '人' });

    const liveAt = async (login: string, orgUnitId?: number) => {
      const rollup = await world.ok<TRollup>(world.get(login, `/api/plans/${plan.id}/rollup${orgUnitId ? `?orgUnitId=${orgUnitId}` : ''}`));
      return rollup.measures.find((measure) => measure.no === '8')!.indicators[0]!;
    };
    expect((await liveAt('sheng-head')).at).toMatchObject({ target: 3, achieved: 0, completion: 0, source: 'metric' });

    // A worker joins the grassroots union under 雁塔 (2026): 1 of 3 at the province, 西安 and 雁塔; 0 at 宝鸡.
    const applied = await world.ok<{ membershipId: number }>(world.post('yanta-clerk', '/api/members/applications', { orgUnitId: units.grassroots.id, profile: { idNumber: makeIdNumber('610113', '1995-03-02', 17), name: '周晓燕' } }));
    await world.ok(world.post('yanta-reviewer', `/api/members/${applied.membershipId}/approve`, {}));
    const province = await liveAt('sheng-head');
    expect(province.isBound).toBe(true);
    expect(province.at).toMatchObject({ target: 3, achieved: 1, completion: 33.3, isMet: false, source: 'metric' });
    expect(province.children.map((child) => [child.orgUnitId, child.achieved])).toEqual([
      [units.xian.id, 1],
      [units.baoji.id, 0],
    ]);
    expect((await liveAt('yanta-clerk')).at).toMatchObject({ achieved: 1, target: null, source: 'metric' });

    // Unbound again: back to reported figures (none).
    await world.ok(world.post('sheng-clerk', `/api/plans/indicators/${joining.id}/binding`, { metricId: null }));
    expect((await liveAt('sheng-head')).at).toMatchObject({ achieved: null, source: 'reports' });
    expect((await world.events('plans.bind-indicator'))[0]!.details).toMatchObject({ metricId: 'members.joined', valueAtBinding: 0 });
  });

  it('rolls up only inside the caller’s subtree and only at unions that took part', async () => {
    const world = await buildPlanWorld(database);
    const { units } = world;
    const { plan } = await scenario(world);
    expect((await world.get('beilin-clerk', `/api/plans/${plan.id}/rollup?orgUnitId=${units.yanta.id}`)).statusCode).toBe(404);
    expect((await world.get('xianyang-clerk', `/api/plans/${plan.id}/rollup`)).statusCode).toBe(404);
    expect((await world.get('jiceng-clerk', `/api/plans/${plan.id}/rollup`)).statusCode).toBe(404);
    const notTakingPart = await world.get('sheng-head', `/api/plans/${plan.id}/rollup?orgUnitId=${units.xianyang.id}`);
    expect(notTakingPart.statusCode).toBe(409);
    expect(notTakingPart.json().error).toMatchObject({ field: 'orgUnitId', message: '「咸阳市总工会」未收到该工作部署，没有可汇总的内容' });
  });
});
