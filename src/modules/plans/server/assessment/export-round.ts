import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { beijingDateStamp } from '../../../../core/files/beijing-time';
import { defuseCell } from '../../../../core/files/defuse-formula';
import { watermarkText } from '../../../../core/files/xlsx-export';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import { ROUND_STATUS_LABELS, type TScoreSheet } from '../../assessment-contract';
import { roundSheets } from './round-sheets';
import { loadRound } from './scheme-access';

type Column = { header: string; width: number };

/** Adds a sheet: title, watermark, bold frozen header, rows (every cell defused: no formula reaches Excel). */
function addTable(workbook: ExcelJS.Workbook, name: string, title: string, mark: string, columns: Column[], rows: unknown[][]): void {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 3 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    headerFooter: { oddFooter: `&L&8${mark.replaceAll('&', '&&').slice(0, 200)}&R&8第 &P 页，共 &N 页` },
  });
  sheet.columns = columns.map((column) => ({ width: column.width }));
  sheet.addRow([defuseCell(title)]).font = { bold: true, size: 14 };
  sheet.addRow([defuseCell(mark)]).font = { italic: true, size: 9, color: { argb: 'FF7A7F87' } };
  sheet.mergeCells(1, 1, 1, columns.length);
  sheet.mergeCells(2, 1, 2, columns.length);
  const header = sheet.addRow(columns.map((column) => column.header));
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF6' } };
  });
  for (const row of rows) sheet.addRow(row.map(defuseCell));
}

/** The long table: one row per item of every union (dimension and union totals on their own rows). */
function detailRows(sheets: TScoreSheet[]): unknown[][] {
  const rows: unknown[][] = [];
  for (const sheet of sheets) {
    for (const dimension of sheet.dimensions) {
      for (const item of dimension.items) {
        rows.push([sheet.orgUnit.name, dimension.title, item.title, item.weight, item.computed, item.adjustment, item.reason ?? '', item.final, item.rules.map((rule) => `${rule.title}：${rule.basis}（${rule.score} 分）`).join('；')]);
      }
      rows.push([sheet.orgUnit.name, dimension.title, '维度小计', dimension.weight, dimension.computed, dimension.adjustment, '', dimension.final, '']);
    }
    rows.push([sheet.orgUnit.name, '合计', '', null, sheet.computed, sheet.adjustment, '', sheet.total, sheet.rank === null ? '' : `第 ${sheet.rank} 名`]);
  }
  return rows;
}

/**
 * 导出考核结果 (.xlsx): 排名 (one row per union: rank, total, each
 * dimension) and 评分明细 (every item of every union: weight, computed,
 * adjustment, reason, final, how it was scored) — what a union office hands
 * its leaders. Only the unions the caller may see; watermarked; audited with
 * the file's hash.
 */
export async function exportRound(ctx: RequestContext, roundId: number) {
  const user = requireUser(ctx);
  const { round, scheme } = await loadRound(ctx, roundId);
  const { asOf, sheets } = await roundSheets(ctx, scheme, round);
  const at = ctx.now();
  const mark = `${watermarkText({ user: `${user.account.name}（${user.account.login}）`, org: user.org.name, at })} 数据截至：${asOf.slice(0, 10)}（${ROUND_STATUS_LABELS[round.status]}）`;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '工会工作平台';
  const title = `${scheme.title} · ${round.title}`;
  const dimensions = scheme.tree;
  const shownDimensions = sheets[0]?.dimensions ?? dimensions.map((dimension) => ({ key: dimension.key, title: dimension.title, weight: dimension.weight }));
  addTable(
    workbook,
    '排名',
    `${title} · 排名`,
    mark,
    [{ header: '名次', width: 8 }, { header: '单位', width: 28 }, ...shownDimensions.map((dimension) => ({ header: `${dimension.title}（${dimension.weight}分）`, width: 16 })), { header: '计算得分', width: 12 }, { header: '调整', width: 10 }, { header: '总分', width: 10 }],
    sheets.map((sheet) => [sheet.rank, sheet.orgUnit.name, ...sheet.dimensions.map((dimension) => dimension.final), sheet.computed, sheet.adjustment, sheet.total]),
  );
  addTable(
    workbook,
    '评分明细',
    `${title} · 评分明细`,
    mark,
    [
      { header: '单位', width: 24 },
      { header: '考核维度', width: 18 },
      { header: '考核项目', width: 28 },
      { header: '分值', width: 8 },
      { header: '计算得分', width: 10 },
      { header: '调整', width: 8 },
      { header: '调整理由', width: 28 },
      { header: '最终得分', width: 10 },
      { header: '计分依据', width: 60 },
    ],
    detailRows(sheets),
  );
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  const sha256 = createHash('sha256').update(buffer).digest('hex');
  await ctx.audit({ action: 'plans.assessment.export', category: 'export', targetType: 'plans_assessment_round', targetId: round.id, details: { units: sheets.length, status: round.status, sha256, bytes: buffer.length } });
  const stamp = beijingDateStamp(at);
  return { file: { buffer, rowCount: sheets.length, sha256, bytes: buffer.length }, fileName: `考核结果-${scheme.title}-${round.title}-${stamp}.xlsx`, asciiFileName: `assessment-${round.id}-${stamp}.xlsx`, truncated: false };
}
