/**
 * 统一社会信用代码 — GB 32100-2015.
 *
 * 18 characters: registration authority (1) · entity type (1) · registering
 * authority's administrative division code, GB/T 2260 (6) · 主体标识码 =
 * organization code per GB 11714 (9, its own check character last) ·
 * check character (1).
 */
import { normalizeCode } from './normalize';
import { orgCodeCheckChar } from './org-code';
import { fail, ok, type CheckResult } from './result';

// GB 32100-2015 §4: the code uses digits and upper-case letters except I, O, Z, S, V;
// a character's value is its index here (0–30).
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
// GB 32100-2015 annex: ISO 7064 MOD 31-3 style; the weight of position i is 3^(i-1) mod 31.
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** GB 32100-2015 registration authority code for 工会 (trade unions). */
export const UNION_REGISTRATION_AUTHORITY = '8';
/** Entity type code for a union legal person (基层工会) under authority '8'. */
export const UNION_ENTITY_TYPE = '1';

export type CreditCodeInfo = {
  creditCode: string;
  /** Position 1, e.g. '9' 工商, '5' 民政, '8' 工会. */
  registrationAuthority: string;
  /** Position 2, meaning depends on the registration authority. */
  entityType: string;
  /** Positions 3–8, GB/T 2260 division code of the registering authority. */
  regionCode: string;
};

/** Check character for the first 17 characters: index (31 − Σ Ci·Wi mod 31) mod 31. Throws on invalid input. */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) {
    throw new RangeError(`creditCodeCheckChar expects 17 characters, got "${first17}"`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17.charAt(i));
    if (value < 0) {
      throw new RangeError(`creditCodeCheckChar: "${first17.charAt(i)}" is not a credit code character`);
    }
    sum += value * (WEIGHTS[i] ?? 0);
  }
  return CREDIT_CODE_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/** Validates a credit code typed or pasted by a user (full-width, spaces, lower case tolerated). */
export function parseCreditCode(input: string): CheckResult<CreditCodeInfo> {
  const code = normalizeCode(input);
  if (code === '') {
    return fail('CREDIT_CODE_REQUIRED', '请填写统一社会信用代码');
  }
  for (let i = 0; i < code.length; i++) {
    const ch = code.charAt(i);
    if (!CREDIT_CODE_CHARSET.includes(ch)) {
      return fail(
        'CREDIT_CODE_FORMAT',
        `统一社会信用代码第 ${i + 1} 位“${ch}”无效，只能是数字或大写字母（不使用 I、O、Z、S、V）`,
      );
    }
  }
  if (code.length !== 18) {
    return fail('CREDIT_CODE_FORMAT', `统一社会信用代码应为 18 位，当前为 ${code.length} 位`);
  }

  // The MOD 31 check covers all 18 positions, so any single mistyped
  // character is reported here first.
  const expected = creditCodeCheckChar(code.slice(0, 17));
  if (code.charAt(17) !== expected) {
    return fail('CREDIT_CODE_CHECKSUM', `统一社会信用代码校验位错误，应为 ${expected}，请核对代码是否有误`);
  }
  // Positions 9–17 must be a valid GB 11714 organization code; this catches
  // codes whose last character was recomputed over a made-up organization code.
  const orgExpected = orgCodeCheckChar(code.slice(8, 16));
  if (code.charAt(16) !== orgExpected) {
    return fail(
      'CREDIT_CODE_ORG_CHECKSUM',
      `统一社会信用代码第 9–17 位（组织机构代码）校验位错误，第 17 位应为 ${orgExpected}`,
    );
  }
  return ok({
    creditCode: code,
    registrationAuthority: code.charAt(0),
    entityType: code.charAt(1),
    regionCode: code.slice(2, 8),
  });
}

/**
 * Builds a fully valid credit code (both check characters computed), for
 * seed data and tests. `orgBody8` must use only characters of
 * CREDIT_CODE_CHARSET. Throws on invalid arguments.
 */
export function makeCreditCode(
  registrationAuthority: string,
  entityType: string,
  regionCode: string,
  orgBody8: string,
): string {
  const isCharsetChar = (ch: string): boolean => ch.length === 1 && CREDIT_CODE_CHARSET.includes(ch);
  if (!isCharsetChar(registrationAuthority)) {
    throw new RangeError(`makeCreditCode: invalid registration authority "${registrationAuthority}"`);
  }
  if (!isCharsetChar(entityType)) {
    throw new RangeError(`makeCreditCode: invalid entity type "${entityType}"`);
  }
  if (!/^\d{6}$/.test(regionCode)) {
    throw new RangeError(`makeCreditCode: invalid region code "${regionCode}"`);
  }
  if (orgBody8.length !== 8 || ![...orgBody8].every(isCharsetChar)) {
    throw new RangeError(`makeCreditCode: orgBody8 must be 8 credit code characters, got "${orgBody8}"`);
  }
  // The org check character is 0–9 or X, all of which are in the charset.
  const first17 = `${registrationAuthority}${entityType}${regionCode}${orgBody8}${orgCodeCheckChar(orgBody8)}`;
  return first17 + creditCodeCheckChar(first17);
}
