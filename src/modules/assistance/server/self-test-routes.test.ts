import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachEngine, useFreshDatabase } from '../../../core/db/testing';
import { buildTestApp, fakeClock } from '../../../core/testing/test-app';
import { MODULES } from '../../../server/modules';
import type { TClassifyInput } from '../contract';

const EXAMPLE_SOURCE = '示例值：以当地民政部门公布的标准为准（上线前由管理员维护）';

describeEachEngine('assistance self-test and rule tables', (engine) => {
  const database = useFreshDatabase(engine);

  async function world() {
    const db = database().kysely;
    const clock = fakeClock(new Date('2026-11-21T09:00:00+08:00'));
    const app = await buildTestApp(database(), MODULES, { now: clock.now });
    const selfTest = (payload: Record<string, unknown>, remoteAddress = '203.0.113.7') =>
      app.inject({ method: 'POST', url: '/api/assistance/self-test', payload, remoteAddress });
    const addStandard = (regionCode: string, regionName: string, monthlyYuan: number, effectiveFrom: string, effectiveTo: string | null = null) =>
      db
        .insertInto('assistance_dibao_standard')
        .values({ region_code: regionCode, region_name: regionName, area: 'urban', monthly_yuan: String(monthlyYuan), effective_from: effectiveFrom, effective_to: effectiveTo, source: '测试文件' })
        .execute();
    /** Rows of every assistance_* table (whatever later slices add) and of the audit trail. */
    const rowCounts = async () => {
      const tables = await sql<{ table_name: string }>`
        select table_name from information_schema.tables where table_schema = 'public' and table_name like 'assistance\\_%' order by table_name`.execute(db);
      const counts: Record<string, number> = {};
      for (const { table_name } of [...tables.rows, { table_name: 'audit_event' }]) {
        const result = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table_name)}`.execute(db);
        counts[table_name] = result.rows[0]!.n;
      }
      return counts;
    };
    return { db, app, clock, selfTest, addStandard, rowCounts };
  }

  /** A household of three, 24000 a year after rigid spending: 666.66 a month. */
  const household = { householdSize: 3, annualIncome: 36000, rigidExpenses: { medical: 8000, education: 4000 } };

  it('answers with the rule table standard of the region and year, and says which and why', async () => {
    const { selfTest } = await world();
    const response = await selfTest({ region: '610100', year: 2025, ...household });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(Object.keys(body).sort()).toEqual(['dibao', 'perCapitaMonthly', 'reasons', 'tier']);
    expect(body).toMatchObject({ tier: 'deep', perCapitaMonthly: 666.66, dibao: 700 });
    expect(body.reasons[0]).toBe('（年收入 36000 − 刚性支出 12000）÷ 12 ÷ 3 人 = 666.66 元/月，低于当地低保标准 700 元/月 → 深度困难');
    expect(body.reasons).toContain(`低保标准：西安市城市低保 700 元/月（2025-07-01 执行，2023-01-01 起施行；依据：${EXAMPLE_SOURCE}）`);
    expect(body.reasons.at(-1)).toMatch(/^认定规则（2025-07-01 执行）：相对困难为低于低保标准的 2 倍，意外致困为致困费用超过家庭年收入的 80%，困难农民工须劳动关系满 12 个月；依据：全总困难职工家庭三类认定标准/);
  });

  it('reads the multiple from the rule table: a new value takes effect from its date', async () => {
    const { db, selfTest } = await world();
    await db
      .insertInto('assistance_rule_value')
      .values({ key: 'relative_multiple', value: '1.5', effective_from: '2026-01-01', source: '测试文件', note: null })
      .execute();
    // 1200 a month: relative under 2 × 700, not under 1.5 × 700 = 1050.
    const figures = { region: '610100', householdSize: 1, annualIncome: 14400 };
    expect((await selfTest({ ...figures, year: 2025 })).json().tier).toBe('relative');
    const after = (await selfTest({ ...figures, year: 2026 })).json();
    expect(after.tier).toBe('none');
    expect(after.reasons[0]).toContain('不低于 1.5 倍低保标准 1050 元/月');
  });

  it('uses the dibao the request gives instead of the table, with or without a region', async () => {
    const { selfTest } = await world();
    const withRegion = (await selfTest({ region: '610100', dibao: 600, ...household })).json();
    expect(withRegion).toMatchObject({ tier: 'relative', dibao: 600 });
    expect(withRegion.reasons).toContain('低保标准：按填写的 600 元/月计算（未使用规则表中的标准）');
    const withoutRegion = await selfTest({ dibao: 666.67, ...household });
    expect(withoutRegion.statusCode).toBe(200);
    expect(withoutRegion.json()).toMatchObject({ tier: 'deep', dibao: 666.67 });
  });

  it('defaults to the current year (1 July) and the urban standard; rural on request', async () => {
    const { selfTest } = await world();
    const current = (await selfTest({ region: '610300', ...household })).json();
    expect(current.reasons).toContain(`低保标准：宝鸡市城市低保 700 元/月（2026-07-01 执行，2023-01-01 起施行；依据：${EXAMPLE_SOURCE}）`);
    const rural = (await selfTest({ region: '610300', area: 'rural', ...household })).json();
    expect(rural).toMatchObject({ tier: 'relative', dibao: 560 });
  });

  it('refuses bad input with a Chinese message naming the field', async () => {
    const { selfTest } = await world();
    const negative = await selfTest({ region: '610100', householdSize: 3, annualIncome: -1 });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'annualIncome',
      message: '请求内容字段「annualIncome」有误：家庭年度可支配收入不能为负数',
    });
    const empty = await selfTest({ region: '610100', householdSize: 0, annualIncome: 1 });
    expect(empty.json().error).toMatchObject({ field: 'householdSize', message: '请求内容字段「householdSize」有误：家庭共同生活人口至少为 1 人' });
    const text = await selfTest({ region: '610100', householdSize: 3, annualIncome: 'NaN' });
    expect(text.json().error).toMatchObject({ field: 'annualIncome', message: '请求内容字段「annualIncome」有误：家庭年度可支配收入应为数字（元）' });
    const noRegion = await selfTest({ householdSize: 3, annualIncome: 1 });
    expect(noRegion.json().error).toMatchObject({ field: 'region', message: '请求内容字段「region」有误：请选择所在地区，或直接填写当地低保标准' });
  });

  it('refuses a region or a year the rule tables do not cover, naming the field', async () => {
    const { selfTest } = await world();
    const elsewhere = await selfTest({ region: '620100', ...household });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().error).toMatchObject({
      field: 'region',
      message: '未找到地区 620100 在 2026-07-01 执行的城市低保标准，请直接填写当地低保标准',
    });
    const early = await selfTest({ region: '610100', year: 2020, ...household });
    expect(early.json().error).toMatchObject({
      field: 'year',
      message: '2020-07-01 没有生效的帮扶规则「相对困难：低于低保标准的倍数」，请选择其他年份',
    });
  });

  it('stores nothing: no assistance row and no audit event, answered or refused', async () => {
    const { selfTest, rowCounts } = await world();
    const before = await rowCounts();
    expect(before.assistance_dibao_standard).toBeGreaterThan(0);
    expect((await selfTest({ region: '610100', ...household, isMigrantWorker: true, laborRelationMonths: 13 })).statusCode).toBe(200);
    expect((await selfTest({ dibao: 700, ...household, exclusions: ['vehicle'] })).statusCode).toBe(200);
    expect((await selfTest({ region: '610100', householdSize: 3, annualIncome: -5 })).statusCode).toBe(400);
    expect(await rowCounts()).toEqual(before);
  });

  it('limits each client address to 30 self-tests a minute, with a Chinese 429', async () => {
    const { selfTest, clock } = await world();
    const payload = { dibao: 700, ...household };
    for (let index = 0; index < 30; index += 1) {
      expect((await selfTest(payload)).statusCode).toBe(200);
    }
    const limited = await selfTest(payload);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toMatchObject({ code: 'RATE_LIMITED', message: '自测提交过于频繁，请一分钟后再试' });
    // Another address is not affected; the first is served again in the next minute.
    expect((await selfTest(payload, '198.51.100.4')).statusCode).toBe(200);
    clock.advance(60_000);
    expect((await selfTest(payload)).statusCode).toBe(200);
  });

  it('falls back from a county to its city, and from a city to the province', async () => {
    const { db, selfTest, addStandard } = await world();
    const yanta = (await selfTest({ region: '610113', year: 2025, ...household })).json();
    expect(yanta.dibao).toBe(700);
    expect(yanta.reasons).toContain(
      `低保标准：西安市城市低保 700 元/月（2025-07-01 执行，2023-01-01 起施行；地区 610113 未单独设定，采用西安市的标准；依据：${EXAMPLE_SOURCE}）`,
    );
    // A county with its own standard uses it.
    await addStandard('610113', '西安市雁塔区', 765.43, '2024-01-01');
    const own = (await selfTest({ region: '610113', year: 2025, ...household })).json();
    expect(own.dibao).toBe(765.43);
    expect(own.reasons).toContain('低保标准：西安市雁塔区城市低保 765.43 元/月（2025-07-01 执行，2024-01-01 起施行；依据：测试文件）');
    // 韩城市 (a county-level city) has its own row in the seed.
    expect((await selfTest({ region: '610581', ...household })).json().reasons.join('\n')).toContain('低保标准：韩城市城市低保');
    // No city standard: the province's.
    await db.deleteFrom('assistance_dibao_standard').where('region_code', '=', '610200').execute();
    await addStandard('610000', '陕西省', 650, '2023-01-01');
    const tongchuan = (await selfTest({ region: '610202', year: 2025, ...household })).json();
    expect(tongchuan.dibao).toBe(650);
    expect(tongchuan.reasons.join('\n')).toContain('地区 610202 未单独设定，采用陕西省的标准');
  });

  it('takes the standard in force on 1 July of the year, or on the date given', async () => {
    const { selfTest, addStandard } = await world();
    await addStandard('610100', '西安市', 760, '2025-07-01');
    await addStandard('610113', '西安市雁塔区', 800, '2024-01-01', '2024-12-31');
    const dibaoOn = async (payload: Partial<TClassifyInput>) => (await selfTest({ ...household, ...payload })).json().dibao;
    expect(await dibaoOn({ region: '610100', year: 2025 })).toBe(760);
    expect(await dibaoOn({ region: '610100', date: '2025-06-30' })).toBe(700);
    expect(await dibaoOn({ region: '610100', year: 2024 })).toBe(700);
    // The county's standard ended on its last day; the city's applies after it.
    expect(await dibaoOn({ region: '610113', date: '2024-12-31' })).toBe(800);
    expect(await dibaoOn({ region: '610113', date: '2025-01-01' })).toBe(700);
    expect(await dibaoOn({ region: '610113', date: '2025-07-01' })).toBe(760);
  });

  it('lists the regions that have standards for the picker, by code, without signing in', async () => {
    const { app, addStandard } = await world();
    await addStandard('610113', '西安市雁塔区', 765.43, '2024-01-01');
    const response = await app.inject({ method: 'GET', url: '/api/assistance/regions' });
    expect(response.statusCode).toBe(200);
    const items = response.json().items as { code: string; name: string; level: string; parentCode: string | null }[];
    expect(items.map((item) => item.name)).toEqual([
      '西安市', '西安市雁塔区', '铜川市', '宝鸡市', '咸阳市', '渭南市', '韩城市', '延安市', '汉中市', '榆林市', '安康市', '商洛市',
    ]);
    expect(items[0]).toEqual({ code: '610100', name: '西安市', level: 'prefecture', parentCode: '610000' });
    expect(items.find((item) => item.code === '610581')).toEqual({ code: '610581', name: '韩城市', level: 'county', parentCode: '610500' });
  });
});
