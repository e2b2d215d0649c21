/**
 * 行政区划代码 — GB/T 2260.
 *
 * 6 digits: province (2) · prefecture (2) · county (2). A code ending in
 * 0000 names a province, one ending in 00 a prefecture-level division;
 * anything else a county-level division.
 */
import { normalizeCode } from './normalize';
import { isProvinceCode } from './province-codes';
import { fail, ok, type CheckResult } from './result';

export type RegionLevel = 'province' | 'prefecture' | 'county';

export type RegionCodeInfo = {
  code: string;
  level: RegionLevel;
  /** XX0000 */
  provinceCode: string;
  /**
   * XXYY00 for prefecture- and county-level codes, null for a province.
   * For counties directly under a province (e.g. 429004 仙桃市) or districts of
   * a municipality (110101) this is the grouping code (429000, 110100).
   */
  prefectureCode: string | null;
};

export function parseRegionCode(input: string): CheckResult<RegionCodeInfo> {
  const code = normalizeCode(input);
  if (code === '') {
    return fail('REGION_REQUIRED', '请填写行政区划代码');
  }
  if (!/^\d{6}$/.test(code)) {
    return fail('REGION_FORMAT', `行政区划代码应为 6 位数字，当前为“${code}”`);
  }
  const province = code.slice(0, 2);
  if (!isProvinceCode(province)) {
    return fail('REGION_PROVINCE', `行政区划代码前两位“${province}”不是有效的省级行政区划代码`);
  }
  const provinceCode = `${province}0000`;
  if (code.endsWith('0000')) {
    return ok({ code, level: 'province', provinceCode, prefectureCode: null });
  }
  const prefectureCode = `${code.slice(0, 4)}00`;
  const level: RegionLevel = code.endsWith('00') ? 'prefecture' : 'county';
  return ok({ code, level, provinceCode, prefectureCode });
}

/** Prefecture-level divisions of 陕西省 (610000), GB/T 2260. */
export const SHAANXI_PREFECTURES: readonly { readonly code: string; readonly name: string }[] = [
  { code: '610100', name: '西安市' },
  { code: '610200', name: '铜川市' },
  { code: '610300', name: '宝鸡市' },
  { code: '610400', name: '咸阳市' },
  { code: '610500', name: '渭南市' },
  { code: '610600', name: '延安市' },
  { code: '610700', name: '汉中市' },
  { code: '610800', name: '榆林市' },
  { code: '610900', name: '安康市' },
  { code: '611000', name: '商洛市' },
];
