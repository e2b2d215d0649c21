import { describe, expect, it } from 'vitest';
import { decimalAtLeast, formatHundredths, percentHundredths, ratioAtLeastPercent, scaledShare, toDecimal, toHundredths } from './fixed-point';

describe('fixed-point scores', () => {
  it('reads decimals exactly, from numbers and from numeric text', () => {
    expect(toDecimal(0.1)).toEqual({ mantissa: 1n, scale: 1 });
    expect(toDecimal('12.50')).toEqual({ mantissa: 1250n, scale: 2 });
    expect(toDecimal(1e21)).toEqual({ mantissa: 10n ** 21n, scale: 0 });
    expect(toDecimal(1e-7)).toEqual({ mantissa: 1n, scale: 7 });
  });

  it('rounds to hundredths half up, where floats would not (1.005 × 100 = 100.49999…)', () => {
    expect(Math.round(1.005 * 100)).toBe(100);
    expect(toHundredths(1.005)).toBe(101);
    expect(toHundredths('12.345')).toBe(1235);
    expect(toHundredths(-2.5)).toBe(-250);
    expect(toHundredths(7)).toBe(700);
  });

  it('sums 0.1 ten times to exactly 1 in hundredths', () => {
    expect(Array.from({ length: 10 }, () => 0.1).reduce((a, b) => a + b, 0)).not.toBe(1);
    expect(Array.from({ length: 10 }, () => toHundredths(0.1)).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('scales a weight by achieved ÷ target with one rounding and the cap', () => {
    // 10 × 17/25 = 6.8
    expect(scaledShare(1000, 17, 25, 1)).toBe(680);
    // 10 × 1/3 = 3.333… → 3.33; 10 × 2/3 = 6.666… → 6.67
    expect(scaledShare(1000, 1, 3, 1)).toBe(333);
    expect(scaledShare(1000, 2, 3, 1)).toBe(667);
    // Exactly at the target; just over it (capped at 1); over with a 1.2 cap.
    expect(scaledShare(1000, 25, 25, 1)).toBe(1000);
    expect(scaledShare(1000, 25.01, 25, 1)).toBe(1000);
    expect(scaledShare(1000, 28, 25, 1.2)).toBe(1120);
    expect(scaledShare(1000, 40, 25, 1.2)).toBe(1200);
    // 8.5 × 0.3/0.7 = 3.642857… → 3.64
    expect(scaledShare(850, 0.3, 0.7, 1)).toBe(364);
    expect(scaledShare(1000, 0, 25, 1)).toBe(0);
  });

  it('compares completion with a percentage threshold exactly (79.99…% is not 80%)', () => {
    expect(ratioAtLeastPercent(20, 25, 80)).toBe(true);
    expect(ratioAtLeastPercent(19.99, 25, 80)).toBe(false);
    expect(ratioAtLeastPercent(1, 3, 33.33)).toBe(true);
    expect(ratioAtLeastPercent(1, 3, 33.34)).toBe(false);
    expect(percentHundredths(17, 25)).toBe(6800);
    expect(percentHundredths(2, 3)).toBe(6667);
    expect(decimalAtLeast(0.3, 0.1 + 0.2)).toBe(false);
    expect(decimalAtLeast('0.30', 0.3)).toBe(true);
  });

  it('prints hundredths with two decimals', () => {
    expect(formatHundredths(1235)).toBe('12.35');
    expect(formatHundredths(5)).toBe('0.05');
    expect(formatHundredths(-250)).toBe('-2.50');
  });
});
