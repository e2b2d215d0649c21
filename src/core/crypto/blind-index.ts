import { assertContext, assertWellFormed } from './field-context';
import { hmacSm3For } from './hmac-sm3';
import type { KeyRing } from './keyring';

/**
 * Blind index: a keyed hash stored next to an encrypted column so that an
 * exact-match lookup ("find the member with this 身份证号") needs no
 * decryption: `WHERE id_number_bidx = blindIndex(ring, normalizeCode(input), 'person.id_number')`.
 *
 * Value: lowercase hex of HMAC-SM3(blindIndexKey, context || 0x00 || value),
 * UTF-8, 64 characters (GB/T 32905 SM3 in HMAC, GB/T 39786-2021 8.4 g). The
 * key is secret and separate from the encryption and MAC keys, so unlike a
 * plain SM3 hash an attacker with the database cannot test the ~10^9
 * plausible ID numbers offline. The context makes equal values in different
 * columns index differently; contexts contain no NUL (field-context.ts), so
 * the separator is unambiguous.
 *
 * Callers NORMALIZE FIRST, the same way on write and on lookup, e.g. with
 * `normalizeCode` from src/core/cn/normalize.ts for ID numbers, credit codes
 * and bank accounts (half-width, no spaces, upper case, so '61010419850312123x'
 * and '６１０１…１２３Ｘ' match). This function hashes exactly what it is given.
 *
 * A blind index is deterministic by design, so it does reveal which rows share
 * a value; index only columns where exact lookup is needed.
 */
export function blindIndex(ring: KeyRing, normalizedValue: string, context: string): string {
  assertContext(context);
  assertWellFormed(normalizedValue, '用于盲索引的值');
  return hmacSm3For(ring.blindIndexKey).digest(Buffer.from(`${context}\u0000${normalizedValue}`, 'utf8')).toString('hex');
}
