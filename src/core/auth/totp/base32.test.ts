import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode } from './base32';

// RFC 4648 §10 test vectors, with the trailing `=` padding removed.
const RFC_4648_VECTORS: [string, string][] = [
  ['', ''],
  ['f', 'MY'],
  ['fo', 'MZXQ'],
  ['foo', 'MZXW6'],
  ['foob', 'MZXW6YQ'],
  ['fooba', 'MZXW6YTB'],
  ['foobar', 'MZXW6YTBOI'],
];

describe('base32Encode', () => {
  it.each(RFC_4648_VECTORS)('encodes %j as %j (RFC 4648 §10, unpadded)', (plain, encoded) => {
    expect(base32Encode(Buffer.from(plain))).toBe(encoded);
  });
});

describe('base32Decode', () => {
  it.each(RFC_4648_VECTORS)('decodes back to %j', (plain, encoded) => {
    expect(base32Decode(encoded).toString()).toBe(plain);
  });

  it('accepts the padded RFC 4648 §10 forms', () => {
    expect(base32Decode('MY======').toString()).toBe('f');
    expect(base32Decode('MZXW6YQ=').toString()).toBe('foob');
    expect(base32Decode('MZXW6YTBOI======').toString()).toBe('foobar');
  });

  it('accepts lower case and spaces, as secrets are typed by hand', () => {
    expect(base32Decode('mzxw 6ytb oi').toString()).toBe('foobar');
    expect(base32Decode(' mzXW6\tytboi ').toString()).toBe('foobar');
  });

  it.each(['MZXW6YTB0I', 'MZXW6YTB1I', 'MZXW6YTB8I', 'MZX=W6YTBOI', 'MZXW6YTBOÍ', 'MZXW-6YTBOI'])(
    'throws on the invalid character in %j',
    (text) => {
      expect(() => base32Decode(text)).toThrow(/invalid character/);
    },
  );

  it('throws on a length no whole number of bytes can have (truncated input)', () => {
    expect(() => base32Decode('M')).toThrow(/impossible length/);
    expect(() => base32Decode('MZX')).toThrow(/impossible length/);
    expect(() => base32Decode('MZXW6Y')).toThrow(/impossible length/);
  });
});

describe('base32 round trip', () => {
  it('decode(encode(bytes)) gives the bytes back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const encoded = base32Encode(bytes);
        expect(encoded).toMatch(/^[A-Z2-7]*$/);
        expect(encoded).toHaveLength(Math.ceil((bytes.length * 8) / 5));
        expect(base32Decode(encoded)).toEqual(Buffer.from(bytes));
      }),
    );
  });

  it('survives the lower case and 4-character grouping apps display', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const shown = base32Encode(bytes).toLowerCase().replace(/.{4}/g, '$& ');
        expect(base32Decode(shown)).toEqual(Buffer.from(bytes));
      }),
    );
  });
});
