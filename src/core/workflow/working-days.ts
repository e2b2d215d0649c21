import type { Executor } from '../db/transaction';

/**
 * Periods in working days (公示期、办理时限), by the Beijing calendar: Monday to
 * Friday work, weekends rest, unless `work_calendar` says otherwise — statutory
 * holidays (全国年节及纪念日放假办法) and the weekend days worked in exchange (调休)
 * that the State Council publishes each year.
 *
 * Counting follows 民法典 第二百零一条 and 第二百零三条: the day a period starts is
 * not counted, and it ends at 24:00 of its last day. So a 3-working-day notice
 * that starts on a Friday runs Monday to Wednesday and ends as Thursday begins.
 */

const DAY_MS = 86_400_000;

/** Dates are `YYYY-MM-DD`; arithmetic at UTC midnight never meets a DST shift. */
const toUtc = (date: string) => Date.parse(`${date}T00:00:00Z`);
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const addCalendarDays = (date: string, days: number): string => fromUtc(toUtc(date) + days * DAY_MS);

export const isWeekend = (date: string): boolean => {
  const day = new Date(toUtc(date)).getUTCDay();
  return day === 0 || day === 6;
};

/** The calendar's exceptions: date → is a working day. */
export type CalendarOverrides = ReadonlyMap<string, boolean>;

export const isWorkingDayIn = (overrides: CalendarOverrides, date: string): boolean => overrides.get(date) ?? !isWeekend(date);

/** The exceptions on the days after `from` up to and including `to`. */
export async function loadCalendarOverrides(db: Executor, from: string, to: string): Promise<Map<string, boolean>> {
  const rows = await db.selectFrom('work_calendar').select(['date', 'is_workday']).where('date', '>', from).where('date', '<=', to).execute();
  return new Map(rows.map((row) => [row.date, row.is_workday]));
}

export async function isWorkingDay(db: Executor, date: string): Promise<boolean> {
  return isWorkingDayIn(await loadCalendarOverrides(db, addCalendarDays(date, -1), date), date);
}

// A period never needs more than this many calendar days to find its working
// days: the longest holiday (春节, 9 days) plus weekends, with room to spare.
const WINDOW_SLACK_DAYS = 31;
// Beyond this a calendar must be wrong (every day marked a holiday).
const MAX_SEARCH_DAYS = 3_660;

/**
 * The `n`th working day after `from` (`from` itself is not counted): the last
 * day of a period of `n` working days that starts on `from`.
 */
export async function addWorkingDays(db: Executor, from: string, n: number): Promise<string> {
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`addWorkingDays: n must be a positive whole number, got ${n}`);
  }
  let cursor = from;
  let counted = 0;
  while (toUtc(cursor) - toUtc(from) < MAX_SEARCH_DAYS * DAY_MS) {
    const windowEnd = addCalendarDays(cursor, (n - counted) * 2 + WINDOW_SLACK_DAYS);
    const overrides = await loadCalendarOverrides(db, cursor, windowEnd);
    while (cursor < windowEnd) {
      cursor = addCalendarDays(cursor, 1);
      if (isWorkingDayIn(overrides, cursor)) {
        counted += 1;
        if (counted === n) return cursor;
      }
    }
  }
  throw new Error(`addWorkingDays: no ${n} working days within ${MAX_SEARCH_DAYS} days of ${from}; check work_calendar`);
}

/** How many working days lie after `from` up to and including `to` (0 when `to` is not after `from`). */
export async function workingDaysBetween(db: Executor, from: string, to: string): Promise<number> {
  if (to <= from) return 0;
  const overrides = await loadCalendarOverrides(db, from, to);
  let count = 0;
  for (let day = addCalendarDays(from, 1); day <= to; day = addCalendarDays(day, 1)) {
    if (isWorkingDayIn(overrides, day)) count += 1;
  }
  return count;
}

/** The instant a period whose last day is `lastDay` is over: 00:00 Beijing time (UTC+8) of the next day. */
export const endOfBeijingDay = (lastDay: string): Date => new Date(`${addCalendarDays(lastDay, 1)}T00:00:00+08:00`);
