import { describe, expect, it } from 'vitest';
import { ceilDiv, floorDiv, formatMultiple, formatPercent, formatYuan, toScaled, yuanToFen } from './money';

describe('money in fen', () => {
  it('turns two-decimal yuan into exact fen, even where the float is off', () => {
    expect(yuanToFen(0.1 + 0.2)).toBe(30n);
    expect(yuanToFen(1.15)).toBe(115n); // 1.15 * 100 = 114.99999999999999
    expect(yuanToFen(99_999_999.99)).toBe(9_999_999_999n);
  });

  it('rounds divisions down (towards −∞) or up, for negatives too', () => {
    expect(floorDiv(7n, 2n)).toBe(3n);
    expect(floorDiv(-7n, 2n)).toBe(-4n);
    expect(floorDiv(-8n, 2n)).toBe(-4n);
    expect(ceilDiv(7n, 2n)).toBe(4n);
    expect(ceilDiv(-7n, 2n)).toBe(-3n);
  });

  it('writes sums as people write them', () => {
    expect(formatYuan(3600000n)).toBe('36000');
    expect(formatYuan(3600050n)).toBe('36000.50');
    expect(formatYuan(5n)).toBe('0.05');
    expect(formatYuan(-33334n)).toBe('-333.34');
  });

  it('writes ratios and multiples without trailing zeros', () => {
    expect(formatPercent(toScaled(0.8))).toBe('80%');
    expect(formatPercent(toScaled(0.805))).toBe('80.5%');
    expect(formatPercent(toScaled(1.2345))).toBe('123.45%');
    expect(formatMultiple(toScaled(2))).toBe('2');
    expect(formatMultiple(toScaled(1.5))).toBe('1.5');
  });
});
