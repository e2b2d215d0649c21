import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { headerFooterText, watermarkText, writeXlsxExport, type XlsxExportOptions } from './xlsx-export';

const watermark = { user: '张卫东（sheng）', org: '陕西省总工会', at: new Date('2026-11-21T01:05:00Z'), purpose: '年度审计 & 检查' };
const columns = [
  { key: 'name', header: '名称', width: 20 },
  { key: 'note', header: '备注' },
  { key: 'count', header: '人数', width: 8 },
];

async function exportToBuffer(options: Omit<XlsxExportOptions, 'output'>) {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const result = await writeXlsxExport({ ...options, output });
  return { result, buffer: Buffer.concat(chunks) };
}

async function readBack(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

describe('writeXlsxExport', () => {
  it('writes title, watermark, header and defused data cells', async () => {
    const { result, buffer } = await exportToBuffer({
      sheetName: '测试',
      title: '测试导出',
      columns,
      watermark,
      rows: [
        { name: '=1+1', note: '@SUM(A1)', count: 12 },
        { name: '+8613', note: '-5', count: -3 },
        { name: '\tTAB', note: '\rCR', count: 0 },
        { name: '西安市总工会', note: null, count: 1.5 },
      ],
    });
    expect(result.rowCount).toBe(4);
    const sheet = await readBack(buffer);
    expect(sheet.name).toBe('测试');
    expect(sheet.getCell('A1').value).toBe('测试导出');
    expect(sheet.getCell('A2').value).toBe('导出人：张卫东（sheng） 单位：陕西省总工会 时间：2026-11-21 09:05 用途：年度审计 & 检查');
    expect(sheet.getRow(3).values).toEqual([undefined, '名称', '备注', '人数']);
    expect(sheet.getCell('A3').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.getRow(4).values).toEqual([undefined, "'=1+1", "'@SUM(A1)", 12]);
    expect(sheet.getRow(5).values).toEqual([undefined, "'+8613", "'-5", -3]);
    // XML turns a raw CR into LF when the file is read; the apostrophe is what counts.
    expect(sheet.getRow(6).values).toEqual([undefined, "'\tTAB", "'\nCR", 0]);
    expect(sheet.getRow(7).values).toEqual([undefined, '西安市总工会', undefined, 1.5]);
    // No cell of the file is a formula.
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it('puts the watermark in the page header and footer, with `&` escaped', async () => {
    const { buffer } = await exportToBuffer({ sheetName: 'S', title: '标题', columns, watermark, rows: [] });
    const sheet = await readBack(buffer);
    const mark = watermarkText(watermark).replaceAll('&', '&&');
    expect(sheet.headerFooter.oddHeader).toBe(`&L&8标题  ${mark}`);
    expect(sheet.headerFooter.oddFooter).toBe(`&L&8${mark}&R&8第 &P 页，共 &N 页`);
  });

  it('keeps a header or footer within Excel’s 255 characters without a dangling code', () => {
    const long = headerFooterText('&L', `${'用'.repeat(251)}&x`);
    expect(long.length).toBeLessThanOrEqual(255);
    expect(long.endsWith('…')).toBe(true);
    expect(long).not.toMatch(/(^|[^&])(&&)*&…$/);
    expect(headerFooterText('&L', 'a & b', '&R')).toBe('&La && b&R');
  });

  it('returns the SHA-256 and length of exactly the bytes written', async () => {
    const { result, buffer } = await exportToBuffer({ sheetName: 'S', title: 'T', columns, watermark, rows: [{ name: 'x' }] });
    expect(result.bytes).toBe(buffer.length);
    expect(result.sha256).toBe(createHash('sha256').update(buffer).digest('hex'));
    // A zip file.
    expect(buffer.subarray(0, 2).toString()).toBe('PK');
  });

  it('streams 50,000 rows from an async generator', async () => {
    async function* rows() {
      for (let index = 0; index < 50_000; index += 1) {
        yield { name: `基层工会${index}`, note: index % 10 === 0 ? `=cmd|${index}` : '正常', count: index };
      }
    }
    const { result, buffer } = await exportToBuffer({ sheetName: 'S', title: '大批量', columns, watermark, rows: rows() });
    expect(result.rowCount).toBe(50_000);
    expect(result.bytes).toBe(buffer.length);
    const sheet = await readBack(buffer);
    expect(sheet.rowCount).toBe(50_003);
    expect(sheet.getRow(50_003).values).toEqual([undefined, '基层工会49999', '正常', 49_999]);
    expect(sheet.getRow(4).values).toEqual([undefined, '基层工会0', "'=cmd|0", 0]);
  }, 120_000);

  it('fails, and ends the output, when the rows fail', async () => {
    async function* rows() {
      yield { name: 'a' };
      throw new Error('database went away');
    }
    const output = new PassThrough();
    output.resume();
    await expect(writeXlsxExport({ sheetName: 'S', title: 'T', columns, watermark, rows: rows(), output })).rejects.toThrow('database went away');
    expect(output.destroyed).toBe(true);
  });
});
