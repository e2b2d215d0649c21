import { addCalendarDays } from '../../../../core/workflow/working-days';
import type { TMeasureCadence } from '../../contract';

/**
 * The reporting period whose report should be in by `today`: the latest
 * month or quarter that ended more than `graceDays` ago — and only if it ended
 * after `start` (a plan issued mid-quarter owes no report for the quarter
 * before it). Null when none is due yet, or the measure has no periodic
 * cadence (`once` is reported when done; overdue covers it).
 */
export function lastDuePeriod(cadence: TMeasureCadence | null, today: string, start: string | null, graceDays: number): { period: string; endsOn: string } | null {
  if (cadence !== 'monthly' && cadence !== 'quarterly') return null;
  const reference = addCalendarDays(today, -graceDays - 1);
  const year = Number(reference.slice(0, 4));
  const month = Number(reference.slice(5, 7));
  // The period containing `reference` may still be running; the one that ended by then is wanted.
  const lastOfMonth = (y: number, m: number) => (m === 12 ? `${y}-12-31` : addCalendarDays(`${y}-${String(m + 1).padStart(2, '0')}-01`, -1));
  let candidate: { period: string; endsOn: string };
  if (cadence === 'monthly') {
    const ends = lastOfMonth(year, month);
    const [y, m] = ends <= reference ? [year, month] : month === 1 ? [year - 1, 12] : [year, month - 1];
    candidate = { period: `${y}-${String(m).padStart(2, '0')}`, endsOn: lastOfMonth(y, m) };
  } else {
    const quarter = Math.ceil(month / 3);
    const ends = lastOfMonth(year, quarter * 3);
    const [y, q] = ends <= reference ? [year, quarter] : quarter === 1 ? [year - 1, 4] : [year, quarter - 1];
    candidate = { period: `${y}-Q${q}`, endsOn: lastOfMonth(y, q * 3) };
  }
  if (start !== null && candidate.endsOn < start) return null;
  return candidate;
}
