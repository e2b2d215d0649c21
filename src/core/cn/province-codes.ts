/**
 * Province-level codes: the first two digits of a GB/T 2260 administrative
 * division code, which also open every GB 11643 citizen ID number.
 *
 * 11–15 华北, 21–23 东北, 31–37 华东, 41–46 中南, 50–54 西南, 61–65 西北,
 * 71 台湾, 81 香港, 82 澳门. 91 is not a GB/T 2260 province; it is accepted
 * because it appears on ID numbers issued under the legacy coding.
 */
export const PROVINCE_CODES: readonly string[] = [
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71',
  '81', '82',
  '91',
];

const PROVINCE_CODE_SET: ReadonlySet<string> = new Set(PROVINCE_CODES);

/** True when `twoDigits` is a province-level code from the list above. */
export function isProvinceCode(twoDigits: string): boolean {
  return PROVINCE_CODE_SET.has(twoDigits);
}
