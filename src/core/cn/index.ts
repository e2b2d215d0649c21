export { isCalendarDate, isLeapYear, toLocalIsoDate } from './calendar-date';
export {
  CREDIT_CODE_CHARSET,
  UNION_ENTITY_TYPE,
  UNION_REGISTRATION_AUTHORITY,
  creditCodeCheckChar,
  makeCreditCode,
  parseCreditCode,
  type CreditCodeInfo,
} from './credit-code';
export { idNumberCheckChar, makeIdNumber, parseIdNumber, type IdNumberInfo } from './id-number';
export { maskIdNumber, maskMiddle } from './mask';
export { maskMobile, parseMobile } from './mobile';
export { normalizeCode, normalizeText, toHalfWidth } from './normalize';
export { orgCodeCheckChar } from './org-code';
export { PROVINCE_CODES, isProvinceCode } from './province-codes';
export { SHAANXI_PREFECTURES, parseRegionCode, type RegionCodeInfo, type RegionLevel } from './region-code';
export type { CheckResult } from './result';
