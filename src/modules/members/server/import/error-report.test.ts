import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createErrorReportWriter } from './error-report';
import { FORMULA_CELL } from './table-cell';
import { makeTempDir } from './test-fixtures';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeAll(async () => {
  temp = await makeTempDir();
});
afterAll(async () => {
  await temp.cleanup();
});

describe('createErrorReportWriter', () => {
  it('writes the errors then the original row, defusing formulas', async () => {
    const path = temp.file('errors.xlsx');
    const report = createErrorReportWriter(path, ['姓名', '身份证号', '入会日期', '=备注'], { headerLine: 2 });
    await report.add(
      1,
      ['=HYPERLINK("http://evil","点我")', '+123', new Date(Date.UTC(2023, 4, 1)), FORMULA_CELL],
      [
        { column: '姓名', code: 'NAME_INVALID', message: '姓名“=HYPERLINK(…”含有不允许的字符“=”' },
        { column: '公民身份号码', code: 'ID_NUMBER_INVALID', message: '公民身份号码应为 18 位' },
      ],
    );
    await report.add(5, ['张三', 6.10113199005012e17], [
      { column: '公民身份号码', code: 'ID_NUMBER_AS_NUMBER', message: '身份证号被 Excel 存成了数字' },
    ]);
    expect(await report.close()).toEqual({ rows: 2 });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    expect(sheet.getRow(1).values).toEqual([undefined, '行号', '错误列', '错误代码', '错误原因', '姓名', '身份证号', '入会日期', "'=备注"]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe(3); // sheet row: data row 1 under a header on row 2
    expect(first.getCell(2).value).toBe('姓名、公民身份号码');
    expect(first.getCell(3).value).toBe('NAME_INVALID, ID_NUMBER_INVALID');
    expect(first.getCell(4).value).toBe('1. 姓名“=HYPERLINK(…”含有不允许的字符“=”\n2. 公民身份号码应为 18 位');
    expect(first.getCell(5).value).toBe('\'=HYPERLINK("http://evil","点我")');
    expect(first.getCell(6).value).toBe("'+123");
    expect(first.getCell(7).value).toEqual(new Date(Date.UTC(2023, 4, 1)));
    expect(first.getCell(8).value).toBe('（公式）');
    expect(sheet.getRow(3).getCell(1).value).toBe(7);
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        expect(cell.type, cell.address).not.toBe(ExcelJS.ValueType.Formula);
      });
    });
  });

  it('streams many rows', async () => {
    const path = temp.file('many.xlsx');
    const report = createErrorReportWriter(path, ['姓名']);
    for (let i = 1; i <= 1500; i++) {
      await report.add(i, [`张${i}`], [{ column: '姓名', code: 'NAME_INVALID', message: '姓名不能含数字' }]);
    }
    expect(await report.close()).toEqual({ rows: 1500 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.worksheets[0]?.rowCount).toBe(1501);
  });
});
