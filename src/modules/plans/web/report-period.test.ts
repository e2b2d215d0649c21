import { describe, expect, it } from 'vitest';
import { currentPeriod } from './report-period';

describe('currentPeriod', () => {
  const may = new Date(2026, 4, 20);
  it('names the month, the quarter or once by the measure’s cadence', () => {
    expect(currentPeriod('monthly', may)).toBe('2026-05');
    expect(currentPeriod('quarterly', may)).toBe('2026-Q2');
    expect(currentPeriod('once', may)).toBe('once');
  });
  it('takes the quarter when the measure has no cadence, and the last quarter in December', () => {
    expect(currentPeriod(null, may)).toBe('2026-Q2');
    expect(currentPeriod('quarterly', new Date(2026, 11, 31))).toBe('2026-Q4');
  });
});
