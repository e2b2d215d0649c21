/**
 * Units reporting directly to 省总 besides the cities (domain.md §9.2):
 * the 12 省级产业工会 after the 2011 restructuring (with 水利 widened to
 * 农林水利气象), a few 单列单位 unions of big provincial SOEs, and 省直机关工会.
 *
 * `kinds` says which grassroots makers fill each one; `systems` are the
 * 产业系统工会 under an industry union (their names are illustrative).
 */
import type { MakerId } from './grassroots-names';

type KindMix = readonly (readonly [MakerId, number])[];

export type SystemDef = {
  readonly name: string;
  readonly shortName: string;
  readonly kinds: KindMix;
};

export type ProvincialUnitDef = {
  readonly type: 'industry' | 'direct';
  readonly name: string;
  readonly shortName: string;
  /** Share of the grassroots unions attached to industry/direct units. */
  readonly weight: number;
  readonly kinds: KindMix;
  readonly systems?: readonly SystemDef[];
  /** Cities its grassroots units are located in (short names); all cities when absent. */
  readonly cities?: readonly string[];
};

export const INDUSTRY_UNIONS: readonly ProvincialUnitDef[] = [
  { type: 'industry', name: '陕西省国防工会', shortName: '国防', weight: 1, kinds: [['defense', 1]] },
  {
    type: 'industry',
    name: '陕西省教育工会',
    shortName: '教育',
    weight: 2,
    kinds: [['college', 1]],
    systems: [{ name: '陕西省高等职业院校系统工会', shortName: '高职院校系统', kinds: [['college', 1]] }],
  },
  {
    type: 'industry',
    name: '陕西省财贸工会',
    shortName: '财贸',
    weight: 1,
    kinds: [['trade', 1]],
    systems: [{ name: '陕西省供销合作系统工会', shortName: '供销合作系统', kinds: [['supplyCoop', 1]] }],
  },
  {
    type: 'industry',
    name: '陕西省交通运输工会',
    shortName: '交通运输',
    weight: 1,
    kinds: [['transport', 1]],
    systems: [{ name: '陕西省公路系统工会', shortName: '公路系统', kinds: [['highway', 1]] }],
  },
  {
    type: 'industry',
    name: '陕西省农林水利气象工会',
    shortName: '农林水利气象',
    weight: 1,
    kinds: [['farmWaterWeather', 1]],
    systems: [{ name: '陕西省气象系统工会', shortName: '气象系统', kinds: [['weather', 1]] }],
  },
  { type: 'industry', name: '陕西省机械冶金建材工会', shortName: '机械冶金建材', weight: 1.5, kinds: [['heavyIndustry', 1]] },
  {
    type: 'industry',
    name: '陕西省能源化工地质工会',
    shortName: '能源化工地质',
    weight: 1.5,
    kinds: [['energy', 1]],
    systems: [{ name: '陕西省地质勘查系统工会', shortName: '地质勘查系统', kinds: [['geology', 1]] }],
  },
  { type: 'industry', name: '陕西省电子信息产业工会', shortName: '电子信息', weight: 1, kinds: [['electronics', 1]] },
  {
    type: 'industry',
    name: '陕西省教科文卫体工会',
    shortName: '教科文卫体',
    weight: 1,
    kinds: [['scienceCulture', 1]],
    systems: [{ name: '陕西省卫生健康系统工会', shortName: '卫生健康系统', kinds: [['provinceHospital', 1]] }],
  },
  { type: 'industry', name: '陕西省建设工会', shortName: '建设', weight: 1, kinds: [['building', 1]] },
  { type: 'industry', name: '陕西省轻工纺织烟草工会', shortName: '轻工纺织烟草', weight: 1, kinds: [['lightIndustry', 1]] },
  { type: 'industry', name: '陕西省金融工会', shortName: '金融', weight: 1.5, kinds: [['finance', 1]] },
];

/**
 * 单列单位 (domain.md §9.2: big enterprises whose unions report to 省总 directly;
 * the real list was not found, so these are well-known provincial SOE groups) and 省直机关工会.
 */
export const DIRECT_UNITS: readonly ProvincialUnitDef[] = [
  {
    type: 'direct',
    name: '陕西延长石油（集团）有限责任公司工会',
    shortName: '延长石油',
    weight: 1.5,
    kinds: [['oilSubsidiary', 1]],
    cities: ['延安', '榆林', '咸阳'],
  },
  {
    type: 'direct',
    name: '陕西煤业化工集团有限责任公司工会',
    shortName: '陕煤集团',
    weight: 1.5,
    kinds: [['coalSubsidiary', 1]],
    cities: ['榆林', '铜川', '渭南', '咸阳', '延安'],
  },
  {
    type: 'direct',
    name: '陕西有色金属控股集团有限责任公司工会',
    shortName: '陕西有色',
    weight: 1,
    kinds: [['metalSubsidiary', 1]],
    cities: ['宝鸡', '商洛', '渭南', '汉中'],
  },
  { type: 'direct', name: '陕西省直机关工会', shortName: '省直机关', weight: 1.5, kinds: [['provinceAgency', 1]], cities: ['西安'] },
];
