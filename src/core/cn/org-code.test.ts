import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orgCodeCheckChar } from './org-code';

describe('orgCodeCheckChar (GB 11714-1997)', () => {
  it('matches the organization code inside credit code 91350100M000100Y43', () => {
    // M=22, Y=34: 22·3 + 0·7 + 0·9 + 0·10 + 1·5 + 0·8 + 0·4 + 34·2 = 139; 139 mod 11 = 7; 11 − 7 = 4
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
  });

  it('writes 11 as 0 and 10 as X', () => {
    expect(orgCodeCheckChar('00000000')).toBe('0'); // sum 0 → 11 − 0 = 11 → '0'
    expect(orgCodeCheckChar('40000000')).toBe('X'); // sum 12, 12 mod 11 = 1 → 10 → 'X'
  });

  it('values letters A=10 … Z=35 (not by position in the credit-code charset)', () => {
    expect(orgCodeCheckChar('A0000000')).toBe('3'); // 30 mod 11 = 8 → 3
    expect(orgCodeCheckChar('Z0000000')).toBe('5'); // 105 mod 11 = 6 → 5
  });

  it('always yields a digit or X, and detects a body substitution exactly when the values differ by a non-multiple of 11', () => {
    const bodyChars = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const body = fc.string({ unit: fc.constantFrom(...bodyChars), minLength: 8, maxLength: 8 });
    fc.assert(
      fc.property(body, fc.integer({ min: 0, max: 7 }), fc.constantFrom(...bodyChars), (b, i, ch) => {
        const check = orgCodeCheckChar(b);
        expect(check).toMatch(/^[0-9X]$/);
        fc.pre(ch !== b.charAt(i));
        // Every weight is coprime to 11, so a substitution goes unnoticed exactly when the two
        // values differ by 11, 22 or 33 (e.g. 0 ↔ B): GB 11714 alone cannot protect a 36-char
        // alphabet. Inside a credit code the MOD 31 check covers these positions anyway.
        const diff = Math.abs(bodyChars.indexOf(ch) - bodyChars.indexOf(b.charAt(i)));
        const mutated = b.slice(0, i) + ch + b.slice(i + 1);
        expect(orgCodeCheckChar(mutated) !== check).toBe(diff % 11 !== 0);
      }),
    );
  });

  it('rejects a malformed body', () => {
    expect(() => orgCodeCheckChar('M000100')).toThrow(RangeError);
    expect(() => orgCodeCheckChar('m000100y')).toThrow(RangeError);
  });
});
