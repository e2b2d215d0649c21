import { pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

/**
 * Passwords are stored as PBKDF2-HMAC-SM3 (GB/T 32905 hash, as GB/T 39786
 * asks of commercial cryptography) with a unique 16-byte salt:
 * `pbkdf2-sm3$<iterations>$<salt>$<hash>`, base64url. The iteration count
 * travels with the hash so it can be raised without breaking old hashes.
 */
const pbkdf2Async = promisify(pbkdf2);

const SCHEME = 'pbkdf2-sm3';
export const PASSWORD_ITERATIONS = 310_000;
const KEY_LENGTH = 32;

export async function hashPassword(password: string, iterations = PASSWORD_ITERATIONS): Promise<string> {
  const salt = randomBytes(16);
  const hash = await pbkdf2Async(password.normalize('NFC'), salt, iterations, KEY_LENGTH, 'sm3');
  return [SCHEME, iterations, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, iterationsText, saltText, hashText] = stored.split('$');
  const iterations = Number(iterationsText);
  if (scheme !== SCHEME || !Number.isInteger(iterations) || !saltText || !hashText) {
    return false;
  }
  const expected = Buffer.from(hashText, 'base64url');
  const actual = await pbkdf2Async(
    password.normalize('NFC'),
    Buffer.from(saltText, 'base64url'),
    iterations,
    expected.length,
    'sm3',
  );
  return timingSafeEqual(actual, expected);
}

let decoy: Promise<string> | undefined;

/** A hash of a random password: lets a failed sign-in cost the same time whether or not the login exists. */
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  return decoy;
}
