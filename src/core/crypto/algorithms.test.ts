import { createCipheriv, createHash, createHmac, getCiphers, getHashes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SM3, SM4_CBC } from './algorithms';

// Known-answer tests: the kernel trusts Node's OpenSSL for SM3 and SM4, so
// these pin the primitives to the standards' own examples.

const hex = (text: string) => Buffer.from(text, 'hex');

function sm4EcbBlock(key: Buffer, block: Buffer): Buffer {
  const cipher = createCipheriv('sm4-ecb', key, null);
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(block), cipher.final()]);
}

describe('SM4 (GB/T 32907-2016)', () => {
  const key = hex('0123456789abcdeffedcba9876543210');

  it('encrypts the standard example (Appendix A.1): key = plaintext = 0123…3210', () => {
    expect(sm4EcbBlock(key, key).toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
  });

  it('gives the standard result after 1,000,000 encryptions (Appendix A.2)', () => {
    const cipher = createCipheriv('sm4-ecb', key, null);
    cipher.setAutoPadding(false);
    let block = key;
    for (let i = 0; i < 1_000_000; i += 1) block = cipher.update(block);
    expect(block.toString('hex')).toBe('595298c7c6fd271f0402f804c33d3f66');
  });

  it('sm4-cbc is CBC over the same block cipher: C1 = E(P1 xor IV), C2 = E(P2 xor C1), then a PKCS#7 block', () => {
    const iv = hex('000102030405060708090a0b0c0d0e0f');
    const p1 = hex('00112233445566778899aabbccddeeff');
    const p2 = hex('ffeeddccbbaa99887766554433221100');
    const cipher = createCipheriv(SM4_CBC, key, iv);
    const out = Buffer.concat([cipher.update(Buffer.concat([p1, p2])), cipher.final()]);
    const xor = (a: Buffer, b: Buffer) => Buffer.from(a.map((byte, i) => byte ^ (b[i] ?? 0)));
    const c1 = sm4EcbBlock(key, xor(p1, iv));
    const c2 = sm4EcbBlock(key, xor(p2, c1));
    const c3 = sm4EcbBlock(key, xor(Buffer.alloc(16, 16), c2)); // a full block of padding 0x10
    expect(out.toString('hex')).toBe(Buffer.concat([c1, c2, c3]).toString('hex'));
  });

  it('is offered by this Node in the modes the kernel uses', () => {
    expect(getCiphers()).toEqual(expect.arrayContaining(['sm4-cbc', 'sm4-ecb']));
  });
});

describe('SM3 (GB/T 32905-2016)', () => {
  it('hashes example 1, "abc"', () => {
    expect(createHash(SM3).update('abc').digest('hex')).toBe(
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    );
  });

  it('hashes example 2, "abcd" × 16 (a 512-bit message, two blocks after padding)', () => {
    expect(createHash(SM3).update('abcd'.repeat(16)).digest('hex')).toBe(
      'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
    );
  });

  it('is offered by this Node', () => {
    expect(getHashes()).toContain('sm3');
  });
});

describe('HMAC-SM3 (RFC 2104 / GB/T 15852.2 over SM3, 64-byte block)', () => {
  // An independent HMAC built from the SM3 hash alone: H((K ^ opad) || H((K ^ ipad) || m)).
  function hmacSm3ByHand(key: Buffer, message: Buffer): string {
    const block = Buffer.alloc(64);
    (key.length > 64 ? createHash(SM3).update(key).digest() : key).copy(block);
    const pad = (byte: number) => Buffer.from(block.map((b) => b ^ byte));
    const inner = createHash(SM3).update(pad(0x36)).update(message).digest();
    return createHash(SM3).update(pad(0x5c)).update(inner).digest('hex');
  }

  it.each([
    ['a 32-byte key', Buffer.alloc(32, 0x0b), 'Hi There'],
    ['a short key', Buffer.from('Jefe'), 'what do ya want for nothing?'],
    ['a key longer than the block', Buffer.alloc(100, 0xaa), '中华全国总工会'],
  ])('agrees with an HMAC built by hand from SM3, for %s', (_name, key, message) => {
    const expected = hmacSm3ByHand(key, Buffer.from(message, 'utf8'));
    expect(createHmac(SM3, key).update(message, 'utf8').digest('hex')).toBe(expected);
  });
});
