/**
 * Scores in integer hundredths (分 to two decimals), and exact ratios of
 * decimals. Binary floating point cannot hold 0.1 exactly, so a total summed
 * as floats drifts (0.1 + 0.2 ≠ 0.3); every score here is an integer count of
 * hundredths, and ratios (achieved ÷ target) are worked out on BigInt
 * mantissas before one rounding, half up, to the hundredth.
 */

/** A decimal as `mantissa × 10^-scale`, exactly. */
export type Decimal = { mantissa: bigint; scale: number };

const DECIMAL = /^(-)?(\d+)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/** The decimal a number prints as (shortest round-trip form) or a numeric column's text. */
export function toDecimal(value: number | string): Decimal {
  const text = typeof value === 'number' ? String(value) : value.trim();
  const match = DECIMAL.exec(text);
  if (!match) throw new Error(`not a decimal: ${text}`);
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  let mantissa = BigInt(`${whole}${fraction}`);
  let scale = fraction.length - Number(exponent);
  if (scale < 0) {
    mantissa *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { mantissa: sign ? -mantissa : mantissa, scale };
}

/** a and b over one denominator: [a′, b′] with a ÷ b = a′ ÷ b′. */
function aligned(a: Decimal, b: Decimal): [bigint, bigint] {
  const scale = Math.max(a.scale, b.scale);
  return [a.mantissa * 10n ** BigInt(scale - a.scale), b.mantissa * 10n ** BigInt(scale - b.scale)];
}

/** n ÷ d rounded half away from zero (d > 0). */
function roundDiv(n: bigint, d: bigint): bigint {
  const half = n >= 0n ? 2n * n + d : 2n * n - d;
  return half / (2n * d);
}

/** A value in hundredths, rounded half up: 12.345 → 1235. */
export function toHundredths(value: number | string): number {
  const decimal = toDecimal(value);
  return Number(roundDiv(decimal.mantissa * 100n, 10n ** BigInt(decimal.scale)));
}

/** Hundredths back to a number for JSON (1235 → 12.35: the double nearest 12.35, which prints as 12.35). */
export const fromHundredths = (hundredths: number): number => hundredths / 100;

/** a ≥ b, exactly. */
export function decimalAtLeast(a: number | string, b: number | string): boolean {
  const [x, y] = aligned(toDecimal(a), toDecimal(b));
  return x >= y;
}

/**
 * full × min(numerator ÷ denominator, cap), in hundredths: the score of a rule
 * measured against a target. `fullHundredths` is the rule's weight; the ratio
 * is exact until the one rounding at the end.
 */
export function scaledShare(fullHundredths: number, numerator: number | string, denominator: number | string, cap: number | string): number {
  const [n, d] = aligned(toDecimal(numerator), toDecimal(denominator));
  if (d <= 0n) throw new Error('scaledShare: denominator must be positive');
  const limit = toDecimal(cap);
  // n/d > cap  ⇔  n × 10^s > cap.m × d
  const capped = n * 10n ** BigInt(limit.scale) > limit.mantissa * d;
  const [top, bottom] = capped ? [limit.mantissa, 10n ** BigInt(limit.scale)] : [n < 0n ? 0n : n, d];
  return Number(roundDiv(BigInt(fullHundredths) * top, bottom));
}

/** numerator ÷ denominator × 100 in hundredths of a percent (a completion rate to two decimals), exact until the rounding. */
export function percentHundredths(numerator: number | string, denominator: number | string): number {
  const [n, d] = aligned(toDecimal(numerator), toDecimal(denominator));
  return Number(roundDiv(n * 10_000n, d));
}

/** n ÷ d ≥ threshold% exactly (the completion reaches a band's lower bound). */
export function ratioAtLeastPercent(numerator: number | string, denominator: number | string, thresholdPercent: number | string): boolean {
  const [n, d] = aligned(toDecimal(numerator), toDecimal(denominator));
  const threshold = toDecimal(thresholdPercent);
  // n/d × 100 ≥ t.m / 10^t.s  ⇔  n × 100 × 10^t.s ≥ t.m × d
  return n * 100n * 10n ** BigInt(threshold.scale) >= threshold.mantissa * d;
}

/** Hundredths printed with two decimals (for the basis text and the export). */
export const formatHundredths = (hundredths: number): string => {
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(hundredths);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
};
