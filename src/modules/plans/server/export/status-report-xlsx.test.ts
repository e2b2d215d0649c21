import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildStatusReportModel } from './status-report-model';
import { renderStatusReportXlsx } from './status-report-xlsx';
import { sampleStatusReportInput } from './testing/sample-status-report';

async function open(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

/** A row's values from column 1 to `count` (an empty cell is null). */
const cells = (sheet: ExcelJS.Worksheet, row: number, count: number) => Array.from({ length: count }, (_, index) => sheet.getRow(row).getCell(index + 1).value);

describe('renderStatusReportXlsx', () => {
  // 2 sections × 3 measures, issued to 2 unions: measures 3 and 6 are qualitative.
  const input = sampleStatusReportInput({ sections: 2, measuresPerSection: 3, units: 2 });
  const model = buildStatusReportModel(input);

  it('writes four sheets with Chinese names, a title block and a frozen header row that repeats on every printed page', async () => {
    const workbook = await open(await renderStatusReportXlsx(model));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['汇总', '措施进展', '单位排名', '督办清单']);
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1, printTitlesRow: '4:4' });
      expect(String(sheet.getCell('A1').value)).toContain('关于《2026年全省工会工作要点》落实情况的通报');
      expect(String(sheet.getCell('A2').value)).toBe('依据：2026年全省工会工作要点（陕工办发〔2026〕3号）    汇总单位：陕西省总工会    截至：2026年7月5日');
    }
    expect(workbook.getWorksheet('措施进展')!.pageSetup.orientation).toBe('landscape');
    expect(workbook.getWorksheet('汇总')!.pageSetup.orientation).toBe('portrait');
  });

  it('puts one summary row per section and a total, completion as a percentage cell', async () => {
    const sheet = (await open(await renderStatusReportXlsx(model))).getWorksheet('汇总')!;
    expect(cells(sheet, 4, 9)).toEqual(['序号', '部分', '措施数', '平均完成率', '正常', '预警', '滞后', '逾期', '存在风险']);
    expect(sheet.getCell('B5').value).toBe('一、第1部分重点工作');
    expect(sheet.getCell('C5').value).toBe(3);
    expect(sheet.getCell('B7').value).toBe('合计');
    expect(sheet.getCell('C7').value).toBe(6);
    // The plan's mean completion 61.4 % is the fraction 0.614 shown as 61.4%.
    expect(sheet.getCell('D7').value).toBe(0.614);
    expect(sheet.getCell('D7').numFmt).toBe('0.0%');
  });

  it('writes one row per measure × union (and per indicator), the reporting union first with what it passed on', async () => {
    const sheet = (await open(await renderStatusReportXlsx(model))).getWorksheet('措施进展')!;
    // 6 measures × (province + 2 cities) = 18 rows after the header.
    expect(sheet.rowCount).toBe(4 + 18);
    const own = input.rollup.measures[0]!;
    const indicator = own.indicators[0]!;
    const values = cells(sheet, 5, 18);
    expect(values.slice(0, 7)).toEqual(['一、第1部分重点工作', '1', own.title, null, '2026-12-31', '陕西省总工会（合计）', '正常']);
    expect(values.slice(10, 16)).toEqual(['三秦工匠（不少于）', '人', indicator.at.target, indicator.at.allocated, indicator.at.achieved, Math.round(indicator.at.completion! * 10) / 1000]);
    expect(sheet.getRow(5).getCell(16).numFmt).toBe('0.0%');
    // The first city's row: its own share, nothing "passed on", its latest narrative.
    const city = cells(sheet, 6, 18);
    expect(city[5]).toBe('西安市总工会');
    expect(city[12]).toBe(indicator.children[0]!.target);
    expect(city[13]).toBeNull();
    expect(city[16]).toBe('2026-Q2');
    expect(String(city[17])).toContain('西安市总工会召开专题会议部署落实');
    // Measure 3 is qualitative: one row per union saying so.
    expect(sheet.getRow(11).getCell(11).value).toBe('定性任务');
  });

  it('ranks the unions and lists what to chase', async () => {
    const workbook = await open(await renderStatusReportXlsx(model));
    const ranking = workbook.getWorksheet('单位排名')!;
    expect(cells(ranking, 5, 8)).toEqual([1, '西安市总工会', 0.9, 10, 3, 2, 1, '已签收']);
    const alerts = workbook.getWorksheet('督办清单')!;
    expect(alerts.rowCount).toBe(4 + model.alerts.length);
    expect(alerts.getCell('A5').value).toBe('逾期');
  });

  it('defuses text that a spreadsheet would take for a formula', async () => {
    const hostile = sampleStatusReportInput({ sections: 1, measuresPerSection: 1, units: 1 });
    hostile.rollup.measures[0]!.title = '=HYPERLINK("http://x","点击")';
    const sheet = (await open(await renderStatusReportXlsx(buildStatusReportModel(hostile)))).getWorksheet('措施进展')!;
    expect(sheet.getCell('C5').value).toBe('\'=HYPERLINK("http://x","点击")');
  });
});
