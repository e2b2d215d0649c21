/**
 * Numbers as Chinese documents write them: 四十, 两万, 一百二十, 十五,
 * 二〇二三, 三点五, 1.5万, 2千, 百分之九十. Pure; returns null for anything
 * that is not a number, never throws.
 */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

// 十百千 multiply within a 万-section; 万 and 亿 close a section.
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const LARGE_UNITS: Readonly<Record<string, number>> = { 万: 10_000, 亿: 100_000_000 };

/** Characters a Chinese numeral is written with (for building patterns). */
export const CN_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';
/** A numeral a quantity can start with: not 百/千/万 alone (百姓, 千方百计, 万众一心). */
export const CN_NUMERAL_START = '一二两三四五六七八九十';

const ARABIC = /^\d+(?:\.\d+)?$/;
const ARABIC_WITH_UNITS = /^(\d+(?:\.\d+)?)([十百千万亿]+)$/;

/** 一百二十 → 120, 两万 → 20000, 十五 → 15, 二〇二三 → 2023 (digit by digit), 三点五 → 3.5. */
export function parseChineseInteger(text: string): number | null {
  if (text.length === 0) return null;
  const point = text.indexOf('点');
  if (point >= 0) {
    const whole = parseChineseInteger(text.slice(0, point));
    const fraction = text.slice(point + 1);
    if (whole === null || fraction.length === 0) return null;
    let digits = '';
    for (const char of fraction) {
      const digit = DIGITS[char];
      if (digit === undefined) return null;
      digits += String(digit);
    }
    return Number(`${whole}.${digits}`);
  }
  let hasUnit = false;
  for (const char of text) {
    if (SMALL_UNITS[char] !== undefined || LARGE_UNITS[char] !== undefined) hasUnit = true;
    else if (DIGITS[char] === undefined) return null;
  }
  if (!hasUnit) {
    // 二〇二三: a year or code read digit by digit; a single digit is itself.
    let value = 0;
    for (const char of text) value = value * 10 + (DIGITS[char] ?? 0);
    return value;
  }
  return withLargeUnits(text);
}

/** 三亿两千万 = 三 × 亿 + 两千 × 万: split at the last 亿, then at the last 万. */
function withLargeUnits(text: string): number | null {
  for (const [char, size] of Object.entries(LARGE_UNITS).reverse()) {
    const at = text.lastIndexOf(char);
    if (at < 0) continue;
    const high = text.slice(0, at);
    const low = text.slice(at + 1);
    if (high.length === 0) return null; // 万 alone is a word (万人), not a number
    const highValue = withLargeUnits(high);
    if (highValue === null) return null;
    // 一万五 is 15000 (the digit after a unit counts in the next unit down).
    const lowDigit = low.length === 1 ? DIGITS[low] : undefined;
    const lowValue = low.length === 0 ? 0 : lowDigit !== undefined && lowDigit !== 0 ? (lowDigit * size) / 10 : withLargeUnits(low);
    if (lowValue === null) return null;
    return highValue * size + lowValue;
  }
  return belowTenThousand(text);
}

/** 一千零五 → 1005, 三百五 → 350, 十五 → 15, 二十 → 20. */
function belowTenThousand(text: string): number | null {
  let value = 0;
  let digit: number | null = null;
  let lastUnit = 0;
  let afterZero = false;
  for (const char of text) {
    const d = DIGITS[char];
    if (d !== undefined) {
      if (digit !== null) return null; // 二三十: two digits in a row
      if (d === 0) {
        afterZero = true;
        continue;
      }
      digit = d;
      continue;
    }
    const unit = SMALL_UNITS[char];
    if (unit === undefined) return null;
    if (lastUnit !== 0 && unit >= lastUnit) return null; // 十百: units must fall
    value += (digit ?? (value === 0 && unit === 10 ? 1 : NaN)) * unit; // 十五 starts with 十 = 一十
    if (Number.isNaN(value)) return null;
    digit = null;
    lastUnit = unit;
  }
  if (digit !== null) value += lastUnit >= 100 && !afterZero ? (digit * lastUnit) / 10 : digit;
  return value;
}

/**
 * Any number as written in a target: Arabic (40, 1.5), Arabic with Chinese
 * multipliers (1.5万, 2千), or Chinese (四十, 两万). Full-width digits must
 * have been made half-width (normalize-text does).
 */
export function parseNumber(text: string): number | null {
  if (ARABIC.test(text)) return Number(text);
  const mixed = ARABIC_WITH_UNITS.exec(text);
  if (mixed) {
    let value = Number(mixed[1]);
    for (const char of mixed[2] ?? '') value *= SMALL_UNITS[char] ?? LARGE_UNITS[char] ?? 1;
    return Number.isFinite(value) ? round(value) : null;
  }
  return parseChineseInteger(text);
}

/** 百分之九十 → 90, 百分之七十五点五 → 75.5, 百分之85 → 85. */
export function parsePercentWords(text: string): number | null {
  if (!text.startsWith('百分之')) return null;
  return parseNumber(text.slice(3));
}

/** 1.5 × 10000 is 15000, not 15000.000000000002. */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
