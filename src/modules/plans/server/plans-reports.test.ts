import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachEngine, useFreshDatabase } from '../../../core/db/testing';
import type { TReportDetail } from '../contract';
import { buildZip } from './fixtures/build-fixtures';
import { buildPlanWorld, cascadedSeed1, EVIDENCE_FILES, measureNo, SEED_1_DOCX, uploadTo } from './testing/plan-world';

/**
 * Progress reports (issue 5): a county and a city report on measure 2 with
 * evidence; the union that issued the plan to them returns one with comments,
 * it is corrected and resubmitted, then accepted. Evidence is typed by
 * content and size-capped; a county never sees its sibling's reports.
 */
describeEachEngine('plans: progress reports and their review', (engine) => {
  const database = useFreshDatabase(engine);

  it('reports with evidence at a county: returned with comments by the city, corrected, resubmitted and accepted', async () => {
    const world = await buildPlanWorld(database);
    const plan = await cascadedSeed1(world);
    const measure = measureNo(plan, '2');
    const [craftsmen, talents] = measure.indicators;

    const wrongPeriod = await world.post('yanta-clerk', '/api/plans/reports', { measureId: measure.id, period: '2026-03', progress: 'on_track' });
    expect(wrongPeriod.statusCode).toBe(400);
    expect(wrongPeriod.json().error).toMatchObject({ field: 'period', message: '该措施按季度报送，期次如 2026-Q1' });
    const created = await world.post('yanta-clerk', '/api/plans/reports', {
      measureId: measure.id,
      period: '2026-Q1',
      progress: 'on_track',
      narrative: '已组织推荐，6 名候选人进入评审。',
      figures: [{ indicatorId: craftsmen!.id, value: 6 }, { indicatorId: talents!.id, value: 10 }],
    });
    expect(created.statusCode, created.body).toBe(200);
    let report = created.json() as TReportDetail;
    expect(report).toMatchObject({
      state: 'draft',
      period: '2026-Q1',
      orgUnit: { id: world.units.yanta.id, name: '雁塔区总工会' },
      reviewer: { id: world.units.xian.id, name: '西安市总工会' },
      measure: { id: measure.id, no: '2', title: '加强工匠人才培育选树' },
      canEdit: true,
      actions: [{ transition: 'submit', label: '报送', blockedBy: null }],
    });
    expect(report.figures.map((figure) => [figure.subject, figure.value])).toEqual([['三秦工匠', 6], ['陕西产业工匠人才', 10]]);
    const again = await world.post('yanta-clerk', '/api/plans/reports', { measureId: measure.id, period: '2026-Q1', progress: 'on_track' });
    expect(again.statusCode).toBe(409);

    // Evidence: a PDF is kept with its hash; an executable and an oversized file are refused in Chinese.
    const uploaded = await uploadTo(world, 'yanta-clerk', `/api/plans/reports/${report.id}/evidence`, EVIDENCE_FILES.pdf, '推荐名单.pdf');
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    report = uploaded.json();
    expect(report.evidence).toEqual([
      expect.objectContaining({ fileName: '推荐名单.pdf', kind: 'pdf', size: EVIDENCE_FILES.pdf.length, sha256: createHash('sha256').update(EVIDENCE_FILES.pdf).digest('hex'), uploadedBy: 'yanta-clerk' }),
    ]);
    const exe = await uploadTo(world, 'yanta-clerk', `/api/plans/reports/${report.id}/evidence`, EVIDENCE_FILES.exe, '名单.pdf');
    expect(exe.statusCode).toBe(400);
    expect(exe.json().error).toMatchObject({ field: 'file', message: '不支持的文件类型。佐证材料只接受 PDF、JPG/PNG 图片、Word（.docx）或 Excel（.xlsx）文件' });
    const huge = await uploadTo(world, 'yanta-clerk', `/api/plans/reports/${report.id}/evidence`, Buffer.concat([EVIDENCE_FILES.pdf, Buffer.alloc(20 * 1024 * 1024)]), '扫描件.pdf');
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', field: 'file', message: '文件超过 20 MB，请压缩或拆分后再上传' });
    const docx = await uploadTo(world, 'yanta-clerk', `/api/plans/reports/${report.id}/evidence`, SEED_1_DOCX, '通知.docx');
    const xlsx = await uploadTo(world, 'yanta-clerk', `/api/plans/reports/${report.id}/evidence`, buildZip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }]), '统计表.xlsx');
    const jpg = await uploadTo(world, 'yanta-clerk', `/api/plans/reports/${report.id}/evidence`, EVIDENCE_FILES.jpg, '现场照片.jpg');
    expect([docx, xlsx, jpg].map((response) => response.statusCode)).toEqual([200, 200, 200]);
    report = jpg.json();
    expect(report.evidence.map((file) => file.kind)).toEqual(['pdf', 'docx', 'xlsx', 'jpg']);
    // Remove the photo again while the report is a draft.
    report = await world.ok<TReportDetail>(world.del('yanta-clerk', `/api/plans/evidence/${report.evidence[3]!.id}`));
    expect(report.evidence).toHaveLength(3);

    // Submit: the evidence goes with the step.
    report = await world.ok<TReportDetail>(world.post('yanta-clerk', `/api/plans/reports/${report.id}/submit`, { version: report.version }));
    expect(report).toMatchObject({ state: 'submitted', canEdit: false, actions: [] });
    expect(report.history.at(-1)).toMatchObject({ label: '报送', toState: 'submitted', actor: 'yanta-clerk', actorOrg: '雁塔区总工会' });
    expect(report.history.at(-1)!.evidence.map((file) => file.name)).toEqual(['推荐名单.pdf', '通知.docx', '统计表.xlsx']);
    expect((await world.put('yanta-clerk', `/api/plans/reports/${report.id}`, { version: report.version, narrative: '改' })).statusCode).toBe(409);

    // Review: 西安 (which issued it to 雁塔) sees it in its queue; the province is above but did not issue it to 雁塔.
    const queue = await world.ok<{ items: { id: number }[] }>(world.get('xian-head', `/api/plans/${plan.id}/reports?box=toReview`));
    expect(queue.items.map((item) => item.id)).toEqual([report.id]);
    const asReviewer = await world.ok<TReportDetail>(world.get('xian-head', `/api/plans/reports/${report.id}`));
    expect(asReviewer.actions.map((action) => [action.transition, action.commentRequired, action.blockedBy])).toEqual([
      ['accept', false, null],
      ['return', true, null],
    ]);
    const byProvince = await world.post('sheng-head', `/api/plans/reports/${report.id}/accept`, { version: report.version });
    expect(byProvince.statusCode).toBe(409);
    expect(byProvince.json().error.message).toBe('须由下发单位「西安市总工会」审核');
    expect((await world.post('xian-clerk', `/api/plans/reports/${report.id}/accept`, { version: report.version })).statusCode).toBe(403);
    const noComment = await world.post('xian-head', `/api/plans/reports/${report.id}/return`, { version: report.version });
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json().error).toMatchObject({ field: 'comment', message: '请填写退回意见' });
    report = await world.ok<TReportDetail>(world.post('xian-head', `/api/plans/reports/${report.id}/return`, { version: report.version, comment: '请补充候选人名单的公示材料。' }));
    expect(report.state).toBe('returned');
    expect(report.history.at(-1)).toMatchObject({ label: '退回', comment: '请补充候选人名单的公示材料。', actor: 'xian-head', actorOrg: '西安市总工会' });

    // Corrected and resubmitted; a stale version is refused.
    const stale = await world.put('yanta-clerk', `/api/plans/reports/${report.id}`, { version: report.version - 1, narrative: '旧' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toBe('该进展报告已被他人修改或已办理，请刷新后重试');
    report = await world.ok<TReportDetail>(world.put('yanta-clerk', `/api/plans/reports/${report.id}`, { version: report.version, narrative: '已公示，8 名候选人。', figures: [{ indicatorId: craftsmen!.id, value: 8 }] }));
    expect(report.figures.map((figure) => [figure.subject, figure.value])).toEqual([['三秦工匠', 8]]);
    report = await world.ok<TReportDetail>(uploadTo(world, 'yanta-clerk', `/api/plans/reports/${report.id}/evidence`, EVIDENCE_FILES.jpg, '公示照片.jpg'));
    report = await world.ok<TReportDetail>(world.post('yanta-clerk', `/api/plans/reports/${report.id}/submit`, { version: report.version }));
    report = await world.ok<TReportDetail>(world.post('xian-head', `/api/plans/reports/${report.id}/accept`, { version: report.version, comment: '同意。' }));
    expect(report).toMatchObject({ state: 'accepted', acceptedAt: world.clock.now().toISOString(), actions: [] });
    expect(report.history.map((step) => step.label)).toEqual(['发起进展报告', '报送', '退回', '报送', '采纳']);
    expect(report.history[3]!.evidence.map((file) => file.name)).toEqual(['推荐名单.pdf', '通知.docx', '统计表.xlsx', '公示照片.jpg']);
    expect((await world.post('yanta-clerk', `/api/plans/reports/${report.id}/submit`, { version: report.version })).statusCode).toBe(409);
    const events = await world.events('workflow.step');
    expect(events.map((event) => (event.details as { transition: string }).transition)).toEqual(['submit', 'return', 'submit', 'accept']);
  });

  it('lets the reporting union and those above download evidence (audited), never a sibling; a county never sees another county’s reports', async () => {
    const world = await buildPlanWorld(database);
    const plan = await cascadedSeed1(world);
    const measure = measureNo(plan, '2');
    const yanta = await world.ok<TReportDetail>(world.post('yanta-clerk', '/api/plans/reports', { measureId: measure.id, period: '2026-Q1', progress: 'at_risk', narrative: '候选人不足' }));
    const withFile = await world.ok<TReportDetail>(uploadTo(world, 'yanta-clerk', `/api/plans/reports/${yanta.id}/evidence`, EVIDENCE_FILES.pdf, '情况说明.pdf'));
    const beilin = await world.ok<TReportDetail>(world.post('beilin-clerk', '/api/plans/reports', { measureId: measure.id, period: '2026-Q1', progress: 'on_track' }));
    // The city reports to the province with its own evidence; the province accepts it.
    let city = await world.ok<TReportDetail>(world.post('xian-clerk', '/api/plans/reports', { measureId: measure.id, period: '2026-Q1', progress: 'on_track' }));
    expect(city.reviewer).toEqual({ id: world.units.province.id, name: '陕西省总工会' });
    city = await world.ok<TReportDetail>(uploadTo(world, 'xian-clerk', `/api/plans/reports/${city.id}/evidence`, EVIDENCE_FILES.jpg, '市级评审会.jpg'));
    city = await world.ok<TReportDetail>(world.post('xian-clerk', `/api/plans/reports/${city.id}/submit`, { version: city.version }));
    // Nobody reviews their own union's report.
    const ownReview = await world.post('xian-head', `/api/plans/reports/${city.id}/accept`, { version: city.version });
    expect([ownReview.statusCode, ownReview.json().error.message]).toEqual([403, '“采纳”须由上级工会办理']);
    city = await world.ok<TReportDetail>(world.post('sheng-head', `/api/plans/reports/${city.id}/accept`, { version: city.version }));
    expect(city).toMatchObject({ state: 'accepted', evidence: [expect.objectContaining({ kind: 'jpg', fileName: '市级评审会.jpg' })] });
    // A county sees neither its city's report nor its evidence.
    expect((await world.get('yanta-clerk', `/api/plans/reports/${city.id}`)).statusCode).toBe(404);
    expect((await world.get('yanta-clerk', `/api/plans/evidence/${city.evidence[0]!.id}`)).statusCode).toBe(404);

    const fileId = withFile.evidence[0]!.id;
    const download = await world.get('xian-head', `/api/plans/evidence/${fileId}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain(encodeURIComponent('情况说明.pdf'));
    expect(download.rawPayload.equals(EVIDENCE_FILES.pdf)).toBe(true);
    expect((await world.get('sheng-head', `/api/plans/evidence/${fileId}`)).statusCode).toBe(200);
    expect((await world.get('beilin-clerk', `/api/plans/evidence/${fileId}`)).statusCode).toBe(404);
    expect((await world.get('baoji-clerk', `/api/plans/evidence/${fileId}`)).statusCode).toBe(404);
    const downloads = await world.events('plans.evidence.download');
    expect(downloads.map((event) => [event.actor_login, event.category])).toEqual([
      ['xian-head', 'export'],
      ['sheng-head', 'export'],
    ]);

    // Sibling counties: each sees its own report only; the city sees both and its own; 宝鸡 sees none of them.
    const ids = async (login: string) => (await world.ok<{ items: { id: number }[] }>(world.get(login, `/api/plans/${plan.id}/reports`))).items.map((item) => item.id).sort();
    expect(await ids('beilin-clerk')).toEqual([beilin.id]);
    expect(await ids('yanta-clerk')).toEqual([yanta.id]);
    expect(await ids('xian-clerk')).toEqual([yanta.id, beilin.id, city.id].sort());
    expect(await ids('baoji-clerk')).toEqual([]);
    expect((await world.get('beilin-clerk', `/api/plans/reports/${yanta.id}`)).statusCode).toBe(404);
    expect((await world.put('beilin-clerk', `/api/plans/reports/${yanta.id}`, { version: yanta.version, narrative: 'x' })).statusCode).toBe(404);
    // Above the reporter but not the reporter: reads, cannot edit its report.
    expect((await world.put('xian-clerk', `/api/plans/reports/${yanta.id}`, { version: withFile.version, narrative: 'x' })).statusCode).toBe(403);
    // A grassroots union the plan never reached sees nothing at all.
    expect((await world.get('jiceng-clerk', `/api/plans/${plan.id}/reports`)).statusCode).toBe(404);
    expect((await world.post('jiceng-clerk', '/api/plans/reports', { measureId: measure.id, period: '2026-Q1', progress: 'on_track' })).statusCode).toBe(404);
    // The province, which owns the plan, does not report on it.
    const owner = await world.post('sheng-clerk', '/api/plans/reports', { measureId: measure.id, period: '2026-Q1', progress: 'on_track' });
    expect(owner.statusCode).toBe(409);
    expect(owner.json().error.message).toContain('发文单位不报送进展');
  });
});
