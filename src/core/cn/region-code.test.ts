import { describe, expect, it } from 'vitest';
import { SHAANXI_PREFECTURES, parseRegionCode } from './region-code';

function expectFailure(input: string, code: string): string {
  const result = parseRegionCode(input);
  expect(result).toMatchObject({ ok: false, code });
  return result.ok ? '' : result.message;
}

describe('parseRegionCode', () => {
  it('recognizes a province', () => {
    expect(parseRegionCode('610000')).toEqual({
      ok: true,
      value: { code: '610000', level: 'province', provinceCode: '610000', prefectureCode: null },
    });
  });

  it('recognizes a prefecture', () => {
    expect(parseRegionCode('610100')).toEqual({
      ok: true,
      value: { code: '610100', level: 'prefecture', provinceCode: '610000', prefectureCode: '610100' },
    });
  });

  it('recognizes a county and its prefecture', () => {
    expect(parseRegionCode('610104')).toEqual({
      ok: true,
      value: { code: '610104', level: 'county', provinceCode: '610000', prefectureCode: '610100' },
    });
    const directlyAdministered = parseRegionCode('429004');
    expect(directlyAdministered.ok && directlyAdministered.value.prefectureCode).toBe('429000');
  });

  it('treats XX0Y00 as a prefecture, not a province', () => {
    const result = parseRegionCode('611000');
    expect(result.ok && result.value.level).toBe('prefecture');
  });

  it('accepts full-width digits and stray spaces', () => {
    const result = parseRegionCode(' ６１０１ ００ ');
    expect(result.ok && result.value.code).toBe('610100');
  });

  it('REGION_REQUIRED for empty input', () => {
    expect(expectFailure('', 'REGION_REQUIRED')).toBe('请填写行政区划代码');
  });

  it('REGION_FORMAT for anything but 6 digits', () => {
    expect(expectFailure('61010', 'REGION_FORMAT')).toContain('6 位数字');
    expectFailure('6101000', 'REGION_FORMAT');
    expectFailure('6101AB', 'REGION_FORMAT');
  });

  it('REGION_PROVINCE for an unknown province part', () => {
    expect(expectFailure('990000', 'REGION_PROVINCE')).toContain('“99”');
    expectFailure('000000', 'REGION_PROVINCE');
    expectFailure('160100', 'REGION_PROVINCE');
  });
});

describe('SHAANXI_PREFECTURES', () => {
  it('lists the ten prefecture-level cities of 陕西省 in code order', () => {
    expect(SHAANXI_PREFECTURES.map((p) => p.name)).toEqual([
      '西安市', '铜川市', '宝鸡市', '咸阳市', '渭南市', '延安市', '汉中市', '榆林市', '安康市', '商洛市',
    ]);
    expect(SHAANXI_PREFECTURES.find((p) => p.name === '商洛市')?.code).toBe('611000');
  });

  it('contains only valid prefecture codes of 610000', () => {
    for (const { code } of SHAANXI_PREFECTURES) {
      const result = parseRegionCode(code);
      expect(result.ok && result.value.level, code).toBe('prefecture');
      expect(result.ok && result.value.provinceCode, code).toBe('610000');
    }
    expect(new Set(SHAANXI_PREFECTURES.map((p) => p.code)).size).toBe(10);
  });
});
