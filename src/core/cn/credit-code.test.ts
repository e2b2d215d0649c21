import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CREDIT_CODE_CHARSET,
  UNION_ENTITY_TYPE,
  UNION_REGISTRATION_AUTHORITY,
  creditCodeCheckChar,
  makeCreditCode,
  parseCreditCode,
} from './credit-code';

function expectFailure(input: string, code: string): string {
  const result = parseCreditCode(input);
  expect(result).toMatchObject({ ok: false, code });
  return result.ok ? '' : result.message;
}

// Hand-built union legal person code: authority 8 (工会), type 1, 西安市 610100, org body 12345678.
//  org check (GB 11714): 1·3 + 2·7 + 3·9 + 4·10 + 5·5 + 6·8 + 7·4 + 8·2 = 201; 201 mod 11 = 3; 11 − 3 = 8
//  first 17: 8 1 6 1 0 1 0 0 1 2 3 4 5 6 7 8 8
//  Σ value·weight = 8·1 + 1·3 + 6·9 + 1·27 + 0·19 + 1·26 + 0·16 + 0·17 + 1·20 + 2·29 + 3·25
//                 + 4·13 + 5·8 + 6·24 + 7·10 + 8·30 + 8·28 = 1041; 1041 mod 31 = 18; 31 − 18 = 13 → 'D'
const UNION_CODE = '81610100123456788D';

describe('creditCodeCheckChar (GB 32100-2015 MOD 31)', () => {
  it('verifies the commonly cited example 91350100M000100Y43', () => {
    // M=21, Y=30 in the 31-char set: 9 + 3 + 27 + 135 + 26 + 420 + 8 + 900 + 112 = 1640;
    // 1640 mod 31 = 28; 31 − 28 = 3 → '3'
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('matches the hand computation for the union code', () => {
    expect(creditCodeCheckChar(UNION_CODE.slice(0, 17))).toBe('D');
  });

  it('makes Σ value·weight over all 18 characters ≡ 0 (mod 31), with weight 3^(i−1) mod 31 and 1 for the check', () => {
    const first17 = fc.string({ unit: fc.constantFrom(...CREDIT_CODE_CHARSET), minLength: 17, maxLength: 17 });
    fc.assert(
      fc.property(first17, (f) => {
        let sum = CREDIT_CODE_CHARSET.indexOf(creditCodeCheckChar(f));
        for (let i = 0; i < 17; i++) {
          let weight = 1;
          for (let k = 0; k < i; k++) weight = (weight * 3) % 31;
          sum += CREDIT_CODE_CHARSET.indexOf(f.charAt(i)) * weight;
        }
        expect(sum % 31).toBe(0);
      }),
    );
  });

  it('uses 31 characters without I, O, Z, S, V', () => {
    expect(CREDIT_CODE_CHARSET).toHaveLength(31);
    expect(CREDIT_CODE_CHARSET).not.toMatch(/[IOZSV]/);
  });

  it('rejects input that is not 17 charset characters', () => {
    expect(() => creditCodeCheckChar('91350100M000100Y')).toThrow(RangeError);
    expect(() => creditCodeCheckChar('91350100I000100Y4')).toThrow(RangeError);
  });
});

describe('parseCreditCode', () => {
  it('accepts 91350100M000100Y43 and extracts its fields', () => {
    expect(parseCreditCode('91350100M000100Y43')).toEqual({
      ok: true,
      value: { creditCode: '91350100M000100Y43', registrationAuthority: '9', entityType: '1', regionCode: '350100' },
    });
  });

  it('accepts the hand-built union legal person code', () => {
    const result = parseCreditCode(UNION_CODE);
    expect(result.ok && result.value).toEqual({
      creditCode: UNION_CODE,
      registrationAuthority: UNION_REGISTRATION_AUTHORITY,
      entityType: UNION_ENTITY_TYPE,
      regionCode: '610100',
    });
  });

  it('accepts lower case, full-width characters and stray whitespace', () => {
    for (const input of [
      '91350100m000100y43',
      '９１３５０１００Ｍ０００１００Ｙ４３',
      '９１３５０１００ｍ０００１００ｙ４３',
      ' 9135 0100\u3000M000 100Y 43\t',
      '\uFEFF91350100M000100Y43\u00A0',
    ]) {
      const result = parseCreditCode(input);
      expect(result.ok && result.value.creditCode, JSON.stringify(input)).toBe('91350100M000100Y43');
    }
  });

  it('CREDIT_CODE_REQUIRED for empty input', () => {
    expect(expectFailure('', 'CREDIT_CODE_REQUIRED')).toBe('请填写统一社会信用代码');
    expectFailure('\u3000 ', 'CREDIT_CODE_REQUIRED');
  });

  it('CREDIT_CODE_FORMAT for the wrong length', () => {
    expect(expectFailure('91350100M000100Y4', 'CREDIT_CODE_FORMAT')).toContain('当前为 17 位');
    expectFailure('91350100M000100Y433', 'CREDIT_CODE_FORMAT');
  });

  it('CREDIT_CODE_FORMAT naming a character outside the charset', () => {
    expect(expectFailure('91350100I000100Y43', 'CREDIT_CODE_FORMAT')).toContain('第 9 位“I”');
    expect(expectFailure('91350100M000100O43', 'CREDIT_CODE_FORMAT')).toContain('“O”');
    expect(expectFailure('9135-0100M000100Y43', 'CREDIT_CODE_FORMAT')).toContain('“-”');
    for (const ch of 'IOZSV') {
      expectFailure(`91350100M000100Y4${ch}`, 'CREDIT_CODE_FORMAT');
    }
  });

  it('CREDIT_CODE_CHECKSUM with the expected character in the message', () => {
    expect(expectFailure('91350100M000100Y44', 'CREDIT_CODE_CHECKSUM')).toContain('应为 3');
    expect(expectFailure('81610100123456788E', 'CREDIT_CODE_CHECKSUM')).toContain('应为 D');
  });

  it('CREDIT_CODE_ORG_CHECKSUM when positions 9–17 are not a valid GB 11714 code but the last character fits', () => {
    const first17 = '91350100M000100Y5'; // org check should be 4
    const code = first17 + creditCodeCheckChar(first17);
    expect(expectFailure(code, 'CREDIT_CODE_ORG_CHECKSUM')).toContain('应为 4');
  });
});

// ---- Property tests: MOD 31 catches every single-character error ----
// 31 is prime and every weight 3^k mod 31 is non-zero, so a substitution changes the sum by
// (a − b)·w ≢ 0; adjacent positions i, i+1 ≤ 17 have weights w and 3w, so a transposition changes
// it by (a − b)·(−2w) ≢ 0; positions 17/18 have weights 28 and 1, difference 27 ≢ 0. Nothing is
// narrowed below.

const charsetChar = fc.constantFrom(...CREDIT_CODE_CHARSET);
const validCreditCode = fc
  .record({
    authority: charsetChar,
    type: charsetChar,
    region: fc.stringMatching(/^\d{6}$/),
    body: fc.string({ unit: charsetChar, minLength: 8, maxLength: 8 }),
  })
  .map(({ authority, type, region, body }) => makeCreditCode(authority, type, region, body));

/** A mutated code must fail the MOD 31 check itself, and parseCreditCode must reject it. */
function problemWith(mutated: string): string | null {
  if (creditCodeCheckChar(mutated.slice(0, 17)) === mutated.charAt(17)) return `${mutated} passes MOD 31`;
  const result = parseCreditCode(mutated);
  if (result.ok) return `${mutated} accepted`;
  return result.code === 'CREDIT_CODE_CHECKSUM' ? null : `${mutated} rejected with ${result.code}`;
}

describe('parseCreditCode — error detection (properties)', () => {
  it('makeCreditCode produces codes parseCreditCode accepts', () => {
    fc.assert(
      fc.property(validCreditCode, (code) => {
        const result = parseCreditCode(code);
        expect(result.ok && result.value.creditCode).toBe(code);
      }),
    );
  });

  it('catches EVERY substitution of one character by another charset character at EVERY position', () => {
    fc.assert(
      fc.property(validCreditCode, (code) => {
        const problems: string[] = [];
        for (let i = 0; i < 18; i++) {
          for (const ch of CREDIT_CODE_CHARSET) {
            if (ch === code.charAt(i)) continue;
            const problem = problemWith(code.slice(0, i) + ch + code.slice(i + 1));
            if (problem) problems.push(problem);
          }
        }
        expect(problems).toEqual([]);
      }),
    );
  });

  it('catches EVERY transposition of two different adjacent characters, including positions 17/18', () => {
    fc.assert(
      fc.property(validCreditCode, (code) => {
        const problems: string[] = [];
        for (let i = 0; i < 17; i++) {
          const a = code.charAt(i);
          const b = code.charAt(i + 1);
          if (a === b) continue;
          const problem = problemWith(code.slice(0, i) + b + a + code.slice(i + 2));
          if (problem) problems.push(problem);
        }
        expect(problems).toEqual([]);
      }),
    );
  });
});

describe('makeCreditCode', () => {
  it('builds the hand-computed union code and the cited example', () => {
    expect(makeCreditCode('8', '1', '610100', '12345678')).toBe(UNION_CODE);
    expect(makeCreditCode('9', '1', '350100', 'M000100Y')).toBe('91350100M000100Y43');
  });

  it('rejects invalid arguments', () => {
    expect(() => makeCreditCode('I', '1', '610100', '12345678')).toThrow(RangeError);
    expect(() => makeCreditCode('8', '11', '610100', '12345678')).toThrow(RangeError);
    expect(() => makeCreditCode('8', '1', '61010', '12345678')).toThrow(RangeError);
    expect(() => makeCreditCode('8', '1', '610100', '1234567')).toThrow(RangeError);
    expect(() => makeCreditCode('8', '1', '610100', '1234567O')).toThrow(RangeError);
  });
});
