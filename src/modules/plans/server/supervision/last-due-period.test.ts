import { describe, expect, it } from 'vitest';
import { lastDuePeriod } from './last-due-period';

describe('the reporting period a union should have reported by today', () => {
  it('is the last quarter once its grace days have passed, not before', () => {
    // Q1 ends 31 March; with 10 days' grace its report is due by 10 April.
    // On 10 April the Q1 report may still come; 2025-Q4 ended before the plan started.
    expect(lastDuePeriod('quarterly', '2026-04-10', '2026-01-05', 10)).toBeNull();
    expect(lastDuePeriod('quarterly', '2026-04-11', '2026-01-05', 10)).toEqual({ period: '2026-Q1', endsOn: '2026-03-31' });
    expect(lastDuePeriod('quarterly', '2026-07-20', '2026-01-05', 10)).toEqual({ period: '2026-Q2', endsOn: '2026-06-30' });
  });

  it('owes nothing for a period that ended before the plan started', () => {
    expect(lastDuePeriod('quarterly', '2026-03-20', '2026-03-10', 10)).toBeNull();
    expect(lastDuePeriod('monthly', '2026-04-05', '2026-03-10', 3)).toEqual({ period: '2026-03', endsOn: '2026-03-31' });
  });

  it('crosses the year for monthly and quarterly cadences', () => {
    expect(lastDuePeriod('monthly', '2027-01-05', null, 3)).toEqual({ period: '2026-12', endsOn: '2026-12-31' });
    expect(lastDuePeriod('monthly', '2027-01-03', null, 3)).toEqual({ period: '2026-11', endsOn: '2026-11-30' });
    expect(lastDuePeriod('quarterly', '2027-01-15', null, 10)).toEqual({ period: '2026-Q4', endsOn: '2026-12-31' });
    expect(lastDuePeriod('monthly', '2026-03-05', null, 0)).toEqual({ period: '2026-02', endsOn: '2026-02-28' });
  });

  it('has nothing to ask of a measure reported once, or without a cadence', () => {
    expect(lastDuePeriod('once', '2026-07-20', null, 10)).toBeNull();
    expect(lastDuePeriod(null, '2026-07-20', null, 10)).toBeNull();
  });
});
