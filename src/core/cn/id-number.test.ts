import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idNumberCheckChar, makeIdNumber, parseIdNumber } from './id-number';
import { PROVINCE_CODES } from './province-codes';

// A fixed "today" so that results do not depend on when the tests run.
const TODAY = new Date(2024, 5, 1); // 2024-06-01, local time

/** Appends the correct check character, so a test exercises only the rule it names. */
function withCheck(first17: string): string {
  return first17 + idNumberCheckChar(first17);
}

function expectFailure(input: string, code: string, today: Date = TODAY): string {
  const result = parseIdNumber(input, today);
  expect(result).toMatchObject({ ok: false, code });
  return result.ok ? '' : result.message;
}

describe('idNumberCheckChar (ISO 7064 MOD 11-2)', () => {
  it('gives X for the GB 11643-1999 example 11010519491231002X', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
  });

  it('matches a hand computation', () => {
    // 6·7 + 1·9 + 0·10 + 1·5 + 0·8 + 4·4 + 1·2 + 9·1 + 8·6 + 5·3 + 0·7 + 3·9 + 1·10 + 2·5 + 1·8 + 2·4 + 3·2
    // = 215; 215 mod 11 = 6; '10X98765432'[6] = '6'
    expect(idNumberCheckChar('61010419850312123')).toBe('6');
  });

  it('makes the weighted sum of all 18 characters ≡ 1 (mod 11), the defining property of MOD 11-2', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}$/), (first17) => {
        const id = withCheck(first17);
        const sum = [...id].reduce((acc, ch, i) => acc + (ch === 'X' ? 10 : Number(ch)) * 2 ** (17 - i), 0);
        expect(sum % 11).toBe(1);
      }),
    );
  });

  it('rejects anything but 17 digits', () => {
    expect(() => idNumberCheckChar('1101051949123100')).toThrow(RangeError);
    expect(() => idNumberCheckChar('1101051949123100X')).toThrow(RangeError);
  });
});

describe('parseIdNumber — valid numbers', () => {
  it('accepts the GB 11643-1999 example and extracts its fields', () => {
    expect(parseIdNumber('11010519491231002X', TODAY)).toEqual({
      ok: true,
      value: {
        idNumber: '11010519491231002X',
        birthDate: '1949-12-31',
        gender: 'female',
        regionCode: '110105',
        wasLegacy15: false,
      },
    });
  });

  it('reads gender from the 17th digit (odd = male)', () => {
    const male = parseIdNumber(withCheck('61010419850312123'), TODAY);
    const female = parseIdNumber(withCheck('61010419850312124'), TODAY);
    expect(male.ok && male.value.gender).toBe('male');
    expect(female.ok && female.value.gender).toBe('female');
  });

  it('accepts a lower-case x', () => {
    const result = parseIdNumber('11010519491231002x', TODAY);
    expect(result.ok && result.value.idNumber).toBe('11010519491231002X');
  });

  it('accepts full-width digits and a full-width Ｘ', () => {
    const result = parseIdNumber('６１０１０４１９８５０３１２１２３６', TODAY);
    expect(result.ok && result.value.idNumber).toBe('610104198503121236');
    const x = parseIdNumber('１１０１０５１９４９１２３１００２ｘ', TODAY);
    expect(x.ok && x.value.idNumber).toBe('11010519491231002X');
  });

  it('accepts spaces inside and Excel-style stray whitespace, NBSP, BOM and zero-width spaces', () => {
    for (const input of [
      '610104 19850312 1236',
      '610104\u300019850312\u30001236',
      ' \t610104198503121236\u00A0\n',
      '\uFEFF610104198503121236\u200B',
    ]) {
      const result = parseIdNumber(input, TODAY);
      expect(result.ok && result.value.idNumber, JSON.stringify(input)).toBe('610104198503121236');
    }
  });

  it('converts a legacy 15-digit number to 18 digits', () => {
    // 610104 850312 123 → insert '19' → 61010419850312123, check char '6' (see hand computation above)
    expect(parseIdNumber('610104850312123', TODAY)).toEqual({
      ok: true,
      value: {
        idNumber: '610104198503121236',
        birthDate: '1985-03-12',
        gender: 'male',
        regionCode: '610104',
        wasLegacy15: true,
      },
    });
  });

  it('accepts 29 February in leap years, including 2000', () => {
    expect(parseIdNumber(withCheck('61010420240229123'), TODAY).ok).toBe(true);
    expect(parseIdNumber(withCheck('61010420000229123'), TODAY).ok).toBe(true);
  });

  it('accepts a person born today and on 1900-01-01', () => {
    expect(parseIdNumber(withCheck('61010420240601123'), TODAY).ok).toBe(true);
    expect(parseIdNumber(withCheck('61010419000101123'), TODAY).ok).toBe(true);
  });
});

describe('parseIdNumber — errors', () => {
  it('ID_REQUIRED for empty or blank input', () => {
    expect(expectFailure('', 'ID_REQUIRED')).toBe('请填写公民身份号码');
    expectFailure(' \u3000\t', 'ID_REQUIRED');
  });

  it('ID_FORMAT for wrong length, naming the length', () => {
    expect(expectFailure('6101041985031212', 'ID_FORMAT')).toContain('当前为 16 位');
    expectFailure('61010419850312123', 'ID_FORMAT');
    expectFailure('6101041985031212366', 'ID_FORMAT');
  });

  it('ID_FORMAT for a bad character, naming it and its position', () => {
    expect(expectFailure('6101041985X3121236', 'ID_FORMAT')).toContain('第 11 位“X”');
    expect(expectFailure('61010419850312123A', 'ID_FORMAT')).toContain('第 18 位“A”');
    expect(expectFailure('61010485031212X', 'ID_FORMAT')).toContain('第 15 位“X”');
  });

  it('ID_REGION for an address code whose first digit is 0', () => {
    expect(expectFailure(withCheck('01010419850312123'), 'ID_REGION')).toContain('“01”');
  });

  it('ID_REGION for a non-existent province code', () => {
    expectFailure(withCheck('99010419850312123'), 'ID_REGION');
    expectFailure(withCheck('16010419850312123'), 'ID_REGION');
    expectFailure('990104850312123', 'ID_REGION');
  });

  it('ID_BIRTH_DATE for 29 February in a common year (2023, and the century year 1900)', () => {
    expect(expectFailure(withCheck('61010420230229123'), 'ID_BIRTH_DATE')).toContain('20230229');
    expectFailure(withCheck('61010419000229123'), 'ID_BIRTH_DATE');
  });

  it('ID_BIRTH_DATE for impossible months and days', () => {
    expectFailure(withCheck('61010419851301123'), 'ID_BIRTH_DATE');
    expectFailure(withCheck('61010419850431123'), 'ID_BIRTH_DATE');
    expectFailure(withCheck('61010419850100123'), 'ID_BIRTH_DATE');
    expectFailure('610104850230123', 'ID_BIRTH_DATE');
  });

  it('ID_BIRTH_DATE for a birth date in the future (relative to the given today)', () => {
    const id = withCheck('61010420240602123');
    expect(expectFailure(id, 'ID_BIRTH_DATE', TODAY)).toContain('晚于今天');
    expect(parseIdNumber(id, new Date(2024, 5, 2)).ok).toBe(true);
  });

  it('ID_BIRTH_DATE for a birth date before 1900-01-01', () => {
    expect(expectFailure(withCheck('61010418991231123'), 'ID_BIRTH_DATE')).toContain('早于 1900-01-01');
  });

  it('ID_CHECKSUM with the expected check character in the message', () => {
    expect(expectFailure('110105194912310021', 'ID_CHECKSUM')).toContain('应为 X');
    expect(expectFailure('61010419850312123X', 'ID_CHECKSUM')).toContain('应为 6');
  });
});

// ---- Property tests: the check character catches every single-character error ----

const DIGITS = '0123456789';
const ID_CHARS = `${DIGITS}X`;
const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(1900, 0, 1);
const LAST_DAY = Date.UTC(2024, 4, 31);

const validIdNumber = fc
  .record({
    province: fc.constantFrom(...PROVINCE_CODES),
    rest: fc.integer({ min: 0, max: 9999 }),
    day: fc.integer({ min: 0, max: (LAST_DAY - FIRST_DAY) / DAY_MS }),
    sequence: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ province, rest, day, sequence }) =>
    makeIdNumber(
      `${province}${String(rest).padStart(4, '0')}`,
      new Date(FIRST_DAY + day * DAY_MS).toISOString().slice(0, 10),
      sequence,
    ),
  );

const isWellFormed18 = (id: string): boolean => /^\d{17}[\dX]$/.test(id);
const checksumHolds = (id: string): boolean => idNumberCheckChar(id.slice(0, 17)) === id.charAt(17);

/** Outcome for a mutated number: it must be rejected, by the checksum whenever it is still well-formed. */
function problemWith(mutated: string): string | null {
  const result = parseIdNumber(mutated, TODAY);
  if (result.ok) return `${mutated} accepted`;
  if (isWellFormed18(mutated)) {
    return checksumHolds(mutated) ? `${mutated} passes the checksum` : null;
  }
  return result.code === 'ID_FORMAT' ? null : `${mutated} rejected with ${result.code}`;
}

describe('parseIdNumber — error detection (properties)', () => {
  it('makeIdNumber produces numbers parseIdNumber accepts, with the given fields', () => {
    fc.assert(
      fc.property(validIdNumber, (id) => {
        const result = parseIdNumber(id, TODAY);
        expect(result.ok && result.value.idNumber).toBe(id);
      }),
    );
  });

  it('catches EVERY single-character substitution at EVERY position (digits and X)', () => {
    fc.assert(
      fc.property(validIdNumber, (id) => {
        const problems: string[] = [];
        for (let i = 0; i < 18; i++) {
          for (const ch of ID_CHARS) {
            if (ch === id.charAt(i)) continue;
            const problem = problemWith(id.slice(0, i) + ch + id.slice(i + 1));
            if (problem) problems.push(problem);
          }
        }
        expect(problems).toEqual([]);
      }),
    );
  });

  it('catches EVERY transposition of two different adjacent characters', () => {
    fc.assert(
      fc.property(validIdNumber, (id) => {
        const problems: string[] = [];
        for (let i = 0; i < 17; i++) {
          const a = id.charAt(i);
          const b = id.charAt(i + 1);
          if (a === b) continue;
          const problem = problemWith(id.slice(0, i) + b + a + id.slice(i + 2));
          if (problem) problems.push(problem);
        }
        expect(problems).toEqual([]);
      }),
    );
  });

  it('catches a transposition involving the check character X (X moves into position 17)', () => {
    // Generated numbers rarely end in X, so exercise that case explicitly.
    const id = '11010519491231002X';
    expect(parseIdNumber('1101051949123100X2', TODAY)).toMatchObject({ ok: false, code: 'ID_FORMAT' });
    expect(problemWith(`${id.slice(0, 16)}X${id.charAt(16)}`)).toBeNull();
  });
});

describe('makeIdNumber', () => {
  it('builds the GB 11643-1999 example', () => {
    expect(makeIdNumber('110105', '1949-12-31', 2)).toBe('11010519491231002X');
  });

  it('pads the sequence to 3 digits and lets its parity set the gender', () => {
    const male = makeIdNumber('610104', '1985-03-12', 7);
    expect(male.slice(14, 17)).toBe('007');
    const parsed = parseIdNumber(male, TODAY);
    expect(parsed.ok && parsed.value.gender).toBe('male');
  });

  it('rejects invalid arguments', () => {
    expect(() => makeIdNumber('61010', '1985-03-12', 1)).toThrow(RangeError);
    expect(() => makeIdNumber('990104', '1985-03-12', 1)).toThrow(RangeError);
    expect(() => makeIdNumber('610104', '2023-02-29', 1)).toThrow(RangeError);
    expect(() => makeIdNumber('610104', '19850312', 1)).toThrow(RangeError);
    expect(() => makeIdNumber('610104', '1899-12-31', 1)).toThrow(RangeError);
    expect(() => makeIdNumber('610104', '1985-03-12', 1000)).toThrow(RangeError);
    expect(() => makeIdNumber('610104', '1985-03-12', -1)).toThrow(RangeError);
    expect(() => makeIdNumber('610104', '1985-03-12', 1.5)).toThrow(RangeError);
  });
});
