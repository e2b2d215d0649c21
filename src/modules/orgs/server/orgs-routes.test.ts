import { describe, expect, it } from 'vitest';
import { TEST_ENGINES } from '../../../core/db/testing';
import { useSeededDemo } from '../../../../test/support/seeded-demo';

// One seeded demo province per engine, shared by the read-only tests below.
for (const engine of TEST_ENGINES) {
  describe(`orgs API on the demo province [${engine}]`, () => {
    const demo = useSeededDemo(engine);
    const { get } = demo;
    const idOf = async (code: string) =>
      (await demo.database().kysely.selectFrom('org_unit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

    it('starts the tree at the unit the user acts for', async () => {
      const province = (await get('sheng', '/api/orgs/children')).json();
      expect(province.items).toHaveLength(1);
      expect(province.items[0]).toMatchObject({ name: '陕西省总工会', type: 'province', code: 'SX610000' });
      const county = (await get('yanta', '/api/orgs/children')).json();
      expect(county.items[0].name).toBe('西安市雁塔区总工会');
    });

    it('lists the 13 city-level unions under the province first, then the industry unions', async () => {
      const response = await get('sheng', `/api/orgs/children?parentId=${await idOf('SX610000')}`);
      const names = response.json().items.map((item: { name: string }) => item.name);
      expect(names.slice(0, 13)).toEqual([
        '西安市总工会', '铜川市总工会', '宝鸡市总工会', '咸阳市总工会', '渭南市总工会', '延安市总工会', '汉中市总工会',
        '榆林市总工会', '安康市总工会', '商洛市总工会', '韩城市总工会', '杨凌示范区总工会', '西咸新区总工会',
      ]);
      expect(names).toContain('陕西省教育工会');
      expect(response.json().items[0].childCount).toBeGreaterThan(10);
    });

    it('hides units outside the caller subtree as if they did not exist', async () => {
      const xianyang = await idOf('SX610400');
      const outside = await get('yanta', `/api/orgs/${xianyang}`);
      expect(outside.statusCode).toBe(404);
      expect(outside.json().error.message).toBe('组织不存在或无权访问');
      expect((await get('yanta', `/api/orgs/children?parentId=${xianyang}`)).statusCode).toBe(404);
      expect((await get('yanta', `/api/orgs/summary?rootId=${xianyang}`)).statusCode).toBe(404);
      // The same unit is visible from the province.
      expect((await get('sheng', `/api/orgs/${xianyang}`)).statusCode).toBe(200);
    });

    it('shows the chain of ancestors from the caller own unit down', async () => {
      const jiceng = (await get('jiceng', '/api/orgs/children')).json().items[0];
      const fromProvince = (await get('sheng', `/api/orgs/${jiceng.id}`)).json();
      expect(fromProvince.ancestors.map((unit: { name: string }) => unit.name).slice(0, 3)).toEqual([
        '陕西省总工会', '西安市总工会', '西安市雁塔区总工会',
      ]);
      const fromCounty = (await get('yanta', `/api/orgs/${jiceng.id}`)).json();
      expect(fromCounty.ancestors[0].name).toBe('西安市雁塔区总工会');
    });

    it('pages through a county children by keyset without repeats or gaps, and filters them by name', async () => {
      const yanta = await idOf('SX610113');
      const all = (await get('yanta', `/api/orgs/children?parentId=${yanta}`)).json();
      expect(all.total).toBeGreaterThan(25);
      expect(all.nextCursor).toBeNull();
      const paged: number[] = [];
      let after: string | null = null;
      do {
        const query: string = after ? `&after=${after}` : '';
        const page = (await get('yanta', `/api/orgs/children?parentId=${yanta}&limit=10${query}`)).json();
        expect(page.total).toBe(all.total);
        expect(page.items.length).toBeLessThanOrEqual(10);
        paged.push(...page.items.map((item: { id: number }) => item.id));
        after = page.nextCursor;
      } while (after);
      expect(paged).toEqual(all.items.map((item: { id: number }) => item.id));

      const name = all.items[7].name as string;
      const word = name.slice(2, 5);
      const filtered = (await get('yanta', `/api/orgs/children?parentId=${yanta}&q=${encodeURIComponent(word)}`)).json();
      expect(filtered.items.map((item: { name: string }) => item.name)).toContain(name);
      expect(filtered.items.every((item: { name: string }) => item.name.includes(word))).toBe(true);
      expect(filtered.total).toBe(filtered.items.length);
      expect(all.items.filter((item: { name: string }) => item.name.includes(word))).toHaveLength(filtered.total);
      expect((await get('yanta', `/api/orgs/children?parentId=${yanta}&after=x`)).statusCode).toBe(400);
    });

    it('shows the registry fields in the detail, the contact phone only masked', async () => {
      const jiceng = (await get('jiceng', '/api/orgs/children')).json().items[0];
      const detail = (await get('jiceng', `/api/orgs/${jiceng.id}`)).json();
      expect(detail).toMatchObject({ id: jiceng.id, status: 'active', mergedInto: null, dissolvedOn: null });
      for (const key of ['employerName', 'employerCreditCode', 'industryCode', 'unitCategory', 'address', 'establishedOn', 'chairName', 'contactName', 'contactPhoneMasked', 'womenCount', 'migrantCount']) {
        expect(detail, key).toHaveProperty(key);
      }
      expect(detail).not.toHaveProperty('contactPhone');
      expect(new Date(detail.updatedAt).toISOString()).toBe(detail.updatedAt);
    });

    it('summarises a subtree with counts that agree with the rows', async () => {
      const response = await get('sheng', '/api/orgs/summary');
      expect(response.statusCode, response.body).toBe(200);
      const summary = response.json();
      const all = await demo.database().kysely.selectFrom('org_unit').select(['type', 'path', 'employee_count']).execute();
      expect(summary.unitCount).toBe(all.length);
      const grassroots = all.filter((unit) => unit.type === 'grassroots' || unit.type === 'joint_grassroots');
      expect(summary.employeeCount).toBe(grassroots.reduce((sum, unit) => sum + (unit.employee_count ?? 0), 0));
      const xian = summary.byChild.find((child: { name: string }) => child.name === '西安市总工会');
      const xianPath = all.find((unit) => unit.path.split('.').length === 3 && unit.path.endsWith(`.${xian.id}.`))!.path;
      expect(xian.grassroots).toBe(grassroots.filter((unit) => unit.path.startsWith(xianPath)).length);
      expect(summary.byChild.reduce((sum: number, child: { grassroots: number }) => sum + child.grassroots, 0)).toBe(
        grassroots.length,
      );
    });
  });
}
