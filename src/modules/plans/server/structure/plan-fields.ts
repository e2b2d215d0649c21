import { isCalendarDate } from '../../../../core/cn/calendar-date';
import { AppError } from '../../../../core/http/errors';

/** A YYYY-MM-DD that names a real day (2026-02-30 does not). */
export function checkCalendarDay(value: string, field: string, label: string): void {
  const [year, month, day] = value.split('-').map(Number);
  if (!isCalendarDate(year ?? NaN, month ?? NaN, day ?? NaN)) {
    throw new AppError('VALIDATION_FAILED', `${label}“${value}”不是有效的日期`, { field });
  }
}
