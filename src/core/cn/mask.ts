/**
 * Display masking of personal information (《个人信息保护法》 minimization;
 * the 3-front/4-back pattern follows common practice, e.g. GB/T 35273 examples).
 */
import { normalizeCode } from './normalize';

/**
 * Keeps the first `keepStart` and last `keepEnd` characters and replaces the
 * rest with '*'. Values too short to hide anything are masked completely.
 */
export function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  const chars = [...value];
  if (chars.length <= keepStart + keepEnd) {
    return '*'.repeat(chars.length);
  }
  const hidden = chars.length - keepStart - keepEnd;
  return chars.slice(0, keepStart).join('') + '*'.repeat(hidden) + chars.slice(chars.length - keepEnd).join('');
}

/** '61010419850312123X' → '610***********123X' (first 3 and last 4 visible). */
export function maskIdNumber(id: string): string {
  return maskMiddle(normalizeCode(id), 3, 4);
}
