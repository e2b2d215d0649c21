import { expect, it } from 'vitest';
import { describeEachEngine, useFreshDatabase } from '../../../core/db/testing';
import type { TPlanDetail } from '../contract';
import { buildPlanWorld, measureNo, measuresOf, SEED_1_DOCX, SEED_1_TEXT } from './testing/plan-world';

/**
 * Import and review (issue 5, "Review screen"): seed 1 becomes a draft with
 * its meta, 3 sections, 15 measures and 4 indicators (each with its source
 * sentence); staff correct it — meta, titles, split, merge, indicators, a
 * qualitative measure — each edit at the version it started from; confirm
 * freezes the structure.
 */
describeEachEngine('plans: import and review', (engine) => {
  const database = useFreshDatabase(engine);

  it('imports seed 1 as a draft: meta, 3 sections, 15 measures, 4 indicators with their sentences, the original text', async () => {
    const world = await buildPlanWorld(database);
    const response = await world.post('sheng-clerk', '/api/plans/drafts', { text: SEED_1_TEXT });
    expect(response.statusCode, response.body).toBe(200);
    const plan = response.json() as TPlanDetail;
    expect(plan).toMatchObject({
      status: 'draft',
      version: 1,
      orgUnit: { id: world.units.province.id, name: '陕西省总工会' },
      meta: {
        title: '陕西省总工会贯彻落实省委省政府“三个年”活动15条措施',
        issuer: '陕西省总工会办公室',
        docNumber: '陕工办发〔2023〕12号',
        recipients: ['各市（区）总工会', '各省级产业工会', '单列单位工会', '省总各部门、直属单位'],
      },
      source: { kind: 'text', text: SEED_1_TEXT },
      counts: { sections: 3, measures: 15, indicators: 4 },
      viewer: { relation: 'owner', receipt: null, can: { editStructure: true, assign: true, issue: false } },
    });
    expect(plan.sections.map((section) => [section.no, section.title, section.measures.length])).toEqual([
      ['一', '助力高质量项目推进年方面', 4],
      ['二', '推进营商环境突破年方面', 8],
      ['三', '深化干部作风能力提升年方面', 3],
    ]);
    expect(measuresOf(plan).map((measure) => measure.no)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15']);
    const craftsmen = measureNo(plan, '2');
    expect(craftsmen.title).toBe('加强工匠人才培育选树');
    expect(craftsmen.indicators.map((indicator) => [indicator.value, indicator.approx, indicator.comparator, indicator.unit, indicator.subject, indicator.period])).toEqual([
      [40, false, 'eq', '人', '三秦工匠', '2023'],
      [100, true, 'eq', '人', '陕西产业工匠人才', '2023'],
      [20, false, 'eq', '个', '示范性创新工作室', null],
      [5, false, 'eq', '个', '工作室联盟', null],
    ]);
    expect(craftsmen.indicators[0]!.source).toBe('2023年继续评选40名“三秦工匠”，培育100名左右“陕西产业工匠人才”。');
    expect(craftsmen.indicators.every((indicator) => indicator.origin === 'parsed' && indicator.binding === null)).toBe(true);
    // A measure without figures is a qualitative task.
    expect(measureNo(plan, '13').indicators).toEqual([]);

    const [event] = await world.events('plans.import');
    expect(event).toMatchObject({ category: 'write', target_id: String(plan.id) });
    expect(event!.details).toMatchObject({ measures: 15, indicators: 4, kind: 'text' });
  });

  it('imports the same document uploaded as .docx, and refuses a file that is no document in Chinese, naming the field', async () => {
    const world = await buildPlanWorld(database);
    const upload = (body: Buffer, name: string) =>
      world.call('sheng-clerk', {
        method: 'POST',
        url: '/api/plans/drafts/upload',
        headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name) },
        payload: body,
      });
    const response = await upload(SEED_1_DOCX, '三个年15条措施.docx');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ source: { kind: 'docx', fileName: '三个年15条措施.docx' }, counts: { sections: 3, measures: 15, indicators: 4 } });

    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.alloc(64)]);
    const refused = await upload(png, '截图.docx');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'file' });
    expect(refused.json().error.message).toContain('不支持的文件类型');
    const empty = await upload(Buffer.alloc(0), '空.txt');
    expect(empty.statusCode).toBe(400);
    const pasted = await world.post('sheng-clerk', '/api/plans/drafts', { text: '   ' });
    expect(pasted.statusCode).toBe(400);
    expect(pasted.json().error).toMatchObject({ field: 'text' });
    expect(pasted.json().error.message).toContain('请粘贴文件正文');
    // Only the draft from the .docx was stored.
    expect(await world.db.selectFrom('plans_plan').select('id').execute()).toHaveLength(1);
  });

  it('edits meta, titles and text; splits a measure with its indicators and merges it back; adds, edits and deletes indicators; adds a qualitative measure', async () => {
    const world = await buildPlanWorld(database);
    let plan = await world.ok<TPlanDetail>(world.post('sheng-clerk', '/api/plans/drafts', { text: SEED_1_TEXT }));
    const edit = async (request: Promise<Awaited<ReturnType<typeof world.post>>>) => (plan = await world.ok<TPlanDetail>(request));

    await edit(world.put('sheng-clerk', `/api/plans/${plan.id}`, { version: plan.version, date: '2023-03-01', title: '“三个年”活动15条措施' }));
    expect(plan.meta).toMatchObject({ date: '2023-03-01', title: '“三个年”活动15条措施', docNumber: '陕工办发〔2023〕12号' });
    expect(plan.version).toBe(2);

    const section = plan.sections[2]!;
    await edit(world.put('sheng-clerk', `/api/plans/sections/${section.id}`, { version: plan.version, title: '深化干部作风能力提升年' }));
    expect(plan.sections[2]!.title).toBe('深化干部作风能力提升年');

    const first = measureNo(plan, '1');
    await edit(world.put('sheng-clerk', `/api/plans/measures/${first.id}`, { version: plan.version, title: '创新开展劳动和技能竞赛活动' }));
    expect(measureNo(plan, '1').title).toBe('创新开展劳动和技能竞赛活动');

    // Split measure 2 before 持续开展…: the two workshop indicators follow the new measure.
    const craftsmen = measureNo(plan, '2');
    const offset = craftsmen.text.indexOf('持续开展陕西省示范性');
    await edit(world.post('sheng-clerk', `/api/plans/measures/${craftsmen.id}/split`, { version: plan.version, offset }));
    const split = plan.sections[0]!.measures;
    expect(split.map((measure) => measure.no)).toEqual(['1', '2', '', '3', '4']);
    expect(split[1]!.indicators.map((indicator) => indicator.subject)).toEqual(['三秦工匠', '陕西产业工匠人才']);
    expect(split[2]!.indicators.map((indicator) => indicator.subject)).toEqual(['示范性创新工作室', '工作室联盟']);
    // The new part's title is its first sentence (long: cut at 80 characters, as the parser does).
    expect(split[2]!.title).toMatch(/^持续开展陕西省示范性劳模和工匠人才创新工作室.{40,}…$/);
    expect(plan.counts).toEqual({ sections: 3, measures: 16, indicators: 4 });
    const refusedSplit = await world.post('sheng-clerk', `/api/plans/measures/${split[1]!.id}/split`, { version: plan.version, offset: 100_000 });
    expect(refusedSplit.statusCode).toBe(400);
    expect(refusedSplit.json().error).toMatchObject({ field: 'offset' });

    // Merge it back into measure 2.
    await edit(world.post('sheng-clerk', `/api/plans/measures/${split[2]!.id}/merge`, { version: plan.version }));
    expect(plan.counts).toEqual({ sections: 3, measures: 15, indicators: 4 });
    expect(measureNo(plan, '2').text).toBe(`${craftsmen.text.slice(0, offset)}\n${craftsmen.text.slice(offset)}`);
    expect(measureNo(plan, '2').indicators.map((indicator) => indicator.subject)).toEqual(['三秦工匠', '陕西产业工匠人才', '示范性创新工作室', '工作室联盟']);
    const firstOfSection = await world.post('sheng-clerk', `/api/plans/measures/${measureNo(plan, '1').id}/merge`, { version: plan.version });
    expect(firstOfSection.statusCode).toBe(409);
    expect(firstOfSection.json().error.message).toContain('没有可合并的上一条措施');

    // Indicators: add one the parser could not see, correct it, delete a wrong one.
    const joining = measureNo(plan, '8');
    await edit(world.post('sheng-clerk', `/api/plans/measures/${joining.id}/indicators`, { version: plan.version, value: 2, unit: '万人', subject: '新就业形态劳动者入会', comparator: 'gte', period: '2023' }));
    const added = measureNo(plan, '8').indicators[0]!;
    expect(added).toMatchObject({ value: 2, unit: '万人', comparator: 'gte', approx: false, origin: 'manual', source: null });
    await edit(world.put('sheng-clerk', `/api/plans/indicators/${added.id}`, { version: plan.version, value: 20000, unit: '人' }));
    expect(measureNo(plan, '8').indicators[0]).toMatchObject({ value: 20000, unit: '人', subject: '新就业形态劳动者入会' });
    const badIndicator = await world.post('sheng-clerk', `/api/plans/measures/${joining.id}/indicators`, { version: plan.version, value: -1, unit: '', subject: 'x' });
    expect(badIndicator.statusCode).toBe(400);
    expect(badIndicator.json().error.message).toMatch(/目标数值不能为负|计量单位/);
    const alliance = measureNo(plan, '2').indicators[3]!;
    await edit(world.del('sheng-clerk', `/api/plans/indicators/${alliance.id}?version=${plan.version}`));
    expect(measureNo(plan, '2').indicators).toHaveLength(3);

    // A qualitative measure after measure 15.
    const last = plan.sections[2]!;
    await edit(world.post('sheng-clerk', `/api/plans/${plan.id}/measures`, { version: plan.version, sectionId: last.id, no: '16', text: '加强宣传引导。讲好工会故事。' }));
    expect(plan.sections[2]!.measures.at(-1)).toMatchObject({ no: '16', title: '加强宣传引导', indicators: [], isLocal: false });
    expect(plan.counts).toEqual({ sections: 3, measures: 16, indicators: 4 });

    // Every edit was audited, naming what changed but not the text.
    expect((await world.events('plans.split-measure'))[0]!.details).toMatchObject({ movedIndicators: 2 });
    expect((await world.events('plans.edit-measure'))[0]!.details).toMatchObject({ changed: ['title'] });
  });

  it('refuses an edit from a stale version (409) and, once confirmed, any structural edit; reopening is possible until it is issued', async () => {
    const world = await buildPlanWorld(database);
    const plan = await world.ok<TPlanDetail>(world.post('sheng-clerk', '/api/plans/drafts', { text: SEED_1_TEXT }));
    const measure = measureNo(plan, '3');
    const mine = await world.ok<TPlanDetail>(world.put('sheng-clerk', `/api/plans/measures/${measure.id}`, { version: plan.version, title: '推进产改' }));
    // A second clerk started from the same version: refused, nothing overwritten.
    const theirs = await world.put('sheng-clerk', `/api/plans/measures/${measure.id}`, { version: plan.version, title: '产业工人队伍建设改革' });
    expect(theirs.statusCode).toBe(409);
    expect(theirs.json().error).toMatchObject({ code: 'CONFLICT', field: 'version', message: '该工作部署已被他人修改，请刷新后重试' });
    expect(measureNo(await world.ok<TPlanDetail>(world.get('sheng-clerk', `/api/plans/${plan.id}`)), '3').title).toBe('推进产改');

    // Confirming needs the current version too.
    expect((await world.post('sheng-clerk', `/api/plans/${plan.id}/confirm`, { version: plan.version })).statusCode).toBe(409);
    const confirmed = await world.ok<TPlanDetail>(world.post('sheng-clerk', `/api/plans/${plan.id}/confirm`, { version: mine.version }));
    expect(confirmed).toMatchObject({ status: 'confirmed', confirmedBy: 'sheng-clerk', viewer: { can: { editStructure: false, issue: true } } });
    const frozen = await world.put('sheng-clerk', `/api/plans/measures/${measure.id}`, { version: confirmed.version, title: '又改' });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error.message).toContain('工作部署已确认');
    expect((await world.post('sheng-clerk', `/api/plans/measures/${measure.id}/split`, { version: confirmed.version, offset: 5 })).statusCode).toBe(409);

    // An explicit revision before issuing: back to draft.
    const reopened = await world.ok<TPlanDetail>(world.post('sheng-clerk', `/api/plans/${plan.id}/reopen`, { version: confirmed.version }));
    expect(reopened.status).toBe('draft');
    await world.ok(world.post('sheng-clerk', `/api/plans/${plan.id}/confirm`, { version: reopened.version }));
  });

  it('keeps a draft inside the issuing union’s subtree: siblings and units below see nothing, readers cannot edit', async () => {
    const world = await buildPlanWorld(database);
    const cityPlan = await world.ok<TPlanDetail>(world.post('xian-clerk', '/api/plans/drafts', { text: SEED_1_TEXT }));
    expect(cityPlan.orgUnit.id).toBe(world.units.xian.id);
    // The province above sees it; a sibling city and a county below do not.
    expect((await world.get('sheng-clerk', `/api/plans/${cityPlan.id}`)).statusCode).toBe(200);
    expect((await world.get('baoji-clerk', `/api/plans/${cityPlan.id}`)).statusCode).toBe(404);
    expect((await world.get('yanta-clerk', `/api/plans/${cityPlan.id}`)).statusCode).toBe(404);
    expect((await world.ok<{ items: unknown[] }>(world.get('yanta-clerk', '/api/plans'))).items).toEqual([]);
    expect((await world.ok<{ items: { id: number; relation: string }[] }>(world.get('sheng-clerk', '/api/plans'))).items).toEqual([
      expect.objectContaining({ id: cityPlan.id, relation: 'above' }),
    ]);
    // A reviewer has no plans.write.
    expect((await world.put('yanta-reviewer', `/api/plans/${cityPlan.id}`, { version: 1, title: 'x' })).statusCode).toBe(403);
    // Drafting for a union outside one's subtree is refused, naming the field.
    const outside = await world.post('xian-clerk', '/api/plans/drafts', { text: SEED_1_TEXT, orgUnitId: world.units.baoji.id });
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.field).toBe('orgUnitId');
  });
});
