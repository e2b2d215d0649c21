import { describe, expect, it } from 'vitest';
import type { OrgUnitSummary } from '../org/tree';
import { type ActorRules, checkActor } from './actor-rules';

const unit = (id: number, type: string, name: string, depth: number): OrgUnitSummary => ({ id, type, name, code: `U${id}`, depth });
const province = unit(1, 'province', '省总工会', 0);
const city = unit(2, 'city', '甲市总工会', 1);
const county = unit(3, 'county', '甲县总工会', 2);
const township = unit(4, 'township', '某镇工会', 3);
const factory = unit(5, 'grassroots', '甲厂工会', 4);
/** Root first, the record's union last. */
const chain = [province, city, county, township, factory];
const directChain = [province, city, unit(6, 'grassroots', '市直厂工会', 2)];

const mayAct = (orgUnitId: number, rules: ActorRules, units = chain, permissions = ['x.review']) =>
  checkActor({ orgUnitId, permissions: new Set(permissions) }, rules, units, '审核');

describe('actor rules', () => {
  it('own: only the record’s union', () => {
    const rule = { permission: 'x.review', level: 'own' } as const;
    expect(mayAct(factory.id, rule)).toBeNull();
    expect(mayAct(township.id, rule)).toEqual({ reason: 'level', message: '“审核”须由“甲厂工会”办理' });
  });

  it('parent: only the union directly above', () => {
    const rule = { permission: 'x.review', level: 'parent' } as const;
    expect(mayAct(township.id, rule)).toBeNull();
    expect(mayAct(county.id, rule)).toMatchObject({ message: '“审核”须由“某镇工会”办理' });
    expect(mayAct(factory.id, rule)).not.toBeNull();
  });

  it('ancestorType: the nearest union of that type above, skipping levels between', () => {
    expect(mayAct(county.id, { permission: 'x.review', level: { ancestorType: 'county' } })).toBeNull();
    expect(mayAct(city.id, { permission: 'x.review', level: { ancestorType: 'county' } })).toMatchObject({ message: '“审核”须由“甲县总工会”办理' });
    // A type list takes the nearest of them: the county where there is one, the city where there is none.
    const countyOrCity = { permission: 'x.review', level: { ancestorType: ['county', 'city'] } } as const;
    expect(mayAct(county.id, countyOrCity)).toBeNull();
    expect(mayAct(city.id, countyOrCity)).not.toBeNull();
    expect(mayAct(city.id, countyOrCity, directChain)).toBeNull();
    // No such union above: nobody may act, and the message says the route needs attention.
    expect(mayAct(city.id, { permission: 'x.review', level: { ancestorType: 'county' } }, directChain)?.message).toMatch(/请联系管理员调整审批路线/);
    // The record's own union is not its own ancestor.
    expect(mayAct(factory.id, { permission: 'x.review', level: { ancestorType: 'grassroots' } })).not.toBeNull();
  });

  it('any-ancestor: every union above, not the record’s own', () => {
    const rule = { permission: 'x.review', level: 'any-ancestor' } as const;
    for (const above of [province, city, county, township]) expect(mayAct(above.id, rule)).toBeNull();
    expect(mayAct(factory.id, rule)).toMatchObject({ message: '“审核”须由上级工会办理' });
  });

  it('needs the permission at the acting union, whatever the level', () => {
    expect(mayAct(factory.id, { permission: 'x.approve', level: 'own' })).toEqual({ reason: 'permission', message: '您没有“审核”的权限' });
  });

  it('accepts any one of several rules, each with its own permission', () => {
    const rules = [
      { permission: 'x.write', level: 'own' },
      { permission: 'x.review', level: { ancestorType: 'county' } },
    ] as const;
    expect(mayAct(factory.id, rules, chain, ['x.write'])).toBeNull();
    expect(mayAct(county.id, rules, chain, ['x.review'])).toBeNull();
    // Holding only x.review at the factory: the rule it holds names the county.
    expect(mayAct(factory.id, rules, chain, ['x.review'])).toMatchObject({ message: '“审核”须由“甲县总工会”办理' });
    expect(mayAct(county.id, rules, chain, ['x.write', 'x.review'])).toBeNull();
    expect(mayAct(city.id, rules, chain, ['x.write', 'x.review'])).toMatchObject({ message: '“审核”须由“甲厂工会”或“甲县总工会”办理' });
  });
});
