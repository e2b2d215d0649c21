import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { base32Decode, base32Encode } from './base32';

/**
 * TOTP (RFC 6238) in the profile every authenticator app implements —
 * Google Authenticator, Microsoft Authenticator, 阿里云/腾讯身份验证器:
 * HMAC-SHA1, 6 digits, 30-second steps counted from the Unix epoch (T0 = 0).
 * Apps ignore or mishandle other parameters, so enrolment never offers them;
 * `digits` and `period` are options only so the RFC test vectors can run.
 */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;

/** RFC 4226 §4 R6 recommends a 160-bit shared secret; 20 bytes is also HMAC-SHA1's output size. */
const SECRET_BYTES = 20;

/** A step either side covers clock drift and the time a person takes to type (RFC 6238 §5.2). */
const DEFAULT_WINDOW = 1;
/** More than this turns the window into a brute-force allowance (RFC 6238 §5.2: keep it small). */
const MAX_WINDOW = 10;

const MAX_COUNTER = (1n << 64n) - 1n;

const CODE_PATTERN = new RegExp(`^\\d{${TOTP_DIGITS}}$`);

export function generateTotpSecret(): string {
  return base32Encode(randomBytes(SECRET_BYTES));
}

/** HOTP (RFC 4226 §5.3): HMAC-SHA1 over the 8-byte big-endian counter, then dynamic truncation. */
export function hotp(secret: Buffer, counter: bigint | number, digits = TOTP_DIGITS): string {
  // RFC 4226 §5.3: "a 6-digit code at a minimum and possibly 7 and 8-digit code".
  if (!Number.isInteger(digits) || digits < 6 || digits > 8) {
    throw new RangeError(`hotp: digits must be 6, 7 or 8, got ${digits}`);
  }
  if (typeof counter === 'number' && !Number.isSafeInteger(counter)) {
    throw new RangeError(`hotp: counter must be an integer, got ${counter}`);
  }
  const moving = BigInt(counter);
  if (moving < 0n || moving > MAX_COUNTER) {
    throw new RangeError(`hotp: counter out of the 8-byte range: ${moving}`);
  }
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(moving);
  const hmac = createHmac('sha1', secret).update(message).digest();
  // Dynamic truncation (RFC 4226 §5.3): the low 4 bits of the last byte pick
  // an offset; 31 bits read there (top bit masked so the value is the same
  // whether a platform reads it signed or unsigned) are reduced mod 10^digits.
  const offset = hmac[hmac.length - 1]! & 0x0f;
  const binary = hmac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The RFC 6238 §4.2 time step: T = floor((Unix time - T0) / X), T0 = 0. */
export function totpStep(at: Date, period = TOTP_PERIOD_SECONDS): number {
  const ms = at.getTime();
  if (!Number.isFinite(ms)) {
    throw new RangeError('totp: invalid date');
  }
  if (!Number.isInteger(period) || period <= 0) {
    throw new RangeError(`totp: period must be a positive whole number of seconds, got ${period}`);
  }
  return Math.floor(ms / (period * 1000));
}

export function totpCode(secretBase32: string, at: Date, options: { period?: number; digits?: number } = {}): string {
  return hotp(base32Decode(secretBase32), totpStep(at, options.period), options.digits);
}

export type TotpVerification = { ok: true; step: number } | { ok: false; replayed: boolean };

/**
 * Checks a code typed by a person against the steps around `at`.
 *
 * - Spaces are ignored (apps show "123 456"), and full-width digits from a
 *   Chinese IME are folded to ASCII (NFKC).
 * - Every candidate in the window is compared, each in constant time, so the
 *   response time says nothing about which step or how many digits matched.
 * - A step at or before `lastUsedStep` is refused: "The verifier MUST NOT
 *   accept the second attempt of the OTP after the successful validation has
 *   been issued for the first OTP" (RFC 6238 §5.2). The caller stores the
 *   returned `step` as the new `lastUsedStep`, in the same transaction that
 *   checks it, so two simultaneous sign-ins cannot both succeed.
 * - `replayed: true` tells the caller the code was right but already used:
 *   ASVS 4.0.3 2.8.5 (L2) asks that such a re-use be logged and the holder
 *   notified, which a plain "wrong code" would not allow.
 */
export function verifyTotp(
  secretBase32: string,
  code: string,
  at: Date,
  options: { window?: number; lastUsedStep?: number | null } = {},
): TotpVerification {
  const window = options.window ?? DEFAULT_WINDOW;
  if (!Number.isInteger(window) || window < 0 || window > MAX_WINDOW) {
    throw new RangeError(`verifyTotp: window must be a whole number from 0 to ${MAX_WINDOW}, got ${window}`);
  }
  const secret = base32Decode(secretBase32);
  const current = totpStep(at);
  const typed = code.normalize('NFKC').replace(/\s+/g, '');
  if (!CODE_PATTERN.test(typed)) {
    return { ok: false, replayed: false };
  }
  const typedBytes = Buffer.from(typed);
  const lastUsedStep = options.lastUsedStep ?? null;
  let matched: number | null = null;
  let replayed = false;
  for (let step = Math.max(0, current - window); step <= current + window; step++) {
    const expected = Buffer.from(hotp(secret, step));
    // No early exit: every step is compared, so timing does not reveal which one matched.
    if (!timingSafeEqual(expected, typedBytes)) {
      continue;
    }
    if (lastUsedStep !== null && step <= lastUsedStep) {
      replayed = true;
    } else {
      // The earliest unused step: a later one would needlessly burn codes still to come.
      matched ??= step;
    }
  }
  return matched === null ? { ok: false, replayed } : { ok: true, step: matched };
}

/**
 * The Key Uri Format authenticator apps scan from the enrolment QR code
 * (google-authenticator wiki "Key Uri Format"): the label is
 * `issuer:account`, each part percent-encoded (RFC 3986 §2.1) so a Chinese
 * issuer such as 工会工作平台 survives, and `issuer` is repeated as a
 * parameter because some apps read only one of the two.
 */
export function otpauthUri({ issuer, accountName, secret }: { issuer: string; accountName: string; secret: string }): string {
  for (const [name, value] of [
    ['issuer', issuer],
    ['accountName', accountName],
  ] as const) {
    // The colon separates issuer from account in the label; apps cannot tell
    // an encoded colon inside either part from the separator.
    if (value.trim() === '' || value.includes(':')) {
      throw new Error(`otpauthUri: ${name} must be non-empty and contain no colon`);
    }
  }
  // Decoding then re-encoding validates the secret and gives apps the
  // canonical form: upper case, no spaces, no padding.
  const canonicalSecret = base32Encode(base32Decode(secret));
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(accountName)}`;
  // Built by hand rather than with URLSearchParams, which writes a space as
  // `+` (form encoding); the Key Uri Format uses RFC 3986 percent-encoding
  // (%20), and some apps would show the `+` literally.
  const params: [string, string][] = [
    ['secret', canonicalSecret],
    ['issuer', issuer],
    ['algorithm', 'SHA1'],
    ['digits', String(TOTP_DIGITS)],
    ['period', String(TOTP_PERIOD_SECONDS)],
  ];
  const query = params.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&');
  return `otpauth://totp/${label}?${query}`;
}
