import { describe, expect, it } from 'vitest';
import { beijingDateStamp, formatBeijingTime } from './beijing-time';
import { attachmentDisposition } from './content-disposition';

describe('export file helpers', () => {
  it('names the Beijing day and time whatever the server zone', () => {
    const lateUtc = new Date('2026-11-21T17:30:05Z');
    expect(beijingDateStamp(lateUtc)).toBe('20261122');
    expect(formatBeijingTime(lateUtc)).toBe('2026-11-22 01:30');
    expect(formatBeijingTime(lateUtc, { seconds: true })).toBe('2026-11-22 01:30:05');
  });

  it('sends a Chinese file name as RFC 5987 with an ASCII fallback', () => {
    expect(attachmentDisposition('审计日志-20261121.xlsx', 'audit-log-20261121.xlsx')).toBe(
      "attachment; filename=\"audit-log-20261121.xlsx\"; filename*=UTF-8''%E5%AE%A1%E8%AE%A1%E6%97%A5%E5%BF%97-20261121.xlsx",
    );
    // Quotes, backslashes and non-ASCII never reach the quoted fallback; RFC 5987 attr-chars only in filename*.
    expect(attachmentDisposition("it's (1)*.xlsx", 'a"b\\c名.xlsx')).toBe(
      "attachment; filename=\"a_b_c_.xlsx\"; filename*=UTF-8''it%27s%20%281%29%2A.xlsx",
    );
  });
});
