import { createHash, createHmac, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HmacSm3, hmacSm3For } from './hmac-sm3';

const opensslHmac = (key: Uint8Array, message: Uint8Array) => createHmac('sm3', key).update(message).digest();

describe('HmacSm3', () => {
  it('equals OpenSSL HMAC-SM3 for messages of every length from 0 to 200 bytes (1 to 5 blocks with padding)', () => {
    const key = randomBytes(32);
    const hmac = new HmacSm3(key);
    for (let length = 0; length <= 200; length += 1) {
      const message = randomBytes(length);
      expect(hmac.digest(message).toString('hex'), `length ${length}`).toBe(opensslHmac(key, message).toString('hex'));
    }
  });

  it('equals OpenSSL for keys shorter than, equal to and longer than the 64-byte block', () => {
    for (const length of [0, 1, 16, 32, 63, 64, 65, 100]) {
      const key = randomBytes(length);
      const message = Buffer.from(`person.id_number\u000061010419850312123X`);
      expect(new HmacSm3(key).digest(message).equals(opensslHmac(key, message)), `key of ${length} bytes`).toBe(true);
    }
  });

  it('equals OpenSSL for any key and message (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), fc.uint8Array({ maxLength: 300 }), (key, message) =>
        new HmacSm3(key).digest(message).equals(opensslHmac(key, message)),
      ),
    );
  });

  it('gives the same answer however many times a prepared key is used', () => {
    const key = randomBytes(32);
    const hmac = hmacSm3For(key);
    expect(hmacSm3For(key)).toBe(hmac);
    const message = Buffer.from('13800138000');
    const first = hmac.digest(message);
    hmac.digest(randomBytes(150));
    expect(hmac.digest(message).equals(first)).toBe(true);
  });

  it('is built on SM3 as the standard defines it (GB/T 32905-2016 Appendix A: "abc" and 64 bytes of "abcd")', () => {
    // OpenSSL's SM3 gives the standard's vectors (algorithms.test.ts); HMAC with an empty key over a message M is
    // SM3((0x5c × 64) || SM3((0x36 × 64) || M)): check that composition directly against SM3.
    const sm3 = (data: Uint8Array) => createHash('sm3').update(data).digest();
    expect(sm3(Buffer.from('abc')).toString('hex')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    const message = Buffer.from('abcd'.repeat(16));
    const inner = sm3(Buffer.concat([Buffer.alloc(64, 0x36), message]));
    const expected = sm3(Buffer.concat([Buffer.alloc(64, 0x5c), inner]));
    expect(new HmacSm3(new Uint8Array(0)).digest(message).equals(expected)).toBe(true);
  });
});
