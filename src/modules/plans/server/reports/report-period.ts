import type { TMeasureCadence } from '../../contract';

/**
 * Reporting periods (报送期次): 2026-03 for a monthly measure, 2026-Q1 for a
 * quarterly one, `once` for a measure reported when done. The period's first
 * day orders a union's reports (the latest accepted figure counts).
 */
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

export function periodStart(period: string): string | null {
  const month = MONTH.exec(period);
  if (month) return `${month[1]}-${month[2]}-01`;
  const quarter = QUARTER.exec(period);
  if (quarter) return `${quarter[1]}-${String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, '0')}-01`;
  return null;
}

export const cadenceOf = (period: string): TMeasureCadence | null =>
  MONTH.test(period) ? 'monthly' : QUARTER.test(period) ? 'quarterly' : period === 'once' ? 'once' : null;

/** Why `period` does not fit the measure's cadence (Chinese), or null. A measure without a cadence takes any. */
export function periodProblem(period: string, cadence: TMeasureCadence | null): string | null {
  const actual = cadenceOf(period);
  if (actual === null) return '报送期次应为 2026-03（月）、2026-Q1（季度）或 once（完成时）';
  if (cadence === null || cadence === actual) return null;
  const expected = { monthly: '按月报送，期次如 2026-03', quarterly: '按季度报送，期次如 2026-Q1', once: '完成时报送，期次为 once' }[cadence];
  return `该措施${expected}`;
}
