/**
 * The demo province: a deterministic org tree of 陕西省总工会 for development,
 * demos, tests and benchmarks.
 *
 * Shape (domain.md §9.2):
 *   陕西省总工会
 *   ├─ 13 city-level unions (10 cities + 韩城 + 杨凌 + 西咸, §9.1)
 *   │   ├─ county-level unions (real names and GB/T 2260 codes)
 *   │   │   ├─ township (乡镇/街道) unions          ─┐
 *   │   │   ├─ 区域性/行业性工会联合会              ├─ grassroots unions
 *   │   │   └─ grassroots unions                   ─┘
 *   │   ├─ city 产业系统工会 (教育/卫生健康)  → grassroots
 *   │   └─ grassroots (市直单位)
 *   ├─ 12 省级产业工会 → 产业系统工会 → grassroots
 *   └─ 单列单位工会 + 省直机关工会 → grassroots
 *
 * Everything above grassroots level is fixed; the seed only drives the
 * grassroots units (where they sit, names, sizes) and the credit codes.
 */
import { makeCreditCode } from '../../../../core/cn/credit-code';
import { federationsFor } from './federations';
import {
  CITY_KINDS,
  MAKERS,
  RURAL_KINDS,
  STREET_KINDS,
  TOWN_KINDS,
  URBAN_KINDS,
  type MakerId,
  type PlaceContext,
} from './grassroots-names';
import { DIRECT_UNITS, INDUSTRY_UNIONS, type ProvincialUnitDef } from './provincial-units';
import { createRandom, hashString, type Random } from '../../../../core/demo/random';
import { SHAANXI_CITIES, type CityDef, type CountyDef } from './shaanxi-cities';

export type DemoOrgType =
  | 'province'
  | 'city'
  | 'county'
  | 'township'
  | 'industry'
  | 'industry_system'
  | 'direct'
  | 'grassroots'
  | 'joint_grassroots'
  | 'federation';

export type DemoOrgUnit = {
  /** 1..N in depth-first order; the province is 1. */
  id: number;
  parentId: number | null;
  /** Materialized path of ids ending with '.', e.g. '1.2.17.'. */
  path: string;
  /** The province is 0. */
  depth: number;
  type: DemoOrgType;
  name: string;
  shortName: string | null;
  /**
   * Our org code: 'SX' + region code for the province, cities and counties
   * ('SX610113', 'SXJ61001' for jurisdiction codes); otherwise the parent's
   * code + '-' + a 4-digit sequence among its siblings ('SX610113-0007').
   */
  code: string;
  /** 统一社会信用代码 (GB 32100) of the union, authority '8' (工会), type '1'. */
  creditCode: string | null;
  /** GB/T 2260 code, or a 'J61xxx' jurisdiction code (see shaanxi-cities.ts). */
  regionCode: string | null;
  /** Employees covered, grassroots units only. */
  employeeCount: number | null;
  /** 1-based position among siblings. */
  sortOrder: number;
};

export type DemoProvinceOptions = { seed?: number; grassrootsCount?: number };

export const DEFAULT_DEMO_SEED = 2026;
export const DEFAULT_GRASSROOTS_COUNT = 2000;
/** Share of grassroots unions attached to industry unions and 单列单位 rather than to cities. */
const INDUSTRY_SHARE = 0.12;

type KindMix = readonly (readonly [MakerId, number])[];

type Draft = {
  type: DemoOrgType;
  name: string;
  shortName: string | null;
  regionCode: string;
  /** 6-digit GB/T 2260 code the union registers under (for the credit code). */
  creditRegion: string;
  employeeCount: number | null;
  /** Code taken from the region (province/city/county); null: derived from the parent. */
  ownCode: string | null;
  children: Draft[];
};

/** A place grassroots units can be located in. */
type Site = { place: PlaceContext; regionCode: string; creditRegion: string };

/** A non-grassroots unit that takes grassroots children. */
type Container = {
  draft: Draft;
  weight: number;
  kinds: KindMix;
  /** Fixed site (territorial), or sites to pick from per unit (industry/direct). */
  sites: readonly (readonly [Site, number])[];
};

const draft = (fields: Omit<Draft, 'children' | 'employeeCount' | 'ownCode'> & Partial<Draft>): Draft => ({
  employeeCount: null,
  ownCode: null,
  children: [],
  ...fields,
});

const isGbCode = (code: string) => /^\d{6}$/.test(code);

function countyPlace(city: CityDef, county: CountyDef): PlaceContext {
  const short = county.label ?? county.name;
  const urban = county.name.endsWith('区') || county.name.endsWith('新城');
  const stemmable = isGbCode(county.regionCode) && county.name.length >= 3 && /[区县市]$/.test(county.name);
  return {
    cityShort: city.shortName,
    cityPrefix: city.prefix,
    countyFull: county.label ?? (urban ? `${city.prefix}${county.name}` : county.name),
    county: short,
    // '雁塔区' → '雁塔', '沣东新城' → '沣东'; two-character names ('眉县') keep the city.
    countyStem: stemmable ? county.name.slice(0, -1) : county.name.endsWith('新城') ? county.name.slice(0, -2) : city.shortName,
    township: null,
    cityLevel: false,
  };
}

function cityPlace(city: CityDef): PlaceContext {
  return {
    cityShort: city.shortName,
    cityPrefix: city.prefix,
    countyFull: city.prefix,
    county: city.prefix,
    countyStem: city.shortName,
    township: null,
    // 韩城 and 杨凌 have no county level: their own units are county-sized.
    cityLevel: city.counties.length > 0,
  };
}

/** Urban districts, 开发区 and 新城 get urban trades; 县 and 县级市 get farming co-operatives too. */
const isUrban = (county: CountyDef) => !isGbCode(county.regionCode) || county.name.endsWith('区');
const townshipKinds = (township: string): KindMix => (township.endsWith('镇') ? TOWN_KINDS : STREET_KINDS);

/** Weight of a county in its city's share: urban districts and 开发区 host more units. */
function countyWeight(county: CountyDef): number {
  if (!isGbCode(county.regionCode)) return county.name.endsWith('新城') ? 1.5 : 3;
  if (county.name.endsWith('区')) return 3;
  if (county.name.endsWith('市')) return 2;
  return 1.5;
}

/** Largest-remainder split of `total` by weights; exact, deterministic. */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
    left--;
  }
  return counts;
}

/** Builds the fixed upper tree; returns the root and the containers for grassroots units. */
function buildUpperTree(usedNames: Set<string>) {
  const name = (n: string) => {
    if (usedNames.has(n)) throw new Error(`demo province: duplicate fixed name ${n}`);
    usedNames.add(n);
    return n;
  };
  const province = draft({
    type: 'province',
    name: name('陕西省总工会'),
    shortName: '陕西',
    regionCode: '610000',
    creditRegion: '610000',
    ownCode: 'SX610000',
  });

  const cityContainers: Container[][] = [];
  const citySites = new Map<string, (readonly [Site, number])[]>();
  let countyIndex = 0;

  for (const city of SHAANXI_CITIES) {
    const cityDraft = draft({
      type: 'city',
      name: name(city.unionName),
      shortName: city.shortName,
      regionCode: city.regionCode,
      creditRegion: city.creditRegion,
      ownCode: `SX${city.regionCode}`,
    });
    province.children.push(cityDraft);
    const containers: Container[] = [];
    const sites: (readonly [Site, number])[] = [];
    const citySite: Site = { place: cityPlace(city), regionCode: city.regionCode, creditRegion: city.creditRegion };

    for (const county of city.counties) {
      const place = countyPlace(city, county);
      const creditRegion = county.creditRegion ?? county.regionCode;
      const site: Site = { place, regionCode: county.regionCode, creditRegion };
      sites.push([site, countyWeight(county)]);
      const countyDraft = draft({
        type: 'county',
        name: name(county.unionName ?? `${city.prefix}${county.name}总工会`),
        shortName: place.county,
        regionCode: county.regionCode,
        creditRegion,
        ownCode: `SX${county.regionCode}`,
      });
      cityDraft.children.push(countyDraft);
      containers.push({
        draft: countyDraft,
        weight: countyWeight(county),
        kinds: isUrban(county) ? URBAN_KINDS : RURAL_KINDS,
        sites: [[site, 1]],
      });

      for (const township of county.townships ?? []) {
        const townDraft = draft({
          type: 'township',
          name: name(`${place.county}${township}总工会`),
          shortName: township,
          regionCode: county.regionCode,
          creditRegion,
        });
        countyDraft.children.push(townDraft);
        const townSite: Site = { ...site, place: { ...place, township } };
        containers.push({ draft: townDraft, weight: 0.8, kinds: townshipKinds(township), sites: [[townSite, 1]] });
      }

      for (const fed of federationsFor(county.name, countyIndex, (county.townships ?? []).length > 0)) {
        const fedDraft = draft({
          type: 'federation',
          name: name(`${place.county}${fed.trade}工会联合会`),
          shortName: fed.trade,
          regionCode: county.regionCode,
          creditRegion,
        });
        countyDraft.children.push(fedDraft);
        containers.push({ draft: fedDraft, weight: 0.6, kinds: fed.kinds, sites: [[site, 1]] });
      }
      countyIndex++;
    }

    // 韩城 and 杨凌 have townships directly under the city union.
    for (const township of city.townships ?? []) {
      const townDraft = draft({
        type: 'township',
        name: name(`${city.prefix}${township}总工会`),
        shortName: township,
        regionCode: city.regionCode,
        creditRegion: city.creditRegion,
      });
      cityDraft.children.push(townDraft);
      containers.push({
        draft: townDraft,
        weight: 1,
        kinds: townshipKinds(township),
        sites: [[{ ...citySite, place: { ...citySite.place, township } }, 1]],
      });
    }

    for (const system of city.systems ?? []) {
      const label = system === 'education' ? '教育系统' : '卫生健康系统';
      const systemDraft = draft({
        type: 'industry_system',
        name: name(`${city.prefix}${label}工会`),
        shortName: label,
        regionCode: city.regionCode,
        creditRegion: city.creditRegion,
      });
      cityDraft.children.push(systemDraft);
      const kinds: KindMix =
        system === 'education'
          ? [['school', 6], ['kindergarten', 2], ['vocationalSchool', 1]]
          : [['hospital', 3], ['clinic', 2]];
      // System units sit anywhere in the city.
      containers.push({ draft: systemDraft, weight: 1.2, kinds, sites: [[citySite, 2], ...sites] });
    }

    // 市直单位: grassroots unions directly under the city union.
    // 韩城 and 杨凌 have no county level, so the city union takes a county's mix.
    const cityKinds: KindMix = city.counties.length === 0 ? RURAL_KINDS : CITY_KINDS;
    containers.push({ draft: cityDraft, weight: city.counties.length === 0 ? 2 : 1, kinds: cityKinds, sites: [[citySite, 1]] });

    if (sites.length === 0) sites.push([citySite, 1]);
    citySites.set(city.shortName, sites);
    cityContainers.push(containers);
  }

  // Sites for industry-attached units: a county of a city weighted by the city's size.
  const sitesOf = (def: ProvincialUnitDef | null): (readonly [Site, number])[] => {
    const out: (readonly [Site, number])[] = [];
    for (const city of SHAANXI_CITIES) {
      if (def?.cities && !def.cities.includes(city.shortName)) continue;
      const sites = citySites.get(city.shortName) ?? [];
      const total = sites.reduce((a, [, w]) => a + w, 0);
      for (const [site, w] of sites) out.push([site, (city.weight * w) / total]);
    }
    return out;
  };

  const industryContainers: Container[] = [];
  for (const def of [...INDUSTRY_UNIONS, ...DIRECT_UNITS]) {
    const unitDraft = draft({
      type: def.type,
      name: name(def.name),
      shortName: def.shortName,
      regionCode: '610000',
      creditRegion: '610000',
    });
    province.children.push(unitDraft);
    const sites = sitesOf(def);
    industryContainers.push({ draft: unitDraft, weight: def.weight, kinds: def.kinds, sites });
    for (const system of def.systems ?? []) {
      const systemDraft = draft({
        type: 'industry_system',
        name: name(system.name),
        shortName: system.shortName,
        regionCode: '610000',
        creditRegion: '610000',
      });
      unitDraft.children.push(systemDraft);
      industryContainers.push({ draft: systemDraft, weight: 0.8, kinds: system.kinds, sites: sitesOf(null) });
    }
  }

  return { province, cityContainers, industryContainers };
}

/** Picks a name not used yet; retries with fresh words, then numbers the last try. */
function addGrassroots(rng: Random, container: Container, usedNames: Set<string>): void {
  let last: { site: Site; name: string; joint: boolean; employees: number } | null = null;
  for (let attempt = 0; attempt < 40; attempt++) {
    const site = rng.weighted(container.sites);
    const made = MAKERS[rng.weighted(container.kinds)](rng, site.place);
    last = { site, ...made };
    if (!usedNames.has(made.name)) break;
  }
  if (last === null) throw new Error('unreachable');
  let unique = last.name;
  for (let n = 2; usedNames.has(unique); n++) unique = `${last.name}（${n}）`;
  usedNames.add(unique);
  container.draft.children.push(
    draft({
      type: last.joint ? 'joint_grassroots' : 'grassroots',
      name: unique,
      shortName: null,
      regionCode: last.site.regionCode,
      creditRegion: last.site.creditRegion,
      employeeCount: Math.max(1, last.employees),
    }),
  );
}

const ORG_BODY_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A credit code that depends on the unit's own code and the seed only. */
function creditCodeFor(code: string, creditRegion: string, seed: number, used: Set<string>): string {
  const rng = createRandom(hashString(code, seed));
  for (;;) {
    let body = '';
    for (let i = 0; i < 8; i++) body += ORG_BODY_CHARS.charAt(Math.floor(rng.next() * ORG_BODY_CHARS.length));
    const credit = makeCreditCode('8', '1', creditRegion, body);
    if (!used.has(credit)) {
      used.add(credit);
      return credit;
    }
  }
}

export function buildDemoProvince(options: DemoProvinceOptions = {}): DemoOrgUnit[] {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const total = options.grassrootsCount ?? DEFAULT_GRASSROOTS_COUNT;
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`grassrootsCount must be a non-negative integer, got ${total}`);

  const usedNames = new Set<string>();
  const { province, cityContainers, industryContainers } = buildUpperTree(usedNames);
  const rng = createRandom(seed);

  const industryCount = Math.round(total * INDUSTRY_SHARE);
  const perCity = apportion(
    total - industryCount,
    SHAANXI_CITIES.map((c) => c.weight),
  );
  cityContainers.forEach((containers, i) => {
    const choices = containers.map((c) => [c, c.weight] as const);
    for (let k = 0; k < (perCity[i] ?? 0); k++) addGrassroots(rng, rng.weighted(choices), usedNames);
  });
  const industryChoices = industryContainers.map((c) => [c, c.weight] as const);
  for (let k = 0; k < industryCount; k++) addGrassroots(rng, rng.weighted(industryChoices), usedNames);

  // Depth-first flattening: ids, paths, codes, credit codes.
  const units: DemoOrgUnit[] = [];
  const usedCredit = new Set<string>();
  const visit = (node: Draft, parent: DemoOrgUnit | null, code: string, sortOrder: number): void => {
    const id = units.length + 1;
    const unit: DemoOrgUnit = {
      id,
      parentId: parent?.id ?? null,
      path: `${parent?.path ?? ''}${id}.`,
      depth: parent ? parent.depth + 1 : 0,
      type: node.type,
      name: node.name,
      shortName: node.shortName,
      code,
      creditCode: creditCodeFor(code, node.creditRegion, seed, usedCredit),
      regionCode: node.regionCode,
      employeeCount: node.employeeCount,
      sortOrder,
    };
    units.push(unit);
    let seq = 0;
    node.children.forEach((child, i) => {
      const childCode = child.ownCode ?? `${code}-${String(++seq).padStart(4, '0')}`;
      visit(child, unit, childCode, i + 1);
    });
  };
  visit(province, null, province.ownCode ?? 'SX610000', 1);
  return units;
}
