/**
 * Mainland China mobile numbers: 11 digits, '1' followed by 3–9 (numbering
 * plan of the Ministry of Industry and Information Technology; E.164 country code 86).
 */
import { maskMiddle } from './mask';
import { normalizeCode } from './normalize';
import { fail, ok, type CheckResult } from './result';

const MOBILE = /^1[3-9]\d{9}$/;
// International prefixes for China: '+86', '0086' (IDD 00) or a bare '86'.
const COUNTRY_PREFIX = /^(?:\+86|0086|86)(?=\d{11}$)/;

/** Validates a mobile number; tolerates full-width digits, spaces, dashes and a +86 prefix. */
export function parseMobile(input: string): CheckResult<{ mobile: string }> {
  const cleaned = normalizeCode(input).replaceAll('-', '');
  if (cleaned === '') {
    return fail('MOBILE_REQUIRED', '请填写手机号码');
  }
  const mobile = cleaned.replace(COUNTRY_PREFIX, '');
  if (!/^\d+$/.test(mobile)) {
    return fail('MOBILE_FORMAT', '手机号码只能包含数字');
  }
  if (mobile.length !== 11) {
    return fail('MOBILE_FORMAT', `手机号码应为 11 位数字，当前为 ${mobile.length} 位`);
  }
  if (!MOBILE.test(mobile)) {
    return fail('MOBILE_FORMAT', '手机号码应以 1 开头，第二位为 3–9');
  }
  return ok({ mobile });
}

/** '13800138000' → '138****8000'. Input is cleaned up first; anything not a valid mobile is masked completely. */
export function maskMobile(mobile: string): string {
  const parsed = parseMobile(mobile);
  return parsed.ok ? maskMiddle(parsed.value.mobile, 3, 4) : '*'.repeat([...mobile].length);
}
