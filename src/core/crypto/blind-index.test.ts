import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeCode } from '../cn/normalize';
import { blindIndex } from './blind-index';
import { FieldCipherError } from './errors';
import { parseKeyRing } from './keyring';
import { testKeyFile, testKeyRing } from './testing';

const CONTEXT = 'person.id_number';
const ID_NUMBER = '61010419850312123X';

describe('blindIndex', () => {
  const ring = testKeyRing();

  it('is HMAC-SM3 under the blind-index key over context, NUL, value, as 64 lowercase hex digits', () => {
    const file = testKeyFile();
    const value = blindIndex(parseKeyRing(JSON.stringify(file)), ID_NUMBER, CONTEXT);
    const expected = createHmac('sm3', Buffer.from(file.blindIndex, 'base64'))
      .update(`${CONTEXT}\u0000${ID_NUMBER}`, 'utf8')
      .digest('hex');
    expect(value).toBe(expected);
    expect(value).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        expect(blindIndex(ring, value, CONTEXT)).toBe(blindIndex(ring, value, CONTEXT));
      }),
    );
  });

  it('differs between values', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        fc.pre(a !== b);
        expect(blindIndex(ring, a, CONTEXT)).not.toBe(blindIndex(ring, b, CONTEXT));
      }),
    );
  });

  it('differs by context, so equal values in two columns do not link', () => {
    expect(blindIndex(ring, '13800138000', 'person.mobile')).not.toBe(blindIndex(ring, '13800138000', 'contact.mobile'));
  });

  it('is not fooled by moving characters between context and value', () => {
    // Without a separator that contexts cannot contain, 'a.b' + 'c' and 'a.' + 'bc' would collide.
    expect(blindIndex(ring, 'c', 'a.b')).not.toBe(blindIndex(ring, 'bc', 'a.'));
  });

  it('differs by key, so a database alone does not allow a dictionary of ID numbers', () => {
    expect(blindIndex(testKeyRing(), ID_NUMBER, CONTEXT)).not.toBe(blindIndex(testKeyRing(), ID_NUMBER, CONTEXT));
  });

  it('does not depend on the encryption keys, so it survives a key rotation', () => {
    const file = testKeyFile(['k1']);
    const rotated = { ...file, current: 'k2', keys: { ...file.keys, k2: testKeyFile(['k2']).keys.k2 } };
    expect(blindIndex(parseKeyRing(JSON.stringify(rotated)), ID_NUMBER, CONTEXT)).toBe(
      blindIndex(parseKeyRing(JSON.stringify(file)), ID_NUMBER, CONTEXT),
    );
  });

  it('matches differently typed forms of one ID number once callers normalize with normalizeCode', () => {
    const typed = ['61010419850312123x', ' 6101 0419 8503 1212 3X ', '６１０１０４１９８５０３１２１２３Ｘ', '\uFEFF61010419850312123X'];
    const expected = blindIndex(ring, ID_NUMBER, CONTEXT);
    for (const input of typed) {
      expect(blindIndex(ring, input, CONTEXT)).not.toBe(expected); // it hashes exactly what it is given
      expect(blindIndex(ring, normalizeCode(input), CONTEXT)).toBe(expected);
    }
  });

  it('rejects a value with an unpaired surrogate (UTF-8 would merge it with U+FFFD)', () => {
    expect(() => blindIndex(ring, 'a\uDC00', CONTEXT)).toThrow(FieldCipherError);
    expect(blindIndex(ring, 'a\uFFFD', CONTEXT)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rejects an invalid context', () => {
    expect(() => blindIndex(ring, ID_NUMBER, '')).toThrow(TypeError);
    expect(() => blindIndex(ring, ID_NUMBER, 'a\u0000b')).toThrow(TypeError);
  });
});
