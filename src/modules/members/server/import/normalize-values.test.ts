import { describe, expect, it } from 'vitest';
import { addYears, excelSerialToDate, normalizeDate, normalizeYearMonth } from './normalize-values';

const ok = (value: string) => ({ ok: true, value });

describe('normalizeDate', () => {
  it('reads Excel 1900-system serials, around the fake 1900-02-29', () => {
    expect(normalizeDate(45047)).toEqual(ok('2023-05-01'));
    expect(normalizeDate(45047.75)).toEqual(ok('2023-05-01'));
    expect(normalizeDate(1)).toEqual(ok('1900-01-01'));
    expect(normalizeDate(59)).toEqual(ok('1900-02-28'));
    expect(normalizeDate(61)).toEqual(ok('1900-03-01'));
    expect(normalizeDate(60)).toMatchObject({ ok: false, message: expect.stringContaining('1900-02-29') });
    expect(excelSerialToDate(0).ok).toBe(false);
    expect(excelSerialToDate(-3).ok).toBe(false);
  });

  it('reads JS dates by their UTC day (exceljs builds them at UTC midnight)', () => {
    expect(normalizeDate(new Date(Date.UTC(2023, 4, 1)))).toEqual(ok('2023-05-01'));
    expect(normalizeDate(new Date(Date.UTC(2023, 4, 1, 23, 59)))).toEqual(ok('2023-05-01'));
    expect(normalizeDate(new Date(Number.NaN)).ok).toBe(false);
  });

  it.each([
    '2023.5.1',
    '2023/05/01',
    '2023-5-1',
    '2023年5月1日',
    '2023年05月01',
    '20230501',
    '２０２３－０５－０１',
    ' 2023 - 05 - 01 ',
    '2023-05-01 00:00:00',
    '2023-05-01T08:00:00Z',
    '45047',
  ])('reads the text %j', (text) => {
    expect(normalizeDate(text)).toEqual(ok('2023-05-01'));
  });

  it('reads an 8-digit number typed into a number cell', () => {
    expect(normalizeDate(20230501)).toEqual(ok('2023-05-01'));
  });

  it('refuses impossible days, saying why', () => {
    expect(normalizeDate('2023-02-30')).toEqual({ ok: false, message: '“2023-02-30”不是有效日期：2023 年 2 月没有 30 日' });
    expect(normalizeDate('2023-02-29')).toEqual({
      ok: false,
      message: '“2023-02-29”不是有效日期：2023 年不是闰年，2 月没有 29 日',
    });
    expect(normalizeDate('2024-02-29')).toEqual(ok('2024-02-29'));
    expect(normalizeDate('2023-13-01')).toMatchObject({ ok: false, message: expect.stringContaining('没有 13 月') });
    expect(normalizeDate('1899-12-31')).toMatchObject({ ok: false, message: expect.stringContaining('超出范围') });
  });

  it.each(['5/1/2023', '23.5.1', '2023年5月', '明天', '2023-05', ''])('refuses the text %j', (text) => {
    expect(normalizeDate(text).ok).toBe(false);
  });
});

describe('normalizeYearMonth', () => {
  it.each(['1990.5', '1990.05', '1990-05', '1990/5', '1990年5月', '199005', '1990-05-01'])('reads %j', (text) => {
    expect(normalizeYearMonth(text)).toEqual(ok('1990-05'));
  });
  it('reads numbers and refuses month 13', () => {
    expect(normalizeYearMonth(199005)).toEqual(ok('1990-05'));
    expect(normalizeYearMonth('1990.13').ok).toBe(false);
  });
});

describe('addYears', () => {
  it('moves 02-29 to 02-28 in a common year', () => {
    expect(addYears('1990-05-01', 14)).toBe('2004-05-01');
    expect(addYears('2000-02-29', 14)).toBe('2014-02-28');
    expect(addYears('2000-02-29', 16)).toBe('2016-02-29');
  });
});
