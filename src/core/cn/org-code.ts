/**
 * 组织机构代码 — GB 11714-1997.
 *
 * 8 body characters (digits or upper-case letters) and 1 check character.
 * Positions 9–17 of a 统一社会信用代码 (GB 32100-2015) are such a code.
 */

// GB 11714-1997: character values 0–9 for digits, A = 10 … Z = 35.
const BODY_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/**
 * Check character for an 8-character body: C9 = 11 − (Σ Ci·Wi mod 11),
 * where 10 is written 'X' and 11 is written '0'. Throws on an invalid body.
 */
export function orgCodeCheckChar(body8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body8)) {
    throw new RangeError(`orgCodeCheckChar expects 8 characters of [0-9A-Z], got "${body8}"`);
  }
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    sum += BODY_CHARS.indexOf(body8.charAt(i)) * (WEIGHTS[i] ?? 0);
  }
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  if (check === 11) return '0';
  return String(check);
}
