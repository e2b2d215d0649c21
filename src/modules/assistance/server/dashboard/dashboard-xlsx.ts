import ExcelJS from 'exceljs';
import { defuseCell } from '../../../../core/files/defuse-formula';
import { type ExportWatermark, headerFooterText, watermarkText } from '../../../../core/files/xlsx-export';
import { BUDGET_NOTE, type TAssistanceDashboard } from '../../dashboard-contract';

/**
 * 帮扶统计 as a workbook, one small sheet per figure the console draws:
 * 概况, 困难类别, 致困原因, 档案状态, 分地区, 资金来源, 帮扶类别, 脱困返困.
 * Built in memory like the plans status report (a regular workbook: a few
 * hundred rows at most); every cell goes through `defuseCell` (union names
 * are typed text), and the watermark (who, which union, when) is on every
 * sheet and printed page.
 */

type Column = { header: string; width: number; format?: string };
type Cell = string | number | null;

const COUNT = '#,##0';
const YUAN = '#,##0.00';
const PERCENT = '0.0%';
const HEADER_ROW = 4;

function addSheet(workbook: ExcelJS.Workbook, name: string, title: string, mark: string, columns: Column[], rows: Cell[][]) {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 0 }],
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    headerFooter: { oddHeader: headerFooterText('&L&8', `${title}  ${mark}`), oddFooter: headerFooterText('&L&8', mark, '&R&8第 &P 页，共 &N 页') },
  });
  sheet.columns = columns.map((column) => ({ width: column.width, ...(column.format ? { style: { numFmt: column.format } } : {}) }));
  sheet.getCell(1, 1).value = defuseCell(title);
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.getCell(2, 1).value = defuseCell(mark);
  sheet.getRow(2).font = { italic: true, size: 9, color: { argb: 'FF7A7F87' } };
  if (columns.length > 1) {
    sheet.mergeCells(1, 1, 1, columns.length);
    sheet.mergeCells(2, 1, 2, columns.length);
  }
  const header = sheet.getRow(HEADER_ROW);
  columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF6' } };
  });
  for (const values of rows) sheet.addRow(values.map((value) => defuseCell(value)));
  return sheet;
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);
const rate = (amount: number, budget: number) => (budget > 0 ? amount / budget : null);

export async function renderDashboardXlsx(model: TAssistanceDashboard, watermark: ExportWatermark): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '工会工作平台';
  const mark = watermarkText(watermark);
  const scope = `${model.orgUnit.name} ${model.year}年`;
  const { households: h, funds: f, monitoring: m } = model;

  const overview = addSheet(workbook, '概况', `困难职工帮扶统计（${scope}）`, mark, [{ header: '项目', width: 34 }, { header: '数值', width: 18 }, { header: '说明', width: 60 }], [
    ['统计单位', model.orgUnit.name, '本单位及全部下级工会'],
    ['统计年度', model.year, '资金、预算、脱困、返困按年度统计'],
    ['数据截至', model.asOf, '档案数、监测中户数、预警与回访为截至当日的数据'],
    ['档案总数（户）', h.total, '含建档中、已建档、脱困监测、已脱困及不予建档、已撤回'],
    ['在档困难职工家庭（户）', h.filed, '状态为“已建档”'],
    ['建档中（户）', h.inProgress, '待提交至公示中'],
    ['帮扶资金已发放（元）', f.disbursed, '已发放、已送达、已签收'],
    ['帮扶记录（条）', f.records, '已发放的记录'],
    ['已批准未发放（元）', f.approvedNotPaid, null],
    ['预算（元）', f.budget, BUDGET_NOTE],
    ['预算执行率', rate(f.disbursed, f.budget), '已发放 ÷ 预算'],
    ['本年脱困（户）', m.exits, '按脱困日期'],
    ['本年稳定脱困（户）', m.stable, '按监测期满日期'],
    ['本年返困（户）', m.returns, '按启动重新纳入审核日期'],
    ['脱困监测中（户）', m.monitoring, null],
    ['待研判返困预警（条）', m.openAlerts, null],
    ['逾期未回访（次）', m.overdueCallbacks, null],
    ['符合脱困条件待办理（户）', m.meetsExitCondition, '人均收入连续超过低保标准达到规定月数'],
  ]);
  overview.getColumn(2).alignment = { horizontal: 'right' };
  overview.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
  overview.eachRow((row, number) => {
    if (number <= HEADER_ROW) return;
    const label = String(row.getCell(1).value);
    if (label.endsWith('（元）')) row.getCell(2).numFmt = YUAN;
    else if (label.endsWith('率')) row.getCell(2).numFmt = PERCENT;
    else if (typeof row.getCell(2).value === 'number' && !label.startsWith('统计年度')) row.getCell(2).numFmt = COUNT;
  });

  const counted = (name: string, title: string, what: string, lines: { label: string; count: number }[], whole: number) =>
    addSheet(workbook, name, `${title}（${scope}）`, mark, [{ header: what, width: 26 }, { header: '户数', width: 12, format: COUNT }, { header: '占比', width: 12, format: PERCENT }], [
      ...lines.map((line) => [line.label, line.count, share(line.count, whole)]),
      ['合计', whole, whole > 0 ? 1 : null],
    ]);
  counted('困难类别', '在档困难职工家庭按困难类别', '困难类别', h.byTier, h.filed);
  counted('致困原因', '在档困难职工家庭按主要致困原因', '主要致困原因', h.byCause, h.filed);
  counted('档案状态', '困难职工档案按状态', '档案状态', h.byStatus, h.total);

  addSheet(
    workbook,
    '分地区',
    `困难职工家庭分地区统计（${scope}）`,
    mark,
    [
      { header: '单位', width: 30 },
      { header: '深度困难', width: 11, format: COUNT },
      { header: '相对困难', width: 11, format: COUNT },
      { header: '意外致困', width: 11, format: COUNT },
      { header: '在档合计', width: 11, format: COUNT },
      { header: '建档中', width: 11, format: COUNT },
      { header: '脱困监测中', width: 12, format: COUNT },
    ],
    h.byUnit.map((unit) => [unit.name, unit.deep, unit.relative, unit.accident, unit.filed, unit.inProgress, unit.monitoring]),
  );

  const funds = (name: string, what: string, lines: TAssistanceDashboard['funds']['bySource']) =>
    addSheet(
      workbook,
      name,
      `帮扶资金按${what}（${scope}）`,
      mark,
      [{ header: what, width: 20 }, { header: '已发放（元）', width: 16, format: YUAN }, { header: '记录（条）', width: 12, format: COUNT }, { header: '预算（元）', width: 16, format: YUAN }, { header: '执行率', width: 10, format: PERCENT }],
      [
        ...lines.map((line) => [line.label, line.amount, line.records, line.budget, rate(line.amount, line.budget)]),
        ['合计', f.disbursed, f.records, f.budget, rate(f.disbursed, f.budget)],
        [BUDGET_NOTE, null, null, null, null],
      ],
    );
  funds('资金来源', '资金来源', f.bySource);
  funds('帮扶类别', '帮扶类别', f.byCategory);

  addSheet(
    workbook,
    '脱困返困',
    `脱困与返困（${model.orgUnit.name}，各年度）`,
    mark,
    [{ header: '年度', width: 10 }, { header: '脱困（户）', width: 12, format: COUNT }, { header: '稳定脱困（户）', width: 14, format: COUNT }, { header: '返困（户）', width: 12, format: COUNT }],
    m.byYear.map((row) => [row.year, row.exits, row.stable, row.returns]),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
