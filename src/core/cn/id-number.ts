/**
 * 公民身份号码 — GB 11643-1999.
 *
 * 18 characters: 6-digit address code (GB/T 2260) · 8-digit birth date
 * YYYYMMDD · 3-digit sequence (odd = male, even = female) · 1 check character.
 * The legacy 15-digit form (GB 11643-1989) has a 2-digit year and no check
 * character; it is converted to the 18-digit form.
 */
import { isCalendarDate, toLocalIsoDate } from './calendar-date';
import { normalizeCode } from './normalize';
import { isProvinceCode } from './province-codes';
import { fail, ok, type CheckResult } from './result';

// GB 11643-1999 §8.2, ISO 7064 MOD 11-2: the weight of position i (counted
// from the left, 1–17) is 2^(18-i) mod 11; the check character has weight 1.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
// Chosen so that the weighted sum of all 18 characters (X = 10) is ≡ 1 (mod 11).
const CHECK_CHARS = '10X98765432';
const EARLIEST_BIRTH_DATE = '1900-01-01';

export type IdNumberInfo = {
  /** Canonical 18-character form (legacy numbers converted). */
  idNumber: string;
  /** YYYY-MM-DD */
  birthDate: string;
  gender: 'male' | 'female';
  /** Address code, the first 6 digits (GB/T 2260). */
  regionCode: string;
  wasLegacy15: boolean;
};

/** Check character for the first 17 digits (ISO 7064 MOD 11-2). Throws on anything but 17 digits. */
export function idNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new RangeError(`idNumberCheckChar expects 17 digits, got "${first17}"`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  }
  return CHECK_CHARS.charAt(sum % 11);
}

/** Describes the first character that is not allowed where it stands. */
function formatMessage(id: string): string {
  if (id.length !== 18 && id.length !== 15) {
    return `公民身份号码应为 18 位（旧版 15 位也可），当前为 ${id.length} 位`;
  }
  for (let i = 0; i < id.length; i++) {
    const ch = id.charAt(i);
    const allowed = /\d/.test(ch) || (ch === 'X' && id.length === 18 && i === 17);
    if (!allowed) {
      const rule = id.length === 18 ? '只能是数字（仅第 18 位可为 X）' : '15 位旧号码只能是数字';
      return `公民身份号码第 ${i + 1} 位“${ch}”无效，${rule}`;
    }
  }
  return '公民身份号码格式错误';
}

/**
 * Validates a citizen ID number typed or pasted by a user (full-width digits,
 * spaces and a lower-case x are tolerated) and extracts what it encodes.
 * `today` bounds the birth date; pass it in tests.
 */
export function parseIdNumber(input: string, today: Date = new Date()): CheckResult<IdNumberInfo> {
  const id = normalizeCode(input);
  if (id === '') {
    return fail('ID_REQUIRED', '请填写公民身份号码');
  }
  const is18 = /^\d{17}[\dX]$/.test(id);
  const is15 = /^\d{15}$/.test(id);
  if (!is18 && !is15) {
    return fail('ID_FORMAT', formatMessage(id));
  }

  // Address code: GB/T 2260 — first digit 1–9 (implied by the province list),
  // first two digits a province-level code.
  const province = id.slice(0, 2);
  if (!isProvinceCode(province)) {
    return fail('ID_REGION', `公民身份号码前两位“${province}”不是有效的省级行政区划代码`);
  }

  // Birth date: positions 7–14 (YYYYMMDD); in the 15-digit form positions 7–12 (YYMMDD, 19YY).
  const birth8 = is18 ? id.slice(6, 14) : `19${id.slice(6, 12)}`;
  const year = Number(birth8.slice(0, 4));
  const month = Number(birth8.slice(4, 6));
  const day = Number(birth8.slice(6, 8));
  if (!isCalendarDate(year, month, day)) {
    return fail('ID_BIRTH_DATE', `公民身份号码中的出生日期“${birth8}”不是有效日期`);
  }
  const birthDate = `${birth8.slice(0, 4)}-${birth8.slice(4, 6)}-${birth8.slice(6, 8)}`;
  if (birthDate < EARLIEST_BIRTH_DATE) {
    return fail('ID_BIRTH_DATE', `公民身份号码中的出生日期 ${birthDate} 早于 ${EARLIEST_BIRTH_DATE}`);
  }
  const todayIso = toLocalIsoDate(today);
  if (birthDate > todayIso) {
    return fail('ID_BIRTH_DATE', `公民身份号码中的出生日期 ${birthDate} 晚于今天（${todayIso}）`);
  }

  let idNumber: string;
  if (is18) {
    const expected = idNumberCheckChar(id.slice(0, 17));
    if (id.charAt(17) !== expected) {
      return fail('ID_CHECKSUM', `公民身份号码校验位错误，应为 ${expected}，请核对号码是否有误`);
    }
    idNumber = id;
  } else {
    // GB 11643-1999 conversion of 15-digit numbers: insert the century "19"
    // before the 2-digit year, then append the MOD 11-2 check character.
    const first17 = `${id.slice(0, 6)}19${id.slice(6)}`;
    idNumber = first17 + idNumberCheckChar(first17);
  }

  // Sequence code: the 17th character, odd for men and even for women.
  const gender = Number(idNumber.charAt(16)) % 2 === 1 ? 'male' : 'female';
  return ok({ idNumber, birthDate, gender, regionCode: idNumber.slice(0, 6), wasLegacy15: is15 });
}

/**
 * Builds a valid 18-digit ID number, for seed data and tests.
 * `sequence` (0–999) becomes the 3-digit sequence code; its last digit's
 * parity sets the gender (odd = male). Throws on invalid arguments.
 */
export function makeIdNumber(regionCode: string, birthDate: string, sequence: number): string {
  if (!/^\d{6}$/.test(regionCode) || !isProvinceCode(regionCode.slice(0, 2))) {
    throw new RangeError(`makeIdNumber: invalid region code "${regionCode}"`);
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!match || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3])) || birthDate < EARLIEST_BIRTH_DATE) {
    throw new RangeError(`makeIdNumber: invalid birth date "${birthDate}"`);
  }
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) {
    throw new RangeError(`makeIdNumber: sequence must be an integer 0–999, got ${sequence}`);
  }
  const first17 = `${regionCode}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}
