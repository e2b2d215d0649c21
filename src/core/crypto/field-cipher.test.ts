import { createDecipheriv, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FieldCipherError, type FieldCipherErrorCode } from './errors';
import { needsReseal, openField, resealField, sealField, sealFields } from './field-cipher';
import { parseKeyRing } from './keyring';
import { testKeyFile, testKeyRing } from './testing';

const CONTEXT = 'person.id_number';
const ID_NUMBER = '61010419850312123X';

/** The error openField throws, or a failed expectation when it returns. */
function openError(run: () => string): FieldCipherError {
  let result: string;
  try {
    result = run();
  } catch (error) {
    expect(error).toBeInstanceOf(FieldCipherError);
    return error as FieldCipherError;
  }
  throw new Error(`expected a FieldCipherError, got plaintext ${JSON.stringify(result)}`);
}

const b64url = (text: string) => Buffer.from(text, 'base64url');

describe('sealField / openField round trip', () => {
  const ring = testKeyRing();

  it('seals many values at once (sealFields) into envelopes that each open to their value, each with its own IV', () => {
    const values = [ID_NUMBER, '', '13800138000', '陕西省西安市碑林区总工会', ID_NUMBER];
    const envelopes = sealFields(ring, values, CONTEXT);
    expect(envelopes.map((envelope) => openField(ring, envelope, CONTEXT))).toEqual(values);
    expect(new Set(envelopes.map((envelope) => envelope.split('.')[2])).size).toBe(values.length);
    expect(sealFields(ring, [], CONTEXT)).toEqual([]);
  });

  it.each([
    ['an ID number', ID_NUMBER],
    ['Chinese text', '陕西省西安市碑林区总工会 困难职工帮扶'],
    ['the empty string', ''],
    ['a long string', '银行账号6222020200112233445'.repeat(2000)],
    ['emoji and supplementary-plane characters', '👷‍♀️𠮷𝄞'],
    ['NUL and control characters', 'a\u0000b\u0001\n\t'],
  ])('returns %s unchanged', (_name, value) => {
    expect(openField(ring, sealField(ring, value, CONTEXT), CONTEXT)).toBe(value);
  });

  it('returns any well-formed Unicode string unchanged (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (value) => {
        expect(openField(ring, sealField(ring, value, CONTEXT), CONTEXT)).toBe(value);
      }),
      { numRuns: 300 },
    );
  });

  it('gives different envelopes for the same value sealed twice, and both open', () => {
    const first = sealField(ring, ID_NUMBER, CONTEXT);
    const second = sealField(ring, ID_NUMBER, CONTEXT);
    expect(first).not.toBe(second);
    expect(first.split('.')[2]).not.toBe(second.split('.')[2]); // fresh IV
    expect(openField(ring, first, CONTEXT)).toBe(ID_NUMBER);
    expect(openField(ring, second, CONTEXT)).toBe(ID_NUMBER);
  });

  it('rejects text with an unpaired surrogate instead of silently changing it', () => {
    const error = openError(() => sealField(ring, 'ab\uD800c', CONTEXT));
    expect(error.code).toBe('MALFORMED');
  });

  it('rejects an empty or padded context as a programming error', () => {
    expect(() => sealField(ring, ID_NUMBER, '')).toThrow(TypeError);
    expect(() => sealField(ring, ID_NUMBER, 'person.id_number ')).toThrow(TypeError);
    const envelope = sealField(ring, ID_NUMBER, CONTEXT);
    expect(() => openField(ring, envelope, 'person id')).toThrow(TypeError);
  });
});

describe('envelope format', () => {
  it('is g1.<keyId>.<iv>.<ciphertext>.<mac> with a 16-byte IV, whole SM4 blocks and a 32-byte MAC', () => {
    const ring = testKeyRing(['k20260101abcd']);
    const envelope = sealField(ring, ID_NUMBER, CONTEXT);
    expect(envelope).toMatch(/^g1\.k20260101abcd\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    const [, , iv = '', ciphertext = ''] = envelope.split('.');
    expect(b64url(iv)).toHaveLength(16);
    expect(b64url(ciphertext)).toHaveLength(32); // 18 bytes + PKCS#7 padding → 2 blocks
  });

  it('is SM4-CBC under the key file\'s enc key and HMAC-SM3 under its mac key over the documented input', () => {
    const file = testKeyFile(['kspec']);
    const ring = parseKeyRing(JSON.stringify(file));
    const entry = file.keys.kspec;
    if (!entry) throw new Error('test key missing');
    const envelope = sealField(ring, '张三 13800138000', CONTEXT);
    const [version = '', keyId = '', iv = '', ciphertext = '', mac = ''] = envelope.split('.');

    const decipher = createDecipheriv('sm4-cbc', Buffer.from(entry.enc, 'base64'), b64url(iv));
    const plaintext = Buffer.concat([decipher.update(b64url(ciphertext)), decipher.final()]).toString('utf8');
    expect(plaintext).toBe('张三 13800138000');

    const field = (bytes: Buffer) => {
      const length = Buffer.alloc(4);
      length.writeUInt32BE(bytes.length);
      return Buffer.concat([length, bytes]);
    };
    const input = Buffer.concat(
      [Buffer.from(version), Buffer.from(keyId), Buffer.from(CONTEXT), b64url(iv), b64url(ciphertext)].map(field),
    );
    const expected = createHmac('sm3', Buffer.from(entry.mac, 'base64')).update(input).digest('base64url');
    expect(mac).toBe(expected);
  });
});

describe('tamper detection', () => {
  // Two keys, so that changing a key id can also land on a real key.
  const ring = testKeyRing(['k1', 'k2']);
  // Characters a flip may use: the base64url alphabet, the separator, and characters outside both.
  const replacements = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_', '.', '+', '/', '=', ' ', '中'];

  it('turns a change of any single character of any part into TAMPERED, MALFORMED or UNKNOWN_KEY, never plaintext (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 60 }),
        fc.nat(),
        fc.constantFrom(...replacements),
        (value, where, replacement) => {
          const envelope = sealField(ring, value, CONTEXT);
          const position = where % envelope.length;
          fc.pre(envelope[position] !== replacement);
          const changed = envelope.slice(0, position) + replacement + envelope.slice(position + 1);
          const error = openError(() => openField(ring, changed, CONTEXT));

          const part = envelope.slice(0, position).split('.').length - 1; // 0 version … 4 mac
          const allowed: FieldCipherErrorCode[] = part === 1 ? ['UNKNOWN_KEY', 'TAMPERED', 'MALFORMED'] : ['TAMPERED', 'MALFORMED'];
          expect(allowed).toContain(error.code);
          if (value.length >= 12) expect(error.message).not.toContain(value); // shorter values may match by chance
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('reports TAMPERED when the key id is changed to another key of the ring', () => {
    const envelope = sealField(ring, ID_NUMBER, CONTEXT);
    expect(envelope.startsWith('g1.k1.')).toBe(true);
    expect(openError(() => openField(ring, envelope.replace('g1.k1.', 'g1.k2.'), CONTEXT)).code).toBe('TAMPERED');
  });

  it('reports TAMPERED when one bit of the ciphertext flips (CBC malleability is caught by the MAC)', () => {
    const [version, keyId, iv, ciphertext = '', mac] = sealField(ring, ID_NUMBER, CONTEXT).split('.');
    const bytes = b64url(ciphertext);
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    const changed = [version, keyId, iv, bytes.toString('base64url'), mac].join('.');
    expect(openError(() => openField(ring, changed, CONTEXT)).code).toBe('TAMPERED');
  });

  it('reports TAMPERED for a value moved to another column (wrong context)', () => {
    const envelope = sealField(ring, ID_NUMBER, 'person.id_number');
    const error = openError(() => openField(ring, envelope, 'person.mobile'));
    expect(error.code).toBe('TAMPERED');
    expect(error.message).toMatch(/篡改/);
    expect(error.message).not.toContain(ID_NUMBER);
  });

  it('reports TAMPERED for an IV or ciphertext taken from another envelope', () => {
    const a = sealField(ring, '13800138000', CONTEXT).split('.');
    const b = sealField(ring, '13900139000', CONTEXT).split('.');
    const swappedIv = [a[0], a[1], b[2], a[3], a[4]].join('.');
    const swappedCiphertext = [a[0], a[1], a[2], b[3], a[4]].join('.');
    expect(openError(() => openField(ring, swappedIv, CONTEXT)).code).toBe('TAMPERED');
    expect(openError(() => openField(ring, swappedCiphertext, CONTEXT)).code).toBe('TAMPERED');
  });

  it.each([
    ['an empty string', ''],
    ['plaintext that was never sealed', ID_NUMBER],
    ['too few parts', 'g1.k1.AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA'],
    ['an unknown version', 'g2.k1.AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.' + 'A'.repeat(43)],
    ['a short IV', 'g1.k1.AAAA.AAAAAAAAAAAAAAAAAAAAAA.' + 'A'.repeat(43)],
    ['a ciphertext that is not whole blocks', 'g1.k1.AAAAAAAAAAAAAAAAAAAAAA.AAAA.' + 'A'.repeat(43)],
    ['an empty ciphertext', 'g1.k1.AAAAAAAAAAAAAAAAAAAAAA..' + 'A'.repeat(43)],
    ['a truncated MAC', 'g1.k1.AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.' + 'A'.repeat(42)],
    ['a non-canonical last base64url character', 'g1.k1.AAAAAAAAAAAAAAAAAAAAAB.AAAAAAAAAAAAAAAAAAAAAA.' + 'A'.repeat(43)],
  ])('reports MALFORMED for %s', (_name, envelope) => {
    expect(openError(() => openField(ring, envelope, CONTEXT)).code).toBe('MALFORMED');
  });
});

describe('key ids', () => {
  it('reports UNKNOWN_KEY for an envelope sealed under a key the ring does not hold', () => {
    const other = testKeyRing(['kother']);
    const envelope = sealField(other, ID_NUMBER, CONTEXT);
    const error = openError(() => openField(testKeyRing(['k1']), envelope, CONTEXT));
    expect(error.code).toBe('UNKNOWN_KEY');
    expect(error.message).toContain('kother');
    expect(error.message).not.toContain(ID_NUMBER);
  });

  it('does not open under a ring that has the same key id but different keys', () => {
    const envelope = sealField(testKeyRing(['k1']), ID_NUMBER, CONTEXT);
    expect(openError(() => openField(testKeyRing(['k1']), envelope, CONTEXT)).code).toBe('TAMPERED');
  });
});

describe('needsReseal / resealField', () => {
  const oldRing = testKeyRing(['kold']);
  const file = testKeyFile(['kold']);
  const oldEntry = oldRing.keys.get('kold');
  if (!oldEntry) throw new Error('test key missing');

  // A ring that holds the old pair and a new current one, as after a rotation.
  const rotated = parseKeyRing(
    JSON.stringify({
      ...file,
      current: 'knew',
      keys: {
        kold: {
          enc: Buffer.from(oldEntry.encryptionKey).toString('base64'),
          mac: Buffer.from(oldEntry.macKey).toString('base64'),
          created: '2026-01-01T00:00:00Z',
        },
        knew: testKeyFile(['knew']).keys.knew,
      },
    }),
  );

  it('is true for an envelope under an older key and false for one under the current key', () => {
    const old = sealField(oldRing, ID_NUMBER, CONTEXT);
    const fresh = sealField(rotated, ID_NUMBER, CONTEXT);
    expect(fresh.split('.')[1]).toBe('knew');
    expect(needsReseal(rotated, old)).toBe(true);
    expect(needsReseal(rotated, fresh)).toBe(false);
  });

  it('reseals an old envelope under the current key and leaves a current one as it is', () => {
    const old = sealField(oldRing, ID_NUMBER, CONTEXT);
    const resealed = resealField(rotated, old, CONTEXT);
    expect(resealed.split('.')[1]).toBe('knew');
    expect(openField(rotated, resealed, CONTEXT)).toBe(ID_NUMBER);
    expect(resealField(rotated, resealed, CONTEXT)).toBe(resealed);
  });

  it('does not reseal a tampered envelope', () => {
    const old = sealField(oldRing, ID_NUMBER, CONTEXT);
    expect(openError(() => resealField(rotated, old, 'person.mobile')).code).toBe('TAMPERED');
  });

  it('reports MALFORMED for something that is not an envelope', () => {
    expect(() => needsReseal(rotated, ID_NUMBER)).toThrow(FieldCipherError);
  });
});
