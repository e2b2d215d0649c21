import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchHeader } from './header-map';
import { TEMPLATE_EXAMPLE_ID_NUMBER, writeImportTemplate } from './import-template';
import { openTableFile, type TableRow } from './read-table-file';
import { makeTempDir } from './test-fixtures';
import { RowFieldView, validateMemberRow } from './validate-member-row';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let bytes: Buffer;

beforeAll(async () => {
  temp = await makeTempDir();
  bytes = await writeImportTemplate();
});
afterAll(async () => {
  await temp.cleanup();
});

describe('writeImportTemplate', () => {
  it('round-trips: the reader matches its header and its example row is valid', async () => {
    const path = temp.file('template.xlsx');
    await writeFile(path, bytes);
    const table = await openTableFile(path);
    expect(table.header[0]).toBe('姓名*');
    expect(table.header[1]).toBe('公民身份号码*');
    const match = matchHeader(table.header);
    if (!match.ok) throw new Error(match.message);
    expect(match.columns.size).toBe(15);
    expect(match.ignored).toEqual([]);
    const rows: TableRow[] = [];
    for await (const row of table.rows) rows.push(row);
    expect(rows).toHaveLength(1);
    const result = validateMemberRow(new RowFieldView(match.columns).of(rows[0]?.cells ?? []), new Date('2026-11-21T04:00:00Z'));
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        idNumber: TEMPLATE_EXAMPLE_ID_NUMBER,
        gender: 'male',
        birthDate: '1990-05-01',
        ethnicity: '01',
        employmentForm: 'courier',
        joinedOn: '2023-05-01',
      }),
    });
  });

  it('has text-formatted ID and phone columns, drop-down lists and an instructions sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['会员信息', '填写说明', '下拉选项']);
    const sheet = workbook.getWorksheet('会员信息');
    if (!sheet) throw new Error('no data sheet');
    expect(sheet.getCell('B3').numFmt).toBe('@'); // 公民身份号码
    expect(sheet.getCell('C3').numFmt).toBe('@'); // 手机号码
    expect(sheet.getCell('D3').dataValidation).toMatchObject({ type: 'list', formulae: ["'下拉选项'!$A$1:$A$2"] });
    for (const column of ['F', 'G', 'H', 'I', 'J']) {
      expect(sheet.getCell(`${column}500`).dataValidation?.type, column).toBe('list');
    }
    const lists = workbook.getWorksheet('下拉选项');
    expect(lists?.state).toBe('hidden');
    expect(lists?.getCell('B1').value).toBe('汉族');
    expect(lists?.getCell('B56').value).toBe('基诺族');
    const guide = workbook.getWorksheet('填写说明');
    const texts: string[] = [];
    guide?.eachRow((row) => texts.push(row.values.toString()));
    expect(texts.join('\n')).toContain('外卖配送员');
    expect(texts.join('\n')).toContain('GB 11643');
  });
});
