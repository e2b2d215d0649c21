import { expect, it } from 'vitest';
import { describeEachEngine, useFreshDatabase } from '../../../core/db/testing';
import type { TAllocationState, TPlanDetail, TPlanList } from '../contract';
import { buildPlanWorld, importConfirmedSeed1, measureNo, measuresOf, type PlanWorld } from './testing/plan-world';

/**
 * Assign, issue and cascade (issue 5): a confirmed plan is assigned, issued
 * province → two cities → a county, signed for at each level; 40 三秦工匠
 * are allocated across the cities and a city passes its share on; a city adds
 * a local measure its county sees and a sibling does not.
 */
describeEachEngine('plans: assign, issue, acknowledge, allocate', (engine) => {
  const database = useFreshDatabase(engine);

  async function issuedToCities(world: PlanWorld) {
    const plan = await importConfirmedSeed1(world);
    const issued = await world.post('sheng-clerk', `/api/plans/${plan.id}/issue`, { orgUnitIds: [world.units.xian.id, world.units.baoji.id] });
    expect(issued.statusCode, issued.body).toBe(200);
    return { plan, issued: issued.json() as { issued: { orgUnit: { id: number }; acknowledgedAt: string | null }[] } };
  }

  it('assigns a measure: lead and co-owning departments, responsible unions, deadline and cadence, at the measure’s version', async () => {
    const world = await buildPlanWorld(database);
    const plan = await importConfirmedSeed1(world);
    const measure = measureNo(plan, '2');
    const request = {
      version: measure.version,
      leadDepartment: '经济技术部',
      coOwners: ['宣传教育部', '财务部'],
      responsibleOrgUnitIds: [world.units.xian.id, world.units.baoji.id],
      deadline: '2026-12-31',
      cadence: 'quarterly',
    };
    const assigned = await world.ok<TPlanDetail>(world.put('sheng-clerk', `/api/plans/measures/${measure.id}/assignment`, request));
    expect(measureNo(assigned, '2')).toMatchObject({
      version: measure.version + 1,
      assignment: {
        leadDepartment: '经济技术部',
        coOwners: ['宣传教育部', '财务部'],
        responsibleUnits: [
          { id: world.units.xian.id, name: '西安市总工会' },
          { id: world.units.baoji.id, name: '宝鸡市总工会' },
        ],
        deadline: '2026-12-31',
        cadence: 'quarterly',
      },
    });
    // The plan's structure version did not move: assignment is not a structural edit.
    expect(assigned.version).toBe(plan.version);
    const stale = await world.put('sheng-clerk', `/api/plans/measures/${measure.id}/assignment`, { ...request, leadDepartment: '组织部' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toBe('该措施已被他人修改，请刷新后重试');
    const badDate = await world.put('sheng-clerk', `/api/plans/measures/${measure.id}/assignment`, { ...request, version: measure.version + 1, deadline: '2026-02-30' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error).toMatchObject({ field: 'deadline', message: '完成时限“2026-02-30”不是有效的日期' });
    const badCadence = await world.put('sheng-clerk', `/api/plans/measures/${measure.id}/assignment`, { ...request, version: measure.version + 1, cadence: 'weekly' });
    expect(badCadence.statusCode).toBe(400);
    expect(badCadence.json().error.message).toContain('请选择报送周期');
    // A city's clerk cannot assign the province's measure (it does not even see the plan yet).
    expect((await world.put('xian-clerk', `/api/plans/measures/${measure.id}/assignment`, { ...request, version: measure.version + 1 })).statusCode).toBe(404);
    expect((await world.events('plans.assign'))[0]!.details).toMatchObject({ responsibleUnits: 2, cadence: 'quarterly' });
  });

  it('issues province → two cities → a county; each signs for it (who and when), and only then may pass it on', async () => {
    const world = await buildPlanWorld(database);
    const { plan, issued } = await issuedToCities(world);
    expect(issued.issued.map((row) => [row.orgUnit.id, row.acknowledgedAt])).toEqual([
      [world.units.xian.id, null],
      [world.units.baoji.id, null],
    ]);
    // Issuing a draft, or from a union that did not receive it, is refused.
    const draft = await world.ok<TPlanDetail>(world.post('sheng-clerk', '/api/plans/drafts', { text: '一、总体要求\n1.做好工作。' }));
    const draftIssue = await world.post('sheng-clerk', `/api/plans/${draft.id}/issue`, { orgUnitIds: [world.units.xian.id] });
    expect(draftIssue.statusCode).toBe(409);
    expect(draftIssue.json().error.message).toContain('尚未确认');

    // 西安's inbox: the plan, from the province, not yet signed for.
    const inbox = await world.ok<TPlanList>(world.get('xian-clerk', '/api/plans?box=received'));
    expect(inbox.items).toEqual([
      expect.objectContaining({ id: plan.id, relation: 'recipient', measureCount: 15, receipt: expect.objectContaining({ from: { id: world.units.province.id, name: '陕西省总工会' }, acknowledgedAt: null }) }),
    ]);
    const seen = await world.ok<TPlanDetail>(world.get('xian-clerk', `/api/plans/${plan.id}`));
    expect(seen.viewer).toMatchObject({ relation: 'recipient', can: { acknowledge: true, issue: false, editStructure: false, assign: false } });
    expect(seen.counts).toEqual({ sections: 3, measures: 15, indicators: 4 });
    const early = await world.post('xian-clerk', `/api/plans/${plan.id}/issue`, { orgUnitIds: [world.units.yanta.id] });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe('请先签收该工作部署，再下发');

    // 签收 by the city's head (plans.issue), once.
    const signed = await world.ok<TPlanDetail>(world.post('xian-head', `/api/plans/${plan.id}/acknowledge`));
    expect(signed.viewer.receipt).toMatchObject({ acknowledgedBy: 'xian-head', acknowledgedAt: world.clock.now().toISOString() });
    expect(signed.viewer.can).toMatchObject({ acknowledge: false, issue: true, allocate: true, report: false });
    const twice = await world.post('xian-clerk', `/api/plans/${plan.id}/acknowledge`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toContain('已于');
    await world.ok(world.post('baoji-clerk', `/api/plans/${plan.id}/acknowledge`));

    // The province sees who has signed.
    const fromProvince = await world.ok<TPlanDetail>(world.get('sheng-head', `/api/plans/${plan.id}`));
    expect(fromProvince.issues.map((row) => [row.orgUnit.name, row.acknowledgedBy])).toEqual([
      ['西安市总工会', 'xian-head'],
      ['宝鸡市总工会', 'baoji-clerk'],
    ]);

    // The cascade: 西安 passes it to 雁塔, which signs for it.
    const toCounty = await world.ok<{ issued: { orgUnit: { id: number } }[] }>(world.post('xian-clerk', `/api/plans/${plan.id}/issue`, { orgUnitIds: [world.units.yanta.id] }));
    expect(toCounty.issued.map((row) => row.orgUnit.id)).toEqual([world.units.yanta.id]);
    const county = await world.ok<TPlanDetail>(world.post('yanta-clerk', `/api/plans/${plan.id}/acknowledge`));
    expect(county.viewer.receipt).toMatchObject({ from: { id: world.units.xian.id, name: '西安市总工会' }, acknowledgedBy: 'yanta-clerk' });
    expect(county.counts.measures).toBe(15);
    // 西安 sees only whom it issued to; a union cannot issue outside its subtree or to itself.
    expect((await world.ok<TPlanDetail>(world.get('xian-clerk', `/api/plans/${plan.id}`))).issues.map((row) => row.orgUnit.name)).toEqual(['雁塔区总工会']);
    const sideways = await world.post('xian-clerk', `/api/plans/${plan.id}/issue`, { orgUnitIds: [world.units.weibin.id] });
    expect(sideways.statusCode).toBe(400);
    expect(sideways.json().error).toMatchObject({ field: 'orgUnitIds.0', message: '只能下发给本单位的下级单位' });
    const again = await world.ok<{ issued: unknown[]; alreadyIssued: { name: string }[] }>(world.post('xian-clerk', `/api/plans/${plan.id}/issue`, { orgUnitIds: [world.units.yanta.id] }));
    expect(again).toEqual({ issued: [], alreadyIssued: [{ id: world.units.yanta.id, name: '雁塔区总工会' }] });

    // Who sees it: the recipients and everyone above them; not a county it was not issued to, nor its sibling city, nor a grassroots union below 雁塔.
    for (const login of ['beilin-clerk', 'xianyang-clerk', 'weibin-clerk', 'jiceng-clerk']) {
      expect((await world.get(login, `/api/plans/${plan.id}`)).statusCode, login).toBe(404);
      expect((await world.post(login, `/api/plans/${plan.id}/acknowledge`)).statusCode, login).toBe(404);
    }
    expect((await world.events('plans.acknowledge')).map((event) => event.actor_login)).toEqual(['xian-head', 'baoji-clerk', 'yanta-clerk']);
  });

  it('issues to a whole level: every direct subordinate of the chosen types, reporting those that already have it', async () => {
    const world = await buildPlanWorld(database);
    const { plan } = await issuedToCities(world);
    const level = await world.ok<{ issued: { orgUnit: { name: string } }[]; alreadyIssued: { name: string }[] }>(
      world.post('sheng-head', `/api/plans/${plan.id}/issue`, { childTypes: ['city'] }),
    );
    expect(level.issued.map((row) => row.orgUnit.name)).toEqual(['咸阳市总工会']);
    expect(level.alreadyIssued.map((row) => row.name).sort()).toEqual(['宝鸡市总工会', '西安市总工会']);
    const none = await world.post('sheng-head', `/api/plans/${plan.id}/issue`, { childTypes: ['industry'] });
    expect(none.statusCode).toBe(400);
    expect(none.json().error).toMatchObject({ field: 'childTypes' });
    expect((await world.post('sheng-head', `/api/plans/${plan.id}/issue`, {})).json().error.message).toContain('请选择下发单位');
  });

  it('allocates 40 三秦工匠 across the cities (short of the target: a warning, not a refusal) and a city passes its share to its county', async () => {
    const world = await buildPlanWorld(database);
    const { plan } = await issuedToCities(world);
    const craftsmen = measureNo(plan, '2').indicators[0]!;
    expect(craftsmen).toMatchObject({ subject: '三秦工匠', value: 40 });
    const url = `/api/plans/indicators/${craftsmen.id}/allocations`;

    const before = await world.ok<TAllocationState>(world.get('sheng-clerk', url));
    expect(before).toMatchObject({ target: 40, allocated: 0, remaining: 40, isUnderAllocated: true });
    expect(before.allocations.map((row) => [row.orgUnit.name, row.value])).toEqual([
      ['西安市总工会', null],
      ['宝鸡市总工会', null],
    ]);
    const split = await world.ok<TAllocationState>(world.put('sheng-clerk', url, { allocations: [{ orgUnitId: world.units.xian.id, value: 25 }, { orgUnitId: world.units.baoji.id, value: 10 }] }));
    expect(split).toMatchObject({ target: 40, allocated: 35, remaining: 5, isUnderAllocated: true, warning: '已分解 35人，少于本级目标 40人，尚有 5人 未分解到下级' });
    expect(split.allocations.map((row) => row.value)).toEqual([25, 10]);
    const toOutsider = await world.put('sheng-clerk', url, { allocations: [{ orgUnitId: world.units.xian.id, value: 25 }, { orgUnitId: world.units.xianyang.id, value: 15 }] });
    expect(toOutsider.statusCode).toBe(400);
    expect(toOutsider.json().error).toMatchObject({ field: 'allocations.1.orgUnitId', message: '只能向本单位已下发的单位分解指标，请先下发' });
    const negative = await world.put('sheng-clerk', url, { allocations: [{ orgUnitId: world.units.xian.id, value: -1 }] });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.message).toContain('分解数值不能为负');

    // 西安 must sign before allocating; its target is its share.
    expect((await world.put('xian-clerk', url, { allocations: [] })).statusCode).toBe(409);
    await world.ok(world.post('xian-clerk', `/api/plans/${plan.id}/acknowledge`));
    await world.ok(world.post('xian-clerk', `/api/plans/${plan.id}/issue`, { orgUnitIds: [world.units.yanta.id] }));
    expect(await world.ok<TAllocationState>(world.get('xian-clerk', url))).toMatchObject({ target: 25, allocated: 0, isUnderAllocated: true });
    // More than its share: allowed, no warning.
    const passedOn = await world.ok<TAllocationState>(world.put('xian-clerk', url, { allocations: [{ orgUnitId: world.units.yanta.id, value: 30 }] }));
    expect(passedOn).toMatchObject({ target: 25, allocated: 30, remaining: -5, isUnderAllocated: false, warning: null });
    // The county's target is what 西安 gave it; it has nobody to pass it to.
    await world.ok(world.post('yanta-clerk', `/api/plans/${plan.id}/acknowledge`));
    expect(await world.ok<TAllocationState>(world.get('yanta-clerk', url))).toMatchObject({ target: 30, allocated: 0, isUnderAllocated: false, allocations: [] });
    // The province still sees its own split; 宝鸡 sees its share and nothing of 西安's.
    expect(await world.ok<TAllocationState>(world.get('sheng-clerk', url))).toMatchObject({ allocated: 35 });
    expect(await world.ok<TAllocationState>(world.get('baoji-clerk', url))).toMatchObject({ target: 10, allocated: 0 });
    expect((await world.events('plans.allocate')).map((event) => event.details)).toEqual([
      expect.objectContaining({ allocated: 35, target: 40, underAllocated: true }),
      expect.objectContaining({ allocated: 30, target: 25, underAllocated: false }),
    ]);
  });

  it('lets a recipient add a local measure: its county sees it, its sibling does not, and the document stays frozen', async () => {
    const world = await buildPlanWorld(database);
    const { plan } = await issuedToCities(world);
    const section = plan.sections[0]!;
    const unsigned = await world.post('xian-clerk', `/api/plans/${plan.id}/measures`, { sectionId: section.id, text: '西安：举办秦创原劳动竞赛。' });
    expect(unsigned.statusCode).toBe(409);
    await world.ok(world.post('xian-clerk', `/api/plans/${plan.id}/acknowledge`));
    await world.ok(world.post('baoji-clerk', `/api/plans/${plan.id}/acknowledge`));
    const withLocal = await world.ok<TPlanDetail>(world.post('xian-clerk', `/api/plans/${plan.id}/measures`, { sectionId: section.id, no: '西1', text: '举办秦创原劳动竞赛。覆盖重点项目。' }));
    const local = measuresOf(withLocal).find((measure) => measure.isLocal)!;
    expect(local).toMatchObject({ no: '西1', title: '举办秦创原劳动竞赛', orgUnit: { id: world.units.xian.id } });
    // It takes indicators and edits at its own version.
    const measured = await world.ok<TPlanDetail>(world.post('xian-clerk', `/api/plans/measures/${local.id}/indicators`, { version: local.version, value: 12, unit: '项', subject: '市级劳动竞赛' }));
    expect(measuresOf(measured).find((measure) => measure.id === local.id)!.indicators).toHaveLength(1);
    // The province cannot change its own issued measures any more; 西安 cannot change the province's.
    expect((await world.put('xian-clerk', `/api/plans/measures/${measureNo(plan, '1').id}`, { version: plan.version, title: 'x' })).statusCode).toBe(409);

    await world.ok(world.post('xian-clerk', `/api/plans/${plan.id}/issue`, { orgUnitIds: [world.units.yanta.id] }));
    const county = await world.ok<TPlanDetail>(world.get('yanta-clerk', `/api/plans/${plan.id}`));
    expect(measuresOf(county).filter((measure) => measure.isLocal).map((measure) => measure.title)).toEqual(['举办秦创原劳动竞赛']);
    const sibling = await world.ok<TPlanDetail>(world.get('baoji-clerk', `/api/plans/${plan.id}`));
    expect(measuresOf(sibling).some((measure) => measure.isLocal)).toBe(false);
    expect(sibling.counts).toEqual({ sections: 3, measures: 15, indicators: 4 });
    expect(measuresOf(await world.ok<TPlanDetail>(world.get('sheng-head', `/api/plans/${plan.id}`))).filter((measure) => measure.isLocal)).toHaveLength(1);
    // 宝鸡 cannot touch 西安's local measure (it does not see it).
    expect((await world.put('baoji-clerk', `/api/plans/measures/${local.id}`, { version: local.version, title: 'x' })).statusCode).toBe(404);
  });
});
