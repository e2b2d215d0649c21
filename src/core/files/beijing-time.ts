/**
 * Times in exports are shown in China Standard Time (UTC+8, no daylight
 * saving), whatever the server's own time zone.
 */
const CST_OFFSET_MS = 8 * 3_600_000;

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

function parts(date: Date) {
  const shifted = new Date(date.getTime() + CST_OFFSET_MS);
  return {
    y: pad(shifted.getUTCFullYear(), 4),
    m: pad(shifted.getUTCMonth() + 1),
    d: pad(shifted.getUTCDate()),
    h: pad(shifted.getUTCHours()),
    min: pad(shifted.getUTCMinutes()),
    s: pad(shifted.getUTCSeconds()),
  };
}

/** `2026-11-21 09:05` (or `2026-11-21 09:05:07` with seconds) in Beijing time. */
export function formatBeijingTime(date: Date, options: { seconds?: boolean } = {}): string {
  const { y, m, d, h, min, s } = parts(date);
  return `${y}-${m}-${d} ${h}:${min}${options.seconds ? `:${s}` : ''}`;
}

/** `20261121`: the Beijing calendar day, for file names. */
export function beijingDateStamp(date: Date): string {
  const { y, m, d } = parts(date);
  return `${y}${m}${d}`;
}

/** `2026-11-21`: the Beijing calendar day, for dates of record (入会日期, decisions). */
export function beijingDate(date: Date): string {
  const { y, m, d } = parts(date);
  return `${y}-${m}-${d}`;
}
