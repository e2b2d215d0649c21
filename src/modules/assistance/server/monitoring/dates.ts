import { addCalendarDays } from '../../../../core/workflow/working-days';

/**
 * 2026-11-20 + 12 months → 2027-11-20; a day the target month lacks falls on
 * its last day (2026-01-31 + 1 month → 2026-02-28), as 民法典 第二百零二条 counts
 * a period of months to "the corresponding day" of the last month, or its end.
 */
export function addMonths(date: string, months: number): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1 + months;
  const day = Number(date.slice(8, 10));
  const targetYear = year + Math.floor(month / 12);
  const targetMonth = ((month % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return `${targetYear}-${String(targetMonth + 1).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

/** The last day of a period of `months` months that starts the day after `from` (民法典 第二百零一条: the first day is not counted). */
export const periodLastDay = (from: string, months: number): string => addMonths(from, months);

/** YYYY-MM → its first and last day. */
export function monthBounds(month: string): { first: string; last: string } {
  const first = `${month}-01`;
  return { first, last: addCalendarDays(addMonths(first, 1), -1) };
}
