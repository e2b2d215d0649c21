import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeEachEngine, useFreshDatabase } from '../db/testing';
import { addCalendarDays, addWorkingDays, endOfBeijingDay, isWeekend, isWorkingDay, isWorkingDayIn, workingDaysBetween } from './working-days';

describe('calendar arithmetic', () => {
  it('knows weekends and steps over month and year ends', () => {
    expect(['2026-11-21', '2026-11-22', '2026-11-23'].map(isWeekend)).toEqual([true, true, false]);
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('lets the calendar overrule the weekend rule both ways', () => {
    const overrides = new Map([
      ['2026-10-01', false],
      ['2026-10-10', true],
    ]);
    expect(isWorkingDayIn(overrides, '2026-10-01')).toBe(false);
    expect(isWorkingDayIn(overrides, '2026-10-10')).toBe(true);
    expect(isWorkingDayIn(overrides, '2026-10-11')).toBe(false);
    expect(isWorkingDayIn(overrides, '2026-10-12')).toBe(true);
  });

  it('ends a period at 24:00 of its last day, Beijing time, wherever the server is', () => {
    expect(endOfBeijingDay('2026-10-10').toISOString()).toBe('2026-10-10T16:00:00.000Z');
  });
});

/** Against the seeded calendar (国务院办公厅关于2026年部分节假日安排的通知). */
describeEachEngine('working days', (engine) => {
  const database = useFreshDatabase(engine);

  it('counts across 国庆 and 中秋 with the 调休 Sunday and Saturday', async () => {
    const db = database().kysely;
    // Wed 09-30 + 3: 10-01..07 are the holiday; Thu 10-08, Fri 10-09, Sat 10-10 (调休) are worked.
    expect(await addWorkingDays(db, '2026-09-30', 3)).toBe('2026-10-10');
    expect(await addWorkingDays(db, '2026-09-30', 4)).toBe('2026-10-12');
    // Fri 09-18 + 1: Sunday 09-20 is worked (调休), Saturday 09-19 is not.
    expect(await addWorkingDays(db, '2026-09-18', 1)).toBe('2026-09-20');
    // Thu 09-24 + 1: 中秋 09-25..27, so Monday 09-28.
    expect(await addWorkingDays(db, '2026-09-24', 1)).toBe('2026-09-28');
    expect(await workingDaysBetween(db, '2026-09-30', '2026-10-10')).toBe(3);
    expect(await workingDaysBetween(db, '2026-09-18', '2026-10-12')).toBe(1 + 4 + 3 + 3 + 1);
    expect(await isWorkingDay(db, '2026-10-10')).toBe(true);
    expect(await isWorkingDay(db, '2026-10-05')).toBe(false);
  });

  it('counts across 春节 with its two 调休 Saturdays', async () => {
    const db = database().kysely;
    expect(await addWorkingDays(db, '2026-02-13', 1)).toBe('2026-02-14');
    expect(await addWorkingDays(db, '2026-02-14', 1)).toBe('2026-02-24');
    expect(await addWorkingDays(db, '2026-02-10', 10)).toBe('2026-03-02');
    expect(await workingDaysBetween(db, '2026-02-13', '2026-02-28')).toBe(6);
    expect(await workingDaysBetween(db, '2026-02-14', '2026-02-23')).toBe(0);
  });

  it('has 248 working days in 2026 (365 − 104 weekend days − 19 weekday holidays + 6 调休 days) and knows 2027-01-01 is a holiday', async () => {
    const db = database().kysely;
    expect(await workingDaysBetween(db, '2025-12-31', '2026-12-31')).toBe(248);
    // Thursday 2026-12-31 + 1: 元旦 Friday, then the weekend.
    expect(await addWorkingDays(db, '2026-12-31', 1)).toBe('2027-01-04');
  });

  it('treats ordinary weeks by the weekend rule', async () => {
    const db = database().kysely;
    expect(await addWorkingDays(db, '2026-11-20', 1)).toBe('2026-11-23');
    expect(await addWorkingDays(db, '2026-11-16', 5)).toBe('2026-11-23');
    expect(await workingDaysBetween(db, '2026-11-23', '2026-11-16')).toBe(0);
    await expect(addWorkingDays(db, '2026-11-16', 0)).rejects.toThrow(/positive whole number/);
  });

  it('agrees with itself: n working days after any day end on a working day, n working days later', async () => {
    const db = database().kysely;
    const day = fc.integer({ min: 0, max: 364 }).map((offset) => addCalendarDays('2026-01-01', offset));
    await fc.assert(
      fc.asyncProperty(day, fc.integer({ min: 1, max: 25 }), async (from, n) => {
        const end = await addWorkingDays(db, from, n);
        expect(await isWorkingDay(db, end)).toBe(true);
        expect(await workingDaysBetween(db, from, end)).toBe(n);
        expect(await workingDaysBetween(db, from, addCalendarDays(end, -1))).toBe(n - 1);
      }),
      { numRuns: 40 },
    );
  });
});
