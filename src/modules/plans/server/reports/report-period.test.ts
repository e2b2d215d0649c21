import { describe, expect, it } from 'vitest';
import { cadenceOf, periodProblem, periodStart } from './report-period';

describe('reporting periods', () => {
  it('orders periods by their first day', () => {
    expect(periodStart('2026-03')).toBe('2026-03-01');
    expect(periodStart('2026-Q1')).toBe('2026-01-01');
    expect(periodStart('2026-Q4')).toBe('2026-10-01');
    expect(periodStart('once')).toBeNull();
  });

  it('tells the cadence of a period and refuses one that does not fit the measure', () => {
    expect(cadenceOf('2026-12')).toBe('monthly');
    expect(cadenceOf('2026-Q2')).toBe('quarterly');
    expect(cadenceOf('2026-13')).toBeNull();
    expect(periodProblem('2026-Q2', 'quarterly')).toBeNull();
    expect(periodProblem('2026-05', null)).toBeNull();
    expect(periodProblem('2026-05', 'quarterly')).toBe('该措施按季度报送，期次如 2026-Q1');
    expect(periodProblem('once', 'monthly')).toBe('该措施按月报送，期次如 2026-03');
    expect(periodProblem('2026-Q5', null)).toContain('报送期次应为');
  });
});
