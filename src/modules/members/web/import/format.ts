/** `1.4 MB`, `820 KB`, `12 字节`: sizes as a clerk reads them. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(bytes >= 10 * 1024 * 1024 ? 0 : 1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} 字节`;
}

/** 12,345 with the Chinese grouping. */
export const formatCount = (value: number) => value.toLocaleString('zh-CN');

// The platform keeps China Standard Time (UTC+8), whatever the browser's zone.
const BEIJING_MINUTE = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `2026-11-21 14:38`, Beijing time. */
export const formatMinute = (iso: string) => BEIJING_MINUTE.format(new Date(iso));
