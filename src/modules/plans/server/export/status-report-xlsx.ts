import ExcelJS from 'exceljs';
import { defuseCell } from '../../../../core/files/defuse-formula';
import { headerFooterText } from '../../../../core/files/xlsx-export';
import type { TTrafficLight } from '../../contract';
import type { StatusReportModel } from './status-report-model';

/**
 * The status report as a workbook: 汇总 (by section), 措施进展 (one row per
 * measure × union, and per indicator when a measure has several), 单位排名,
 * 督办清单 (overdue and at-risk). Each sheet has a title block, a bold header
 * row that stays frozen on screen and repeats on every printed page, widths
 * and number formats, and A4 print setup (landscape where the sheet is wide).
 *
 * Built in memory (not with the streaming writer of core/files): print titles
 * are workbook-level defined names, which exceljs writes only from a regular
 * workbook; a plan of 1,500 measures × 20 unions is ≈ 30,000 rows, a few MB.
 * Every text cell goes through `defuseCell`: titles and narratives are typed
 * or parsed text and must not become formulas.
 */

type Column = { header: string; width: number; format?: string };

const PERCENT = '0.0%';
const NUMBER = '#,##0.##';
const HEADER_FILL = 'FFE8EEF6';
const LIGHT_COLOURS: Record<TTrafficLight, string> = { green: 'FF389E0D', amber: 'FFD48806', red: 'FFCF1322' };
const A4 = 9;

/** Completion in the model is a percentage (42.5); cells hold the fraction, formatted as a percentage. */
const fraction = (percent: number | null) => (percent === null ? null : Math.round(percent * 10) / 1000);

function addSheet(workbook: ExcelJS.Workbook, model: StatusReportModel, name: string, title: string, columns: Column[], orientation: 'portrait' | 'landscape') {
  const headerRow = 4;
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }],
    pageSetup: {
      paperSize: A4,
      orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${headerRow}:${headerRow}`,
      horizontalCentered: true,
      margins: { left: 0.6, right: 0.6, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    },
    headerFooter: {
      oddHeader: headerFooterText('&C&9', `${model.header.title}（${name}）`),
      oddFooter: headerFooterText('&L&8', `${model.header.unit.name} · 截至 ${model.header.asOfText}`, '&R&8第 &P 页，共 &N 页'),
    },
  });
  sheet.columns = columns.map((column) => ({ width: column.width, ...(column.format ? { style: { numFmt: column.format } } : {}) }));
  const titleRow = sheet.getRow(1);
  titleRow.getCell(1).value = defuseCell(title);
  titleRow.font = { bold: true, size: 14 };
  titleRow.height = 24;
  const meta = [model.header.docNumber ? `依据：${model.header.planTitle}（${model.header.docNumber}）` : `依据：${model.header.planTitle}`, `汇总单位：${model.header.unit.name}`, `截至：${model.header.asOfText}`];
  const metaRow = sheet.getRow(2);
  metaRow.getCell(1).value = defuseCell(meta.join('    '));
  metaRow.font = { size: 9, color: { argb: 'FF595959' } };
  sheet.mergeCells(1, 1, 1, columns.length);
  sheet.mergeCells(2, 1, 2, columns.length);
  const header = sheet.getRow(headerRow);
  columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF9AA5B1' } } };
  });
  header.height = 30;
  return sheet;
}

function addRow(sheet: ExcelJS.Worksheet, values: unknown[], light?: { column: number; light: TTrafficLight }) {
  const row = sheet.addRow(values.map((value) => defuseCell(value)));
  if (light) row.getCell(light.column).font = { bold: true, color: { argb: LIGHT_COLOURS[light.light] } };
  return row;
}

function summarySheet(workbook: ExcelJS.Workbook, model: StatusReportModel) {
  const sheet = addSheet(
    workbook,
    model,
    '汇总',
    `${model.header.title} — 各部分完成情况`,
    [
      { header: '序号', width: 6 },
      { header: '部分', width: 40 },
      { header: '措施数', width: 9, format: '0' },
      { header: '平均完成率', width: 12, format: PERCENT },
      { header: '正常', width: 8, format: '0' },
      { header: '预警', width: 8, format: '0' },
      { header: '滞后', width: 8, format: '0' },
      { header: '逾期', width: 8, format: '0' },
      { header: '存在风险', width: 10, format: '0' },
    ],
    'portrait',
  );
  model.sections.forEach((section, index) => {
    addRow(sheet, [index + 1, section.label, section.measureCount, fraction(section.completion), section.counts.green, section.counts.amber, section.counts.red, section.overdue, section.atRisk]);
  });
  const { summary } = model;
  const total = addRow(sheet, [null, '合计', summary.measures, fraction(summary.completion), summary.counts.green, summary.counts.amber, summary.counts.red, summary.overdue, summary.atRisk]);
  total.font = { bold: true };
  total.eachCell((cell) => {
    cell.border = { top: { style: 'thin' } };
  });
  sheet.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
}

function measureSheet(workbook: ExcelJS.Workbook, model: StatusReportModel) {
  const sheet = addSheet(
    workbook,
    model,
    '措施进展',
    `${model.header.title} — 各项措施进展`,
    [
      { header: '部分', width: 18 },
      { header: '序号', width: 6 },
      { header: '措施', width: 36 },
      { header: '牵头部门', width: 12 },
      { header: '完成时限', width: 11 },
      { header: '单位', width: 18 },
      { header: '状态', width: 7 },
      { header: '状态说明', width: 26 },
      { header: '措施完成率', width: 10, format: PERCENT },
      { header: '推进情况', width: 10 },
      { header: '指标', width: 18 },
      { header: '计量单位', width: 8 },
      { header: '目标', width: 9, format: NUMBER },
      { header: '已分解', width: 9, format: NUMBER },
      { header: '完成', width: 9, format: NUMBER },
      { header: '指标完成率', width: 10, format: PERCENT },
      { header: '最新报告期', width: 10 },
      { header: '进展摘要', width: 44 },
    ],
    'landscape',
  );
  for (const section of model.sections) {
    for (const measure of section.measures) {
      for (const line of measure.units) {
        const base = [
          measure.sectionLabel,
          measure.no,
          measure.title,
          measure.leadDepartment,
          measure.deadline,
          line.isSelf && measure.units.length > 1 ? `${line.name}（合计）` : line.name,
          line.lightLabel,
          line.reason,
          fraction(line.completion),
          line.progressLabel,
        ];
        const tail = [line.latestPeriod, line.narrative];
        const indicators = line.indicators.length > 0 ? line.indicators : [null];
        for (const indicator of indicators) {
          const figures = indicator
            ? [indicator.isLive ? `${indicator.label}（实时）` : indicator.label, indicator.unit, indicator.target, indicator.allocated, indicator.achieved, fraction(indicator.completion)]
            : ['定性任务', null, null, null, null, null];
          const row = addRow(sheet, [...base, ...figures, ...tail], { column: 7, light: line.light });
          if (line.isSelf) row.getCell(6).font = { bold: true };
        }
      }
    }
  }
  for (const column of [1, 3, 8, 18]) sheet.getColumn(column).alignment = { wrapText: true, vertical: 'top' };
  sheet.autoFilter = { from: { row: 4, column: 1 }, to: { row: 4, column: 18 } };
}

function rankingSheet(workbook: ExcelJS.Workbook, model: StatusReportModel) {
  const sheet = addSheet(
    workbook,
    model,
    '单位排名',
    `${model.header.title} — 单位排名`,
    [
      { header: '名次', width: 6, format: '0' },
      { header: '单位', width: 28 },
      { header: '平均完成率', width: 12, format: PERCENT },
      { header: '正常', width: 8, format: '0' },
      { header: '预警', width: 8, format: '0' },
      { header: '滞后', width: 8, format: '0' },
      { header: '逾期', width: 8, format: '0' },
      { header: '签收', width: 8 },
    ],
    'portrait',
  );
  for (const rank of model.ranking) {
    addRow(sheet, [rank.rank, rank.name, fraction(rank.completion), rank.counts.green, rank.counts.amber, rank.counts.red, rank.overdue, rank.acknowledged ? '已签收' : '未签收']);
  }
}

function alertSheet(workbook: ExcelJS.Workbook, model: StatusReportModel) {
  const sheet = addSheet(
    workbook,
    model,
    '督办清单',
    `${model.header.title} — 逾期和存在风险的措施`,
    [
      { header: '类别', width: 9 },
      { header: '措施', width: 40 },
      { header: '单位', width: 20 },
      { header: '完成时限', width: 11 },
      { header: '状态', width: 7 },
      { header: '原因', width: 36 },
    ],
    'landscape',
  );
  for (const alert of model.alerts) addRow(sheet, [alert.kindLabel, alert.measureLabel, alert.unitName, alert.deadline, alert.light === 'red' ? '滞后' : '预警', alert.reason], { column: 5, light: alert.light });
  sheet.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
}

/** The workbook's bytes. */
export async function renderStatusReportXlsx(model: StatusReportModel): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '工会工作平台';
  workbook.title = model.header.title;
  summarySheet(workbook, model);
  measureSheet(workbook, model);
  rankingSheet(workbook, model);
  alertSheet(workbook, model);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
