import { describe, expect, it } from 'vitest';
import { daysInMonth, isCalendarDate, isLeapYear, toLocalIsoDate } from './calendar-date';

describe('calendar dates', () => {
  it('applies the Gregorian leap-year rule', () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2023)).toBe(false);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
  });

  it('knows the length of each month', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2023, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(daysInMonth(2024, 2)).toBe(29);
  });

  it('rejects days that do not exist', () => {
    expect(isCalendarDate(2024, 2, 29)).toBe(true);
    expect(isCalendarDate(2023, 2, 29)).toBe(false);
    expect(isCalendarDate(2023, 4, 31)).toBe(false);
    expect(isCalendarDate(2023, 13, 1)).toBe(false);
    expect(isCalendarDate(2023, 0, 1)).toBe(false);
    expect(isCalendarDate(2023, 1, 0)).toBe(false);
  });

  it('formats a Date as a local YYYY-MM-DD', () => {
    expect(toLocalIsoDate(new Date(2024, 0, 5))).toBe('2024-01-05');
    expect(toLocalIsoDate(new Date(1949, 11, 31, 23, 59))).toBe('1949-12-31');
  });
});
