import type { TMeasureCadence } from '../contract';

/** The period a report made today would name, for the measure's cadence (报送期次: 2026-03, 2026-Q1, once). */
export function currentPeriod(cadence: TMeasureCadence | null, today: Date = new Date()): string {
  const year = today.getFullYear();
  const month = today.getMonth() + 1;
  if (cadence === 'monthly') return `${year}-${String(month).padStart(2, '0')}`;
  if (cadence === 'once') return 'once';
  // Quarterly, and a measure without a cadence: a quarter is the usual 督查 rhythm.
  return `${year}-Q${Math.ceil(month / 3)}`;
}
