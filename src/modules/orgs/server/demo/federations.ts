/**
 * 区域性/行业性工会联合会 under county-level unions. domain.md §1.4: Shaanxi
 * organises 新就业形态 and small-firm workers through such federations (a
 * Xi'an 货运行业工会联合会 around a logistics hub is a documented example), and
 * §9.2 puts them at the township level of the tree, above grassroots unions.
 */
import type { MakerId } from './grassroots-names';

export type FederationDef = {
  /** '{county}{trade}工会联合会'. */
  readonly trade: string;
  readonly kinds: readonly (readonly [MakerId, number])[];
};

export const FEDERATIONS: readonly FederationDef[] = [
  { trade: '快递物流行业', kinds: [['gig', 1]] },
  { trade: '餐饮行业', kinds: [['restaurant', 5], ['restaurantJoint', 1]] },
  { trade: '建筑行业', kinds: [['construction', 3], ['project', 2]] },
  { trade: '货运行业', kinds: [['gig', 1]] },
  { trade: '家政服务行业', kinds: [['services', 5], ['servicesJoint', 1]] },
  { trade: '商贸行业', kinds: [['retail', 4], ['retailJoint', 1]] },
  { trade: '工业园区', kinds: [['company', 5], ['parkJoint', 1]] },
  { trade: '物业服务行业', kinds: [['services', 5], ['servicesJoint', 1]] },
];

/** Federations per county: fixed, so the upper tree does not depend on the seed. */
export function federationsFor(countyName: string, countyIndex: number, hasTownships: boolean): readonly FederationDef[] {
  // The 雁塔区 set is pinned because docs and demo scripts mention 雁塔区餐饮行业工会联合会.
  if (countyName === '雁塔区') {
    return FEDERATIONS.filter((f) => ['餐饮行业', '快递物流行业', '货运行业'].includes(f.trade));
  }
  const count = hasTownships ? 2 : 1;
  const picked: FederationDef[] = [];
  for (let j = 0; j < count; j++) {
    const def = FEDERATIONS[(countyIndex * 3 + j * 5) % FEDERATIONS.length];
    if (def && !picked.includes(def)) picked.push(def);
  }
  return picked;
}
