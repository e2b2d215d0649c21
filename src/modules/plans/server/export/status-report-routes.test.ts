import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { describeEachEngine, useFreshDatabase } from '../../../../core/db/testing';
import type { TReportDetail } from '../../contract';
import { buildPlanWorld, cascadedSeed1, measureNo, type PlanWorld } from '../testing/plan-world';
import { readPdfBack } from './testing/read-pdf-back';

/**
 * GET /api/plans/:id/status-report.xlsx and .pdf through HTTP with real
 * sessions: seed 1 cascaded province → 西安, 宝鸡; 西安 → 雁塔, 碑林. 40 三秦工匠
 * (measure 2): 西安 25 + 宝鸡 10 allocated; accepted figures 雁塔 4 (Q1, 10
 * March) then 9 (Q2, 5 July), 西安 5 — so 14 at the province on 5 July, 9 as of
 * 1 July (雁塔's Q2 figure was accepted later).
 */
describeEachEngine('plans: status report export', (engine) => {
  const database = useFreshDatabase(engine);

  async function report(world: PlanWorld, login: string, reviewer: string, body: object) {
    let detail = await world.ok<TReportDetail>(world.post(login, '/api/plans/reports', body));
    detail = await world.ok<TReportDetail>(world.post(login, `/api/plans/reports/${detail.id}/submit`, { version: detail.version }));
    return world.ok<TReportDetail>(world.post(reviewer, `/api/plans/reports/${detail.id}/accept`, { version: detail.version }));
  }

  async function scenario(world: PlanWorld) {
    const { units } = world;
    const plan = await cascadedSeed1(world);
    const m2 = measureNo(plan, '2');
    const craftsmen = m2.indicators[0]!;
    await world.ok(world.put('sheng-clerk', `/api/plans/indicators/${craftsmen.id}/allocations`, { allocations: [{ orgUnitId: units.xian.id, value: 25 }, { orgUnitId: units.baoji.id, value: 10 }] }));
    await report(world, 'yanta-clerk', 'xian-head', { measureId: m2.id, period: '2026-Q1', progress: 'on_track', figures: [{ indicatorId: craftsmen.id, value: 4 }] });
    await report(world, 'xian-clerk', 'sheng-head', { measureId: m2.id, period: '2026-Q1', progress: 'on_track', narrative: '西安市已完成首批推荐，报送5名候选人。', figures: [{ indicatorId: craftsmen.id, value: 5 }] });
    world.advanceTo('2026-07-05T09:00:00+08:00');
    await report(world, 'yanta-clerk', 'xian-head', { measureId: m2.id, period: '2026-Q2', progress: 'on_track', figures: [{ indicatorId: craftsmen.id, value: 9 }] });
    return { plan, m2 };
  }

  const openXlsx = async (body: Buffer) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    return workbook;
  };
  /** The province's own row of a measure on the measure sheet: [target, allocated, achieved]. */
  const provinceFigures = (workbook: ExcelJS.Workbook, title: string) => {
    const sheet = workbook.getWorksheet('措施进展')!;
    for (let row = 5; row <= sheet.rowCount; row++) {
      const cells = sheet.getRow(row);
      if (cells.getCell(3).value === title && cells.getCell(6).value === '陕西省总工会（合计）') return [13, 14, 15].map((column) => cells.getCell(column).value);
    }
    throw new Error(`no row for ${title}`);
  };

  it('exports the province’s status report as .xlsx with a Chinese file name, audited with the file’s hash', async () => {
    const world = await buildPlanWorld(database);
    const { plan, m2 } = await scenario(world);
    const response = await world.get('sheng-head', `/api/plans/${plan.id}/status-report.xlsx`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const disposition = String(response.headers['content-disposition']);
    expect(disposition).toContain(`filename="plan-${plan.id}-status-report-20260705.xlsx"`);
    const encoded = /filename\*=UTF-8''(.+)$/.exec(disposition)![1]!;
    expect(decodeURIComponent(encoded)).toBe(`${plan.meta.title}-落实情况-陕西省总工会-20260705.xlsx`);

    const workbook = await openXlsx(response.rawPayload);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['汇总', '措施进展', '单位排名', '督办清单']);
    expect(String(workbook.getWorksheet('汇总')!.getCell('A1').value)).toBe(`关于《${plan.meta.title}》落实情况的通报 — 各部分完成情况`);
    // 40 to do, 35 passed on, 9 (雁塔) + 5 (西安) achieved.
    expect(provinceFigures(workbook, m2.title)).toEqual([40, 35, 14]);
    const ranking = workbook.getWorksheet('单位排名')!;
    expect([ranking.getCell('B5').value, ranking.getCell('B6').value]).toEqual(['西安市总工会', '宝鸡市总工会']);

    const [event] = await world.events('plans.export-status-report');
    expect(event).toMatchObject({ category: 'export', target_type: 'plans_plan', target_id: String(plan.id) });
    expect(event!.details).toMatchObject({ format: 'xlsx', asOf: '2026-07-05', measures: 15, sha256: response.headers['x-content-sha256'] });
  });

  it('counts only what was accepted by the as-of day', async () => {
    const world = await buildPlanWorld(database);
    const { plan, m2 } = await scenario(world);
    const response = await world.get('sheng-head', `/api/plans/${plan.id}/status-report.xlsx?asOf=2026-07-01`);
    expect(response.statusCode).toBe(200);
    // 雁塔's Q2 figure (9) was accepted on 5 July: as of 1 July its Q1 figure (4) stands.
    expect(provinceFigures(await openXlsx(response.rawPayload), m2.title)).toEqual([40, 35, 9]);
    expect(String(response.headers['content-disposition'])).toContain('20260701');
  });

  it('exports 西安’s report to the province as a PDF: A4, readable text, its own subtree', async () => {
    const world = await buildPlanWorld(database);
    const { plan, m2 } = await scenario(world);
    const response = await world.get('xian-clerk', `/api/plans/${plan.id}/status-report.pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(String(response.headers['content-disposition']))![1]!)).toBe(`${plan.meta.title}-落实情况-西安市总工会-20260705.pdf`);
    const { pages } = await readPdfBack(response.rawPayload);
    for (const page of pages) expect([Math.round(page.width), Math.round(page.height)]).toEqual([595, 842]);
    const text = pages.map((page) => page.text.replace(/\s+/g, '')).join('');
    expect(text).toContain(`关于《${plan.meta.title}》落实情况的报告`.replace(/\s+/g, ''));
    expect(text).toContain('陕西省总工会：');
    expect(text).toContain(m2.title.replace(/\s+/g, '').slice(0, 10));
    // 西安's share 25; 9 (雁塔) + 5 (西安) achieved in its subtree.
    expect(text).toContain('完成14/目标25人');
    expect(text).toContain('雁塔区总工会');
    expect(text).not.toContain('宝鸡市总工会');
    expect(text).toContain('西安市总工会2026年7月5日');
  });

  it('refuses unions outside the caller’s subtree, plans the caller cannot see and days to come', async () => {
    const world = await buildPlanWorld(database);
    const { units } = world;
    const { plan } = await scenario(world);
    // A city exports its own subtree only.
    for (const format of ['xlsx', 'pdf']) {
      const sibling = await world.get('xian-clerk', `/api/plans/${plan.id}/status-report.${format}?orgUnitId=${units.baoji.id}`);
      expect(sibling.statusCode).toBe(404);
      expect(sibling.json().error.field).toBe('orgUnitId');
      expect((await world.get('xian-clerk', `/api/plans/${plan.id}/status-report.${format}?orgUnitId=${units.province.id}`)).statusCode).toBe(404);
    }
    // 咸阳 never received the plan.
    expect((await world.get('xianyang-clerk', `/api/plans/${plan.id}/status-report.pdf`)).statusCode).toBe(404);
    const future = await world.get('sheng-head', `/api/plans/${plan.id}/status-report.pdf?asOf=2026-07-06`);
    expect(future.statusCode).toBe(400);
    expect(future.json().error).toMatchObject({ field: 'asOf', message: '截至日期不能晚于今天（2026-07-05）' });
    expect((await world.get('sheng-head', `/api/plans/${plan.id}/status-report.pdf?asOf=2026-02-30`)).json().error.field).toBe('asOf');
    // Nothing refused was audited as an export.
    expect(await world.events('plans.export-status-report')).toEqual([]);
  });
});
