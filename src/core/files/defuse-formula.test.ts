import { describe, expect, it } from 'vitest';
import { defuseCell } from './defuse-formula';

describe('defuseCell (formula injection)', () => {
  it('prefixes an apostrophe to text that starts with a formula trigger', () => {
    for (const text of ['=1+1', '+86 29', '-2+3', '@SUM(A1)', '\tcmd', '\r=1', '=HYPERLINK("http://x","点我")']) {
      expect(defuseCell(text)).toBe(`'${text}`);
    }
  });

  it('passes ordinary text, numbers, booleans, dates and null through', () => {
    expect(defuseCell('陕西省总工会')).toBe('陕西省总工会');
    expect(defuseCell('a=b')).toBe('a=b');
    expect(defuseCell('')).toBe('');
    expect(defuseCell(-12.5)).toBe(-12.5);
    expect(defuseCell(0)).toBe(0);
    expect(defuseCell(true)).toBe(true);
    const date = new Date('2026-11-21T01:00:00Z');
    expect(defuseCell(date)).toBe(date);
    expect(defuseCell(null)).toBeNull();
    expect(defuseCell(undefined)).toBeNull();
  });

  it('turns everything else into defused text, so no rich exceljs value gets through', () => {
    expect(defuseCell({ formula: 'SUM(A1:A2)' })).toBe('{"formula":"SUM(A1:A2)"}');
    expect(defuseCell(-Infinity)).toBe("'-Infinity");
    expect(defuseCell(12n)).toBe('12');
    expect(defuseCell(new Date('nonsense'))).toBeNull();
  });
});
