import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../../../core/cn/id-number';
import { matchHeader } from './header-map';
import { FORMULA_CELL, inspectTableFile, openTableFile, readTableRows, type TableRow } from './read-table-file';
import { buildZip, makeTempDir, unzipFile, writeBytes, writeWorkbook } from './test-fixtures';
import { RowFieldView, validateMemberRow } from './validate-member-row';

const ID = makeIdNumber('610113', '1990-05-01', 123);
let temp: Awaited<ReturnType<typeof makeTempDir>>;

beforeAll(async () => {
  temp = await makeTempDir();
});
afterAll(async () => {
  await temp.cleanup();
});

async function readAll(path: string) {
  const table = await openTableFile(path);
  const rows: TableRow[] = [];
  for await (const row of table.rows) rows.push(row);
  return { table, rows };
}

describe('file type detection and refusals', () => {
  it('refuses an old .xls (OLE2) whatever its name', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    const path = await writeBytes(temp.file('members.csv'), ole);
    await expect(openTableFile(path)).rejects.toMatchObject({
      name: 'TableFileError',
      code: 'OLD_XLS',
      message: expect.stringContaining('这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 CSV 后再导入'),
    });
  });

  it('refuses binary files: PDF, images', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex');
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0, 1, 2, 0xff, 0])]);
    for (const [name, data] of [['a.png', png], ['a.xlsx', pdf]] as const) {
      const path = await writeBytes(temp.file(name), data);
      await expect(openTableFile(path)).rejects.toMatchObject({
        code: 'NOT_A_TABLE',
        message: expect.stringContaining('文件不是 Excel（.xlsx）或 CSV 表格'),
      });
    }
  });

  it('refuses a file over the size limit before reading it', async () => {
    const path = await writeBytes(temp.file('big.csv'), `姓名,身份证号\n${'张三,1\n'.repeat(1000)}`);
    await expect(inspectTableFile(path, { maxFileBytes: 1024 })).rejects.toMatchObject({
      code: 'TOO_LARGE',
      message: expect.stringMatching(/^文件超过 1 KB/),
    });
    await expect(inspectTableFile(temp.file('missing.csv'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses an empty file and a ZIP that is not a workbook', async () => {
    await expect(openTableFile(await writeBytes(temp.file('empty.csv'), ''))).rejects.toMatchObject({ code: 'EMPTY' });
    const docx = buildZip([{ name: 'word/document.xml', data: Buffer.from('<w:document/>') }]);
    await expect(openTableFile(await writeBytes(temp.file('a.docx'), docx))).rejects.toMatchObject({
      code: 'XLSX_INVALID',
      message: expect.stringContaining('不是有效的 .xlsx 文件'),
    });
    const xlsb = buildZip([{ name: 'xl/workbook.bin', data: Buffer.from('x') }]);
    await expect(openTableFile(await writeBytes(temp.file('b.xlsx'), xlsb))).rejects.toMatchObject({ code: 'XLSB' });
    const truncated = (await writeBytes(temp.file('t.xlsx'), buildZip([{ name: 'a', data: Buffer.from('x') }]).subarray(0, 40)));
    await expect(openTableFile(truncated)).rejects.toMatchObject({ code: 'XLSX_INVALID' });
  });
});

describe('xlsx', () => {
  it('reads the first sheet: formulas as markers, dates, numbers, rich text', async () => {
    const path = await writeWorkbook(temp.file('cells.xlsx'), [
      [],
      ['姓名*', '身份证号', '手机', '入会日期', '工作单位', '备注'],
      ['张三', ID, 13800138000, new Date(Date.UTC(2023, 4, 1)), { richText: [{ text: '某某' }, { font: { bold: true }, text: '快递' }] }],
      [],
      ['李四', ID, { formula: 'A3&""', result: '13800138000' }, 45047, { text: '平台', hyperlink: 'https://example.com' }, true],
    ], (_workbook, sheet) => {
      sheet.getCell('D3').numFmt = 'yyyy-mm-dd';
    });
    const { table, rows } = await readAll(path);
    expect(table.kind).toBe('xlsx');
    expect(table.info.sheetName).toBe('会员');
    expect(table.headerLine).toBe(2);
    expect(table.header).toEqual(['姓名*', '身份证号', '手机', '入会日期', '工作单位', '备注']);
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['张三', ID, 13800138000, new Date(Date.UTC(2023, 4, 1)), '某某快递'] },
      { rowNumber: 3, cells: ['李四', ID, FORMULA_CELL, 45047, '平台', 'TRUE'] },
    ]);
    const match = matchHeader(table.header);
    if (!match.ok) throw new Error(match.message);
    const view = new RowFieldView(match.columns);
    const today = new Date('2026-11-21T04:00:00Z');
    expect(validateMemberRow(view.of(rows[0]?.cells ?? []), today)).toMatchObject({
      ok: true,
      value: { phone: '13800138000', joinedOn: '2023-05-01', employer: '某某快递' },
    });
    expect(validateMemberRow(view.of(rows[1]?.cells ?? []), today)).toMatchObject({
      ok: false,
      errors: [{ column: '手机号码', code: 'FORMULA_CELL' }],
    });
  });

  it('recognises Chinese built-in and custom date formats', async () => {
    const path = await writeWorkbook(temp.file('dates.xlsx'), [['姓名', '出生日期', '入会日期', '数字']], (_workbook, sheet) => {
      sheet.addRow(['张三', new Date(Date.UTC(1990, 4, 1)), new Date(Date.UTC(2023, 4, 1)), 45047]);
      sheet.getCell('B2').numFmt = 'yyyy"年"m"月"d"日"';
      sheet.getCell('C2').numFmt = '[$-804]yyyy/m/d;@';
      sheet.getCell('D2').numFmt = '#,##0.00" 元"';
    });
    const { rows } = await readAll(path);
    expect(rows[0]?.cells).toEqual(['张三', new Date(Date.UTC(1990, 4, 1)), new Date(Date.UTC(2023, 4, 1)), 45047]);
  });

  it('reads the first visible sheet in tab order, whatever the part names', async () => {
    const path = await writeWorkbook(temp.file('sheets.xlsx'), [['不是这张']], (workbook, sheet) => {
      sheet.state = 'hidden';
      workbook.addWorksheet('第二张').addRow(['姓名', '身份证号']);
      workbook.getWorksheet('第二张')?.addRow(['王五', ID]);
    });
    const { table, rows } = await readAll(path);
    expect(table.info.sheetName).toBe('第二张');
    expect(table.header).toEqual(['姓名', '身份证号']);
    expect(rows).toEqual([{ rowNumber: 1, cells: ['王五', ID] }]);
  });

  it('reads a workbook whose ZIP uses a ZIP64 end record', async () => {
    const source = await writeWorkbook(temp.file('plain.xlsx'), [['姓名', '身份证号'], ['张三', ID]]);
    const path = await writeBytes(temp.file('zip64.xlsx'), buildZip(await unzipFile(source), { zip64: true }));
    const { rows } = await readAll(path);
    expect(rows).toEqual([{ rowNumber: 1, cells: ['张三', ID] }]);
  });

  it('refuses a zip bomb from its directory: a 50 MB entry compressed over 200:1', async () => {
    const bomb = buildZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(50 * 1024 * 1024) },
    ]);
    const path = await writeBytes(temp.file('bomb.xlsx'), bomb);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expect(openTableFile(path)).rejects.toMatchObject({ code: 'ZIP_BOMB', message: expect.stringContaining('压缩比异常') });
  });

  it('refuses a part that inflates beyond what the directory declares', async () => {
    const source = await writeWorkbook(temp.file('honest.xlsx'), [['姓名', '身份证号'], ['张三', ID]]);
    const parts = (await unzipFile(source)).map((part) =>
      part.name === 'xl/worksheets/sheet1.xml'
        ? { name: part.name, data: Buffer.concat([Buffer.from('<worksheet><sheetData>'), Buffer.alloc(30 * 1024 * 1024, 0x20)]), declaredSize: 100_000 }
        : part,
    );
    const path = await writeBytes(temp.file('liar.xlsx'), buildZip(parts));
    await expect(readAll(path)).rejects.toMatchObject({ code: 'ZIP_BOMB', message: expect.stringContaining('超过其声明的大小') });
  });

  it('refuses a workbook whose total uncompressed size is over the limit', async () => {
    const path = await writeWorkbook(temp.file('limit.xlsx'), [['姓名', '身份证号']]);
    await expect(openTableFile(path, { maxUncompressedBytes: 4096 })).rejects.toMatchObject({
      code: 'ZIP_BOMB',
      message: expect.stringContaining('文件解压后超过 4 KB'),
    });
  });

  it('refuses a corrupt worksheet with a clear message', async () => {
    const source = await writeWorkbook(temp.file('ok.xlsx'), [['姓名', '身份证号'], ['张三', ID]]);
    const parts = (await unzipFile(source)).map((part) =>
      part.name === 'xl/worksheets/sheet1.xml' ? { name: part.name, data: Buffer.from('<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c></row><<<') } : part,
    );
    const path = await writeBytes(temp.file('corrupt.xlsx'), buildZip(parts));
    await expect(readAll(path)).rejects.toMatchObject({ code: 'XLSX_INVALID', message: expect.stringContaining('无法读取 .xlsx 文件') });
  });

  it('stops early and releases the file on close', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [`张${i}`, ID]);
    const path = await writeWorkbook(temp.file('early.xlsx'), [['姓名', '身份证号'], ...rows]);
    const table = await openTableFile(path);
    let seen = 0;
    for await (const row of table.rows) {
      seen = row.rowNumber;
      if (seen === 10) break;
    }
    await table.close();
    await table.close();
    expect(seen).toBe(10);
    let count = 0;
    for await (const row of readTableRows(path)) count += row.cells.length > 0 ? 1 : 0;
    expect(count).toBe(3000);
  });
});

describe('streaming', () => {
  it('reads a 200,000-row CSV with flat memory', async () => {
    const path = temp.file('200k.csv');
    const out = createWriteStream(path);
    out.write('姓名,公民身份号码,手机号码,工作单位,入会日期\r\n');
    for (let i = 0; i < 200_000; i++) {
      const line = `张${'伟芳娜敏静'.charAt(i % 5)},${makeIdNumber('610113', '1990-05-01', i % 1000)},${13800000000 + i},"西安某某快递服务有限公司,第${i}分部",2023-05-01\r\n`;
      if (!out.write(line)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');

    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    let count = 0;
    const table = await openTableFile(path);
    const match = matchHeader(table.header);
    if (!match.ok) throw new Error(match.message);
    const view = new RowFieldView(match.columns);
    const today = new Date('2026-11-21T04:00:00Z');
    let valid = 0;
    for await (const row of table.rows) {
      count++;
      if (validateMemberRow(view.of(row.cells), today).ok) valid++;
      if ((count & 0x3fff) === 0) peak = Math.max(peak, process.memoryUsage().rss);
    }
    expect(count).toBe(200_000);
    expect(valid).toBe(200_000);
    expect(peak - before).toBeLessThan(100 * 1024 * 1024);
  });
});
