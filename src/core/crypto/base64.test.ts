import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64, decodeBase64Url, encodeBase64Url } from './base64';

describe('strict base64 / base64url', () => {
  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (array) => {
        const bytes = Buffer.from(array);
        expect(decodeBase64(bytes.toString('base64'))?.equals(bytes)).toBe(true);
        expect(decodeBase64Url(encodeBase64Url(bytes))?.equals(bytes)).toBe(true);
      }),
    );
  });

  it.each([
    ['spare bits set in the last character', 'AB=='],
    ['missing padding', 'AA'],
    ['characters outside the alphabet', 'AA!A'],
    ['whitespace', 'AAAA AAAA'],
    ['the base64url alphabet', '-_-_'],
  ])('base64 rejects %s, which Buffer.from would accept', (_name, text) => {
    expect(decodeBase64(text)).toBeUndefined();
  });

  it.each([
    ['spare bits set in the last character', 'AB'],
    ['padding', 'AA=='],
    ['the standard alphabet', '+/+/'],
    ['a length that no byte string has', 'AAAAA'],
    ['a dot', 'AA.A'],
  ])('base64url rejects %s', (_name, text) => {
    expect(decodeBase64Url(text)).toBeUndefined();
  });
});
