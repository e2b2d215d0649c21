import { createCipheriv, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encryptSm4Cbc } from './sm4-cbc';

/** OpenSSL's own SM4-CBC with PKCS#7 padding: the reference the batched form must equal. */
function opensslSm4Cbc(key: Buffer, iv: Buffer, plaintext: Buffer): Buffer {
  const cipher = createCipheriv('sm4-cbc', key, iv);
  return Buffer.concat([cipher.update(plaintext), cipher.final()]);
}

describe('encryptSm4Cbc', () => {
  const key = randomBytes(16);

  it('gives each value the bytes OpenSSL sm4-cbc gives it, for every length from 0 to 80 bytes in one call', () => {
    const values = Array.from({ length: 81 }, (_, length) => ({ iv: randomBytes(16), plaintext: randomBytes(length) }));
    const batched = encryptSm4Cbc(key, values);
    values.forEach(({ iv, plaintext }, index) => {
      expect(batched[index]!.equals(opensslSm4Cbc(key, iv, plaintext)), `length ${plaintext.length}`).toBe(true);
    });
  });

  it('matches OpenSSL for any mix of values and lengths (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.uint8Array({ maxLength: 100 })), { maxLength: 20 }), (pairs) => {
        const values = pairs.map(([iv, plaintext]) => ({ iv: Buffer.from(iv), plaintext: Buffer.from(plaintext) }));
        const batched = encryptSm4Cbc(key, values);
        return values.every(({ iv, plaintext }, index) => batched[index]!.equals(opensslSm4Cbc(key, iv, plaintext)));
      }),
    );
  });

  it('matches the GB/T 32907-2016 example: one block of 0123456789abcdeffedcba9876543210 under the same key', () => {
    // Standard vector (GB/T 32907-2016 Appendix A.1); CBC with a zero IV encrypts the first block alone.
    const standardKey = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
    const [ciphertext] = encryptSm4Cbc(standardKey, [{ iv: Buffer.alloc(16), plaintext: Buffer.from('0123456789abcdeffedcba9876543210', 'hex') }]);
    expect(ciphertext!.subarray(0, 16).toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
  });

  it('returns nothing for no values, and refuses an IV that is not one block', () => {
    expect(encryptSm4Cbc(key, [])).toEqual([]);
    expect(() => encryptSm4Cbc(key, [{ iv: randomBytes(8), plaintext: Buffer.from('x') }])).toThrow(RangeError);
  });
});
