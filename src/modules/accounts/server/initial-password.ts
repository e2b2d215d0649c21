import { randomInt } from 'node:crypto';
import { checkPasswordPolicy } from '../../../core/auth/password-policy';

// No look-alikes (0/O, 1/l/I) — the password is read off a screen and typed once.
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const DIGITS = '23456789';
const SYMBOLS = '@#%+=?!';
const ALL = UPPER + LOWER + DIGITS + SYMBOLS;

export const INITIAL_PASSWORD_LENGTH = 16;

const pick = (alphabet: string) => alphabet[randomInt(alphabet.length)] as string;

/**
 * A one-time initial password: 16 characters from a CSPRNG with every
 * character class present (about 95 bits), that passes the staff password
 * policy for this account. The holder must change it at first sign-in.
 */
export function generateInitialPassword(context: { login: string; phone?: string | null }): string {
  for (;;) {
    const chars = [pick(UPPER), pick(LOWER), pick(DIGITS), pick(SYMBOLS)];
    while (chars.length < INITIAL_PASSWORD_LENGTH) chars.push(pick(ALL));
    // Fisher–Yates, so the guaranteed classes are not always in front.
    for (let i = chars.length - 1; i > 0; i -= 1) {
      const j = randomInt(i + 1);
      [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
    }
    const password = chars.join('');
    if (checkPasswordPolicy(password, context) === null) {
      return password;
    }
  }
}
