import { describe, expect, it } from 'vitest';
import { findRecoveryCode, generateRecoveryCodes, hashRecoveryCode, RECOVERY_CODE_ALPHABET } from './recovery-codes';

const FORMAT = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}$/;

describe('generateRecoveryCodes', () => {
  it('gives 10 unique codes shaped XXXXX-XXXXX by default', () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) {
      expect(code).toMatch(FORMAT);
    }
  });

  it('never uses the ambiguous characters 0 O 1 I L', () => {
    expect(RECOVERY_CODE_ALPHABET).toHaveLength(31);
    expect(RECOVERY_CODE_ALPHABET).not.toMatch(/[0O1IL]/);
    const all = generateRecoveryCodes(200).join('');
    expect(all).not.toMatch(/[0O1IL]/);
    // 2000 characters drawn from 31 symbols: every symbol appears (misses with odds < 10^-26).
    expect(new Set(all.replace(/-/g, '')).size).toBe(31);
  });

  it('honours the count and refuses nonsense', () => {
    expect(generateRecoveryCodes(3)).toHaveLength(3);
    expect(() => generateRecoveryCodes(0)).toThrow(RangeError);
    expect(() => generateRecoveryCodes(2.5)).toThrow(RangeError);
  });
});

describe('hashRecoveryCode', () => {
  it('stores a salted SHA-256, never the code itself', () => {
    const hash = hashRecoveryCode('ABCDE-FGHJK');
    expect(hash).toMatch(/^sha256\$[A-Za-z0-9_-]{22}\$[0-9a-f]{64}$/);
    expect(hash).not.toContain('ABCDE');
    // A unique salt per hash: the same code never gives the same stored value.
    expect(hashRecoveryCode('ABCDE-FGHJK')).not.toBe(hash);
  });
});

describe('findRecoveryCode', () => {
  const codes = generateRecoveryCodes();
  const hashes = codes.map(hashRecoveryCode);

  it('finds each code as shown', () => {
    codes.forEach((code, index) => {
      expect(findRecoveryCode(hashes, code)).toBe(index);
    });
  });

  it('finds a code typed in lower case, without the dash, or with spaces', () => {
    const code = codes[3]!;
    expect(findRecoveryCode(hashes, code.toLowerCase().replace('-', ''))).toBe(3);
    expect(findRecoveryCode(hashes, ` ${code.slice(0, 5).toLowerCase()} ${code.slice(6)} `)).toBe(3);
  });

  it('finds a code typed in full-width characters', () => {
    const fullWidth = [...codes[7]!].map((char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0)).join('');
    expect(findRecoveryCode(hashes, fullWidth)).toBe(7);
  });

  it('returns -1 for a wrong code', () => {
    const code = codes[0]!;
    const swapped = RECOVERY_CODE_ALPHABET[(RECOVERY_CODE_ALPHABET.indexOf(code.at(-1)!) + 1) % 31];
    const oneOff = `${code.slice(0, -1)}${swapped}`;
    expect(codes).not.toContain(oneOff);
    expect(findRecoveryCode(hashes, oneOff)).toBe(-1);
    expect(findRecoveryCode(hashes, 'ZZZZZ-ZZZZZ')).toBe(codes.indexOf('ZZZZZ-ZZZZZ'));
    expect(findRecoveryCode(hashes, '')).toBe(-1);
    expect(findRecoveryCode([], code)).toBe(-1);
  });

  it('skips malformed stored entries instead of throwing', () => {
    expect(findRecoveryCode(['', 'md5$x$y', 'garbage', hashes[2]!], codes[2]!)).toBe(3);
  });
});
