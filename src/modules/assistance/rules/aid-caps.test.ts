import { describe, expect, it } from 'vitest';
import { capBreach, dibaoMonthsFen, yuanTextToFen } from './aid-caps';
import { toScaled } from './money';

describe('assistance caps', () => {
  const living = { label: '生活救助年度上限', limitFen: 840000n, givenFen: 800000n };

  it('passes a claim that reaches the limit exactly and refuses one fen more, naming cap, year, given and room in words and figures', () => {
    expect(capBreach([living], 40000n, 2026)).toBeNull();
    expect(capBreach([living], 40001n, 2026)).toEqual({
      message: '超出帮扶上限“生活救助年度上限”：2026 年上限 8400 元，已批准 8000 元，剩余 400 元，本次 400.01 元',
      figures: { capYuan: 8400, approvedYuan: 8000, remainingYuan: 400, requestedYuan: 400.01 },
    });
  });

  it('names the first cap broken when several apply, and no negative room', () => {
    const total = { label: '每户每年合计', limitFen: 100000n, givenFen: 120000n };
    expect(capBreach([living, total], 100n, 2027)).toEqual({
      message: '超出帮扶上限“每户每年合计”：2027 年上限 1000 元，已批准 1200 元，剩余 0 元，本次 1 元',
      figures: { capYuan: 1000, approvedYuan: 1200, remainingYuan: 0, requestedYuan: 1 },
    });
  });

  it('reads numeric text to the fen without floats', () => {
    expect(yuanTextToFen('8400')).toBe(840000n);
    expect(yuanTextToFen('0.1')).toBe(10n);
    expect(yuanTextToFen('1234567.89')).toBe(123456789n);
    expect(yuanTextToFen('0.30')).toBe(30n);
    expect(() => yuanTextToFen('abc')).toThrow();
  });

  it('computes months of 低保 to the fen, rounding down', () => {
    expect(dibaoMonthsFen(toScaled(12), 70000n)).toBe(840000n);
    expect(dibaoMonthsFen(toScaled(8), 70001n)).toBe(560008n);
    expect(dibaoMonthsFen(toScaled(1.5), 33333n)).toBe(49999n);
  });
});
