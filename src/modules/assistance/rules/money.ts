/**
 * Money in integer fen (分) as bigint: the hardship thresholds compare sums to
 * the fen, and a float such as 0.1 + 0.2 would put a household on the wrong
 * side of one. Inputs are yuan with at most two decimals (ZClassifyRequest).
 */

/** 36000.5 -> 3600050n. Exact for yuan with at most two decimals. */
export const yuanToFen = (yuan: number): bigint => BigInt(Math.round(yuan * 100));

/** 3600050n -> 36000.5 (a number, for JSON). */
export const fenToYuan = (fen: bigint): number => Number(fen) / 100;

/** a ÷ b rounded towards −∞ (bigint division truncates towards zero). b > 0. */
export function floorDiv(a: bigint, b: bigint): bigint {
  const quotient = a / b;
  return a % b !== 0n && a < 0n ? quotient - 1n : quotient;
}

/** a ÷ b rounded towards +∞. b > 0. */
export const ceilDiv = (a: bigint, b: bigint): bigint => -floorDiv(-a, b);

/** 3600000n -> "36000", 3600050n -> "36000.50", -33334n -> "-333.34": as people write sums of yuan. */
export function formatYuan(fen: bigint): string {
  const sign = fen < 0n ? '-' : '';
  const absolute = fen < 0n ? -fen : fen;
  const whole = absolute / 100n;
  const cents = absolute % 100n;
  return cents === 0n ? `${sign}${whole}` : `${sign}${whole}.${String(cents).padStart(2, '0')}`;
}

/** Rule multiples and ratios are kept to four decimals (numeric(12, 4)): 0.8 -> 8000n of 10000n. */
export const RATIO_SCALE = 10_000n;

export const toScaled = (value: number): bigint => BigInt(Math.round(value * Number(RATIO_SCALE)));

/** 8000n (0.8) -> "80%"; 12345n -> "123.45%". */
export function formatPercent(scaled: bigint): string {
  // scaled ÷ 10000 × 100 is the percentage; scaled itself is that in hundredths.
  const whole = scaled / 100n;
  const rest = scaled % 100n;
  return rest === 0n ? `${whole}%` : `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}%`;
}

/** 20000n (2) -> "2", 15000n (1.5) -> "1.5". */
export function formatMultiple(scaled: bigint): string {
  const whole = scaled / RATIO_SCALE;
  const rest = scaled % RATIO_SCALE;
  return rest === 0n ? `${whole}` : `${whole}.${String(rest).padStart(4, '0').replace(/0+$/, '')}`;
}
