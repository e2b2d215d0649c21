import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChineseInteger, parseNumber, parsePercentWords } from './chinese-numbers';

describe('Chinese numbers', () => {
  it.each([
    ['四十', 40],
    ['两万', 20_000],
    ['一百二十', 120],
    ['十五', 15],
    ['十', 10],
    ['二十', 20],
    ['一百零一', 101],
    ['一千零五', 1005],
    ['三百五', 350],
    ['一万五', 15_000],
    ['十万', 100_000],
    ['三亿两千万', 320_000_000],
    ['二〇二三', 2023],
    ['三点五', 3.5],
  ])('reads %s as %d', (text, value) => {
    expect(parseChineseInteger(text)).toBe(value);
    expect(parseNumber(text)).toBe(value);
  });

  it('reads Arabic figures, alone or with Chinese multipliers', () => {
    expect(parseNumber('40')).toBe(40);
    expect(parseNumber('1.5万')).toBe(15_000);
    expect(parseNumber('2千')).toBe(2000);
    expect(parseNumber('0.3万')).toBe(3000);
  });

  it('reads 百分之… as a percentage', () => {
    expect(parsePercentWords('百分之九十')).toBe(90);
    expect(parsePercentWords('百分之七十五点五')).toBe(75.5);
    expect(parsePercentWords('百分之85')).toBe(85);
    expect(parsePercentWords('九十')).toBeNull();
  });

  it('refuses what is not a number: 万 alone (万人 as a word), 百 alone, two digits in a row, other characters', () => {
    for (const text of ['万', '百', '二三十', '十百', '三秦', '', '点五', '一点']) expect(parseNumber(text), text).toBeNull();
  });

  it('never throws, and reads every integer it writes back (round trip up to 亿)', () => {
    const digits = '零一二三四五六七八九';
    const write = (n: number): string => {
      if (n === 0) return '零';
      const below = (m: number): string => {
        let out = '';
        let zero = false;
        for (const [unit, size] of [['千', 1000], ['百', 100], ['十', 10], ['', 1]] as const) {
          const d = Math.floor(m / size) % 10;
          if (d === 0) {
            zero = out !== '';
            continue;
          }
          if (zero) out += '零';
          zero = false;
          out += digits[d] + unit;
        }
        return out;
      };
      const high = Math.floor(n / 10_000);
      const low = n % 10_000;
      if (high === 0) return below(low);
      return below(high) + '万' + (low === 0 ? '' : (low < 1000 ? '零' : '') + below(low));
    };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_999 }), (n) => {
        expect(parseNumber(write(n))).toBe(n);
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'零〇一二两三四五六七八九十百千万亿点之分百x1.'.split('')), maxLength: 12 }), (text) => {
        const value = parseNumber(text);
        expect(value === null || Number.isFinite(value)).toBe(true);
      }),
    );
  });
});
