import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * Single-use recovery codes for staff who lose their authenticator.
 *
 * The alphabet leaves out 0/O, 1/I/L so a code copied from paper cannot be
 * misread: 31 symbols, so a 10-character code carries 10 × log2(31) ≈ 49.5
 * bits, drawn uniformly with crypto.randomInt (no modulo bias).
 */
export const RECOVERY_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CODE_LENGTH = 10;
const GROUP_LENGTH = 5;
const SCHEME = 'sha256';
const SALT_BYTES = 16;

export function generateRecoveryCodes(count = 10): string[] {
  if (!Number.isInteger(count) || count < 1) {
    throw new RangeError(`generateRecoveryCodes: count must be a positive integer, got ${count}`);
  }
  const codes = new Set<string>();
  // A Set, because a repeated code would be one code counted twice (odds ≈ 2^-44 for ten, but free to exclude).
  while (codes.size < count) {
    let raw = '';
    for (let i = 0; i < CODE_LENGTH; i++) {
      raw += RECOVERY_CODE_ALPHABET[randomInt(RECOVERY_CODE_ALPHABET.length)];
    }
    codes.add(`${raw.slice(0, GROUP_LENGTH)}-${raw.slice(GROUP_LENGTH)}`);
  }
  return [...codes];
}

/**
 * How people retype a code: any case, with or without the dash, with spaces;
 * NFKC folds the full-width letters and dashes a Chinese IME may produce.
 */
function normalizeRecoveryCode(code: string): string {
  return code.normalize('NFKC').toUpperCase().replace(/[\s-]+/g, '');
}

function digest(salt: Buffer, normalized: string): Buffer {
  return createHash('sha256').update(salt).update(normalized).digest();
}

/**
 * Stored form: `sha256$<salt, base64url>$<digest, hex>`.
 *
 * A fast hash is enough: each code is random (≈ 49.5 bits, not a
 * human-chosen password that a dictionary shortcut could find), it is
 * single-use, and online guessing must go through the same sign-in throttle
 * as passwords; a slow KDF would only add cost to every recovery. The random
 * per-code salt is what OWASP ASVS 4.0.3 2.6.2 (L2) requires of look-up
 * secrets under 112 bits ("salted with a unique and random 32-bit salt and
 * hashed with an approved one-way hash", after NIST SP 800-63B §5.1.2.2):
 * without it, one pass over the code space would crack every user's stored
 * codes at once; with it, a stolen table costs a separate search of ~2^49
 * SHA-256 per code.
 */
export function hashRecoveryCode(code: string): string {
  const salt = randomBytes(SALT_BYTES);
  return [SCHEME, salt.toString('base64url'), digest(salt, normalizeRecoveryCode(code)).toString('hex')].join('$');
}

/**
 * The index of the stored hash that `input` matches, or -1. Every entry is
 * checked with a constant-time comparison and without stopping at the first
 * hit, so timing reveals neither which code matched nor how much of it. The
 * caller deletes or marks the matched entry used (ASVS 4.0.3 2.6.1).
 */
export function findRecoveryCode(hashes: readonly string[], input: string): number {
  const normalized = normalizeRecoveryCode(input);
  let found = -1;
  hashes.forEach((stored, index) => {
    const [scheme, saltText, digestText] = stored.split('$');
    if (scheme !== SCHEME || saltText === undefined || digestText === undefined) {
      return;
    }
    const expected = Buffer.from(digestText, 'hex');
    const actual = digest(Buffer.from(saltText, 'base64url'), normalized);
    if (expected.length === actual.length && timingSafeEqual(expected, actual) && found === -1) {
      found = index;
    }
  });
  return found;
}
