import { describe, expect, it } from 'vitest';
import { parseCreditCode } from '../../../../core/cn/credit-code';
import { buildDemoProvince, type DemoOrgUnit } from './demo-province';
import { demoStaff } from './demo-staff';
import { createRandom } from '../../../../core/demo/random';

const units = buildDemoProvince();
const byId = new Map(units.map((u) => [u.id, u]));
const ofType = (...types: DemoOrgUnit['type'][]) => units.filter((u) => types.includes(u.type));
const names = new Set(units.map((u) => u.name));

describe('createRandom', () => {
  it('repeats its sequence for a seed and stays in range', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const xs = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const r = createRandom(7);
    for (let i = 0; i < 1000; i++) {
      const n = r.int(3, 5);
      expect(n >= 3 && n <= 5 && Number.isInteger(n)).toBe(true);
    }
    expect(r.weighted([['never', 0], ['always', 1]] as const)).toBe('always');
  });
});

describe('buildDemoProvince', () => {
  it('is deterministic for a seed and varies with the seed', () => {
    expect(buildDemoProvince()).toEqual(units);
    expect(buildDemoProvince({ seed: 7, grassrootsCount: 300 })).toEqual(buildDemoProvince({ seed: 7, grassrootsCount: 300 }));
    expect(buildDemoProvince({ seed: 8, grassrootsCount: 300 })).not.toEqual(buildDemoProvince({ seed: 7, grassrootsCount: 300 }));
  });

  it('has the province, the 13 city-level unions in order and the 12 industry unions', () => {
    expect(ofType('province')).toHaveLength(1);
    expect(units[0]).toMatchObject({ id: 1, parentId: null, path: '1.', depth: 0, name: '陕西省总工会', code: 'SX610000', regionCode: '610000' });
    const cities = ofType('city');
    expect(cities.map((c) => c.shortName)).toEqual([
      '西安', '铜川', '宝鸡', '咸阳', '渭南', '延安', '汉中', '榆林', '安康', '商洛', '韩城', '杨凌', '西咸新区',
    ]);
    expect(cities.every((c) => c.parentId === 1)).toBe(true);
    expect(cities.find((c) => c.shortName === '韩城')).toMatchObject({ name: '韩城市总工会', regionCode: '610581' });
    expect(cities.find((c) => c.shortName === '商洛')?.regionCode).toBe('611000');
    expect(cities.find((c) => c.shortName === '杨凌')?.regionCode).toBe('J61001');
    expect(cities.find((c) => c.shortName === '西咸新区')?.regionCode).toBe('J61002');
    expect(ofType('industry')).toHaveLength(12);
    expect(ofType('industry').every((u) => u.parentId === 1)).toBe(true);
    expect(names.has('陕西省直机关工会')).toBe(true);
    expect(ofType('direct').length).toBeGreaterThanOrEqual(3);
  });

  it('makes exactly grassrootsCount grassroots unions, ~8% of them joint, ~12% under industry/direct units', () => {
    for (const count of [0, 1, 37, 2000]) {
      const built = count === 2000 ? units : buildDemoProvince({ grassrootsCount: count });
      expect(built.filter((u) => u.type === 'grassroots' || u.type === 'joint_grassroots')).toHaveLength(count);
    }
    const grassroots = ofType('grassroots', 'joint_grassroots');
    const joint = ofType('joint_grassroots').length / grassroots.length;
    expect(joint).toBeGreaterThan(0.05);
    expect(joint).toBeLessThan(0.12);
    const industryIds = new Set(ofType('industry', 'direct').map((u) => u.id));
    const underIndustry = grassroots.filter((u) => u.path.split('.').some((id) => industryIds.has(Number(id))));
    expect(underIndustry).toHaveLength(240);
  });

  it('keeps ids, paths and depths consistent', () => {
    units.forEach((u, i) => {
      expect(u.id).toBe(i + 1);
      if (u.parentId === null) {
        expect(u.path).toBe(`${u.id}.`);
        expect(u.depth).toBe(0);
        return;
      }
      const parent = byId.get(u.parentId);
      expect(parent).toBeDefined();
      expect(parent!.id).toBeLessThan(u.id);
      expect(u.path).toBe(`${parent!.path}${u.id}.`);
      expect(u.depth).toBe(parent!.depth + 1);
    });
    // Depth-first order: each next unit hangs under the current unit or one of its ancestors,
    // so every subtree is one contiguous run of ids.
    for (let i = 1; i < units.length; i++) {
      const parent = byId.get(units[i]!.parentId!)!;
      expect(units[i - 1]!.path.startsWith(parent.path)).toBe(true);
    }
  });

  it('has unique codes, names and credit codes, all credit codes valid union codes', () => {
    expect(new Set(units.map((u) => u.code)).size).toBe(units.length);
    expect(names.size).toBe(units.length);
    const credit = units.map((u) => u.creditCode);
    expect(credit.every((c) => c !== null)).toBe(true);
    expect(new Set(credit).size).toBe(units.length);
    for (const u of units) {
      const parsed = parseCreditCode(u.creditCode!);
      expect(parsed.ok, `${u.name} ${u.creditCode}`).toBe(true);
      if (parsed.ok) {
        expect(parsed.value.registrationAuthority).toBe('8');
        expect(parsed.value.entityType).toBe('1');
        if (/^\d{6}$/.test(u.regionCode ?? '')) expect(parsed.value.regionCode).toBe(u.regionCode);
      }
    }
    expect(units.every((u) => /^SX[0-9A-Z]+(-\d{4,})*$/.test(u.code))).toBe(true);
  });

  it('gives grassroots units an employee count and higher unions none', () => {
    for (const u of units) {
      if (u.type === 'grassroots' || u.type === 'joint_grassroots') {
        expect(Number.isInteger(u.employeeCount) && u.employeeCount! >= 1, u.name).toBe(true);
      } else {
        expect(u.employeeCount).toBeNull();
      }
    }
    const counts = ofType('grassroots', 'joint_grassroots')
      .map((u) => u.employeeCount!)
      .sort((a, b) => a - b);
    const median = counts[Math.floor(counts.length / 2)]!;
    expect(median).toBeGreaterThanOrEqual(25);
    expect(median).toBeLessThanOrEqual(300);
    expect(counts.at(-1)!).toBeGreaterThan(10000);
  });

  it('has the real counties of 西安 and 咸阳 with their GB/T 2260 codes', () => {
    const counties = new Map(ofType('county').map((u) => [u.shortName, u.regionCode]));
    const xian = ['新城区', '碑林区', '莲湖区', '灞桥区', '未央区', '雁塔区', '阎良区', '临潼区', '长安区', '高陵区', '鄠邑区', '蓝田县', '周至县'];
    const xianyang = ['秦都区', '杨陵区', '渭城区', '三原县', '泾阳县', '乾县', '礼泉县', '永寿县', '长武县', '旬邑县', '淳化县', '武功县', '兴平市', '彬州市'];
    for (const name of [...xian, ...xianyang]) expect(counties.has(name), name).toBe(true);
    expect(counties.get('雁塔区')).toBe('610113');
    expect(counties.get('彬州市')).toBe('610482');
    expect(names.has('西安市雁塔区总工会')).toBe(true);
    expect(names.has('雁塔区小寨路街道总工会')).toBe(true);
    expect(names.has('雁塔区餐饮行业工会联合会')).toBe(true);
    expect(names.has('陕西省卫生健康系统工会')).toBe(true);
    const xixian = ofType('county').filter((u) => u.parentId === ofType('city').find((c) => c.shortName === '西咸新区')!.id);
    expect(xixian.map((u) => u.shortName)).toEqual(['沣东新城', '沣西新城', '秦汉新城', '空港新城', '泾河新城']);
  });

  it('includes 新就业形态 (快递/外卖/网约车/货运) grassroots unions', () => {
    const grassroots = ofType('grassroots', 'joint_grassroots');
    for (const word of ['快递', '外卖', '网约车', '货运']) {
      expect(grassroots.some((u) => u.name.includes(word)), word).toBe(true);
    }
  });
});

describe('demoStaff', () => {
  it('places one account per demo level with valid logins', () => {
    const staff = demoStaff(units);
    expect(staff.map((s) => s.login)).toEqual(['sheng', 'xian', 'yanta', 'jiceng', 'xianyang']);
    const codes = new Map(units.map((u) => [u.code, u]));
    for (const s of staff) {
      expect(s.login).toMatch(/^[a-z0-9_.-]{3,64}$/);
      expect(codes.has(s.orgCode)).toBe(true);
    }
    const jiceng = codes.get(staff[3]!.orgCode)!;
    expect(jiceng.type).toBe('grassroots');
    expect(jiceng.path.startsWith(codes.get('SX610113')!.path)).toBe(true);
    // The province and 西安 offices register documents too; 咸阳 stays a leaders-only account.
    expect(staff[0]!.roles).toEqual(['head', 'reviewer', 'clerk']);
    expect(staff[4]!.roles).toEqual(['head', 'reviewer']);
    expect(staff[2]!.roles).toEqual(['reviewer', 'clerk']);
    expect(staff[3]!.roles).toEqual(['clerk', 'reviewer']);
  });
});
