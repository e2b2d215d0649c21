/**
 * Dates as they arrive from spreadsheets: Excel date serials, JS Dates that
 * exceljs built from them, and text in the many ways Chinese users write a
 * date (2023.5.1, 2023/05/01, 2023年5月1日, 20230501, full-width digits …).
 */
import { isCalendarDate, isLeapYear } from '../../../../core/cn/calendar-date';
import { toHalfWidth } from '../../../../core/cn/normalize';

export type NormalizedValue<T = string> = { ok: true; value: T } | { ok: false; message: string };

// Dates of people and memberships: anything outside is a typing error, not history.
const MIN_YEAR = 1900;
const MAX_YEAR = 2099;

const DAY_MS = 86_400_000;
// Excel's 1900 date system counts 1900-01-01 as day 1 and, copying Lotus 1-2-3,
// has a day 60 for the non-existent 1900-02-29. From day 61 on, day n is
// 1899-12-30 + n; before it, 1899-12-31 + n.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const EXCEL_FAKE_LEAP_DAY = 60;
const EXCEL_MAX_SERIAL = 2_958_465; // 9999-12-31

// Year, month, day separated by - . / or 年 月 (日): 2023-5-1, 2023.05.01, 2023/5/1, 2023年5月1日.
const SEPARATED_DATE = /^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const SERIAL_TEXT = /^\d{5}$/;
const SEPARATED_MONTH = /^(\d{4})[-./年](\d{1,2})月?$/;
const COMPACT_MONTH = /^(\d{4})(\d{2})$/;
// A time after the date ("2023-05-01 00:00:00", "2023-05-01T08:00"), left by systems exporting datetimes.
const TRAILING_TIME = /(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const SPACES = /[\s\u200B-\u200D\uFEFF]+/g;

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

function describe(value: string | number | Date): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '无效日期' : value.toISOString().slice(0, 10);
  const text = String(value);
  return text.length > 20 ? `${text.slice(0, 20)}…` : text;
}

/** Why year/month/day is not a date, or null when it is one. */
function calendarProblem(year: number, month: number, day: number): string | null {
  if (year < MIN_YEAR || year > MAX_YEAR) return `年份 ${year} 超出范围（${MIN_YEAR}–${MAX_YEAR}）`;
  if (month < 1 || month > 12) return `没有 ${month} 月`;
  if (!isCalendarDate(year, month, day)) {
    if (month === 2 && day === 29) return `${year} 年不是闰年，2 月没有 29 日`;
    return `${year} 年 ${month} 月没有 ${day} 日`;
  }
  return null;
}

function fromParts(raw: string | number | Date, year: number, month: number, day: number): NormalizedValue {
  const problem = calendarProblem(year, month, day);
  if (problem !== null) {
    return { ok: false, message: `“${describe(raw)}”不是有效日期：${problem}` };
  }
  return { ok: true, value: `${year}-${pad2(month)}-${pad2(day)}` };
}

function fromUtcDate(raw: string | number | Date, date: Date): NormalizedValue {
  if (Number.isNaN(date.getTime())) return { ok: false, message: '日期无效' };
  return fromParts(raw, date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** Excel 1900-system serial (the fraction is a time of day and is dropped). */
export function excelSerialToDate(serial: number): NormalizedValue {
  const day = Math.floor(serial);
  if (!Number.isFinite(serial) || day < 1 || day > EXCEL_MAX_SERIAL) {
    return { ok: false, message: `“${describe(serial)}”不是有效日期` };
  }
  if (day === EXCEL_FAKE_LEAP_DAY) {
    return { ok: false, message: '“1900-02-29”不是有效日期（Excel 中的这一天并不存在）' };
  }
  const offset = day < EXCEL_FAKE_LEAP_DAY ? day + 1 : day;
  return fromUtcDate(serial, new Date(EXCEL_EPOCH_MS + offset * DAY_MS));
}

function cleanDateText(text: string): string {
  return toHalfWidth(text).trim().replace(TRAILING_TIME, '').replace(SPACES, '');
}

/**
 * A date in `YYYY-MM-DD`, from an Excel serial or 8-digit number, a Date
 * (exceljs builds them at UTC midnight, so UTC parts are the calendar day),
 * or text. Impossible days (2023-02-30) are refused with the reason.
 */
export function normalizeDate(value: string | number | Date): NormalizedValue {
  if (value instanceof Date) return fromUtcDate(value, value);
  if (typeof value === 'number') {
    // 20230501 typed into a number cell.
    if (Number.isInteger(value) && value >= 10_000_000 && value <= 99_999_999) {
      return fromParts(value, Math.floor(value / 10_000), Math.floor(value / 100) % 100, value % 100);
    }
    return excelSerialToDate(value);
  }
  // Most cells are already clean (2023-05-01): only the others pay for the clean-up.
  const text = SEPARATED_DATE.test(value) ? value : cleanDateText(value);
  const separated = SEPARATED_DATE.exec(text) ?? COMPACT_DATE.exec(text);
  if (separated) {
    return fromParts(value, Number(separated[1]), Number(separated[2]), Number(separated[3]));
  }
  // A date cell saved to CSV with the "常规" format shows its serial.
  if (SERIAL_TEXT.test(text)) return excelSerialToDate(Number(text));
  if (text === '') return { ok: false, message: '日期为空' };
  return { ok: false, message: `“${describe(value)}”无法识别为日期，请按 2023-05-01 的格式填写` };
}

/**
 * A year and month, `YYYY-MM`, for "出生年月" columns that hold 1990.05,
 * 1990年5月 or 199005. Full dates are accepted too (their day is dropped).
 */
export function normalizeYearMonth(value: string | number | Date): NormalizedValue {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 100_000 && value <= 999_999) {
    return yearMonth(value, Math.floor(value / 100), value % 100);
  }
  if (typeof value === 'string') {
    const text = cleanDateText(value);
    const match = SEPARATED_MONTH.exec(text) ?? COMPACT_MONTH.exec(text);
    if (match) return yearMonth(value, Number(match[1]), Number(match[2]));
  }
  const full = normalizeDate(value);
  return full.ok ? { ok: true, value: full.value.slice(0, 7) } : full;
}

function yearMonth(raw: string | number, year: number, month: number): NormalizedValue {
  const problem = calendarProblem(year, month, 1);
  return problem === null
    ? { ok: true, value: `${year}-${pad2(month)}` }
    : { ok: false, message: `“${describe(raw)}”不是有效年月：${problem}` };
}

/** `YYYY-MM-DD` of the day `years` after `isoDate`; 02-29 becomes 02-28 in a common year. */
export function addYears(isoDate: string, years: number): string {
  const year = Number(isoDate.slice(0, 4)) + years;
  const monthDay = isoDate.slice(5);
  return `${year}-${monthDay === '02-29' && !isLeapYear(year) ? '02-28' : monthDay}`;
}
