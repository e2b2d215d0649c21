import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { useSeededDemo } from '../../../../test/support/seeded-demo';
import { describeEachEngine } from '../../../core/db/testing';
import { AppError } from '../../../core/http/errors';
import { evaluateMetric, evaluateMetricForUnits } from '../../../core/metrics/evaluate-metric';
import { actAs } from '../../../core/testing/request-context';
import { MODULES } from '../../../server/modules';
import { CURRENT_STATUSES, EMPLOYMENT_FORM_LABELS, GIG_EMPLOYMENT_FORMS } from '../contract';
import { MEMBERS_METRICS } from './metrics';
import { findStatDrift } from './stats/rebuild-stats';

/**
 * The members module's metrics (the metric registry, issue 5) on the seeded
 * demo province: each equals a live count over the demo's memberships and
 * units, for subtrees at four levels; the registry refuses unknown metrics,
 * bad parameters and units outside the caller's scope; the two routes answer.
 * One seeded demo for the whole file (seeding costs ~15 s per engine).
 */
describeEachEngine('members metrics on the demo province', (engine) => {
  const demo = useSeededDemo(engine);
  const { get } = demo;
  const db = () => demo.database().kysely;
  type Unit = { id: number; path: string; code: string };
  const units: Record<'province' | 'city' | 'county' | 'grassroots' | 'xianyang', Unit> = {} as never;
  /** A join year and an employment form that occur under the grassroots union, so every subtree has some. */
  let commonYear = 0;
  let commonForm = '';

  beforeAll(async () => {
    const byCode = (code: string) => db().selectFrom('org_unit').select(['id', 'path', 'code']).where('code', '=', code).executeTakeFirstOrThrow();
    units.province = await byCode('SX610000');
    units.city = await byCode('SX610100');
    units.county = await byCode('SX610113');
    units.xianyang = await byCode('SX610400');
    // The demo's grassroots union with staff (jiceng), under 雁塔区.
    units.grassroots = await db()
      .selectFrom('role_assignment')
      .innerJoin('account', 'account.id', 'role_assignment.account_id')
      .innerJoin('org_unit', 'org_unit.id', 'role_assignment.org_unit_id')
      .select(['org_unit.id', 'org_unit.path', 'org_unit.code'])
      .where('account.login', '=', 'jiceng')
      .executeTakeFirstOrThrow();
    const common = await sql<{ year: number; form: string }>`
      select (select extract(year from m.joined_on)::int from members_membership m
                where m.org_path like ${`${units.grassroots.path}%`} and m.status in ('active', 'retained', 'transferring') and m.joined_on is not null
                group by 1 order by count(*) desc, 1 limit 1) as year,
             (select p.employment_form from members_membership m join person p on p.id = m.person_id
                where m.org_path like ${`${units.grassroots.path}%`} and m.status in ('active', 'retained', 'transferring') and p.employment_form is not null
                group by 1 order by count(*) desc, 1 limit 1) as form`.execute(db());
    commonYear = common.rows[0]!.year;
    commonForm = common.rows[0]!.form;
  });

  /** Live counts over the memberships of a subtree (owner connection, no counters). */
  async function liveMembers(path: string, filter: 'all' | 'gig' | { form?: string; joinedIn?: number }): Promise<number> {
    const condition =
      filter === 'all'
        ? sql`true`
        : filter === 'gig'
          ? sql`p.employment_form in (${sql.join(GIG_EMPLOYMENT_FORMS.map((form) => sql.lit(form)))})`
          : sql.join(
              [
                filter.form === undefined ? sql`true` : sql`p.employment_form = ${filter.form}`,
                filter.joinedIn === undefined ? sql`true` : sql`m.joined_on >= ${`${filter.joinedIn}-01-01`} and m.joined_on < ${`${filter.joinedIn + 1}-01-01`}`,
              ],
              sql` and `,
            );
    const result = await sql<{ n: number }>`
      select count(*)::int as n from members_membership m join person p on p.id = m.person_id
      where m.org_path like ${`${path}%`} and m.status in (${sql.join(CURRENT_STATUSES.map((status) => sql.lit(status)))}) and ${condition}`.execute(db());
    return result.rows[0]!.n;
  }

  async function liveUnions(path: string, type: string): Promise<number> {
    const result = await sql<{ n: number }>`select count(*)::int as n from org_unit where path like ${`${path}%`} and status = 'active' and type = ${type}`.execute(db());
    return result.rows[0]!.n;
  }

  /** 入会率 = 会员人数 ÷ 已建会单位（基层、联合基层工会）职工人数 × 100%, to one decimal. */
  async function liveJoinRate(path: string): Promise<number> {
    const result = await sql<{ employees: number }>`
      select coalesce(sum(employee_count), 0)::int as employees from org_unit
      where path like ${`${path}%`} and status = 'active' and type in ('grassroots', 'joint_grassroots')`.execute(db());
    const employees = result.rows[0]!.employees;
    return employees > 0 ? Math.round(((await liveMembers(path, 'all')) / employees) * 1000) / 10 : 0;
  }

  const value = async (login: string, metricId: string, orgUnitId: number | undefined, params?: object | string) => {
    const query = new URLSearchParams();
    if (orgUnitId !== undefined) query.set('orgUnitId', String(orgUnitId));
    if (params !== undefined) query.set('params', typeof params === 'string' ? params : JSON.stringify(params));
    return get(login, `/api/metrics/${metricId}/value?${query}`);
  };

  it('answers every members metric equal to a live count, for a province, a city, a county and a grassroots union', async () => {
    expect(commonYear).toBeGreaterThan(1949);
    expect(commonForm in EMPLOYMENT_FORM_LABELS).toBe(true);
    for (const level of ['province', 'city', 'county', 'grassroots'] as const) {
      const { id, path } = units[level];
      const cases: [string, object, number][] = [
        ['members.total', {}, await liveMembers(path, 'all')],
        ['members.joined', { year: commonYear }, await liveMembers(path, { joinedIn: commonYear })],
        ['members.joined', { year: 1950 }, 0],
        // "members joined in a year by employment form" (issue 5's example): the joined_form counter.
        ['members.joined', { year: commonYear, employmentForm: commonForm }, await liveMembers(path, { joinedIn: commonYear, form: commonForm })],
        ['members.joined', { year: commonYear, employmentForm: 'courier' }, await liveMembers(path, { joinedIn: commonYear, form: 'courier' })],
        ['members.gig', {}, await liveMembers(path, 'gig')],
        ['members.by_form', { employmentForm: commonForm }, await liveMembers(path, { form: commonForm })],
        ['members.by_form', { employmentForm: 'courier' }, await liveMembers(path, { form: 'courier' })],
        ['members.unions', { type: 'grassroots' }, await liveUnions(path, 'grassroots')],
        ['members.unions', { type: 'county' }, await liveUnions(path, 'county')],
        ['members.join_rate', {}, await liveJoinRate(path)],
      ];
      for (const [metricId, params, expected] of cases) {
        const response = await value('sheng', metricId, id, params);
        expect(response.statusCode, `${level} ${metricId} ${JSON.stringify(params)}`).toBe(200);
        expect(response.json().value, `${level} ${metricId} ${JSON.stringify(params)}`).toBe(expected);
      }
      // Every figure the live count found is non-trivial at this level: the comparison could fail.
      expect(cases[0]![2]).toBeGreaterThan(0);
      expect(cases[1]![2]).toBeGreaterThan(0);
      expect(cases[3]![2]).toBeGreaterThan(0);
      // One form's share of the year: all of it in a small union, strictly less across a province.
      expect(cases[3]![2]).toBeLessThanOrEqual(cases[1]![2]);
      if (level === 'province') expect(cases[3]![2]).toBeLessThan(cases[1]![2]);
      expect(cases[6]![2]).toBeGreaterThan(0);
      expect(cases[8]![2]).toBeGreaterThan(0);
      expect(cases[10]![2]).toBeGreaterThan(0);
    }
    // A province has more than a grassroots union: the figures follow the subtree, not one global count.
    const total = async (unit: Unit) => (await value('sheng', 'members.total', unit.id)).json().value as number;
    expect(await total(units.province)).toBeGreaterThan(await total(units.city));
    expect(await total(units.city)).toBeGreaterThan(await total(units.grassroots));
  });

  it('fills the joined-by-form counters of members who joined before the counter existed (migration 1450)', async () => {
    const removed = await db().deleteFrom('members_stat').where('key', 'like', 'joined_form:%').executeTakeFirst();
    expect(Number(removed.numDeletedRows)).toBeGreaterThan(0);
    expect((await findStatDrift(db(), 1)).length).toBe(1);
    const migration = readFileSync(new URL('../migrations/2026-11-21T1450_members__joined_by_form_counter.sql', import.meta.url), 'utf8');
    await sql.raw(migration).execute(db());
    expect(await findStatDrift(db())).toEqual([]);
  });

  it('gives 入会率 and union counts exactly as the stats page shows them', async () => {
    for (const unit of [units.province, units.city, units.county, units.grassroots]) {
      const stats = (await get('sheng', `/api/members/stats?orgUnitId=${unit.id}`)).json();
      expect((await value('sheng', 'members.join_rate', unit.id)).json().value).toBe(stats.joinRate.value ?? 0);
      expect((await value('sheng', 'members.total', unit.id)).json().value).toBe(stats.members);
      expect((await value('sheng', 'members.gig', unit.id)).json().value).toBe(stats.gig);
      for (const { key, count } of stats.unionsByType as { key: string; count: number }[]) {
        expect((await value('sheng', 'members.unions', unit.id, { type: key })).json().value, `${unit.code} ${key}`).toBe(count);
      }
    }
  });

  it('evaluates one metric for the units of a roll-up, and refuses the roll-up when one unit is outside the scope', async () => {
    const permissions = MODULES.flatMap((module) => module.permissions.map((permission) => permission.code));
    const account = (login: string) => db().selectFrom('account').select('id').where('login', '=', login).executeTakeFirstOrThrow();
    const sheng = { accountId: (await account('sheng')).id, orgUnitId: units.province.id };
    const options = { engine, permissions, metrics: MEMBERS_METRICS, now: () => new Date('2026-11-21T10:00:00+08:00') };
    const ids = [units.province.id, units.city.id, units.county.id, units.grassroots.id];
    const rollUp = await actAs(db(), sheng, options, (ctx) => evaluateMetricForUnits(ctx, { metricId: 'members.joined', params: { year: commonYear } }, ids));
    expect(rollUp.asOf).toBe('2026-11-21T02:00:00.000Z');
    expect(rollUp.values.map((row) => row.orgUnitId)).toEqual(ids);
    for (const row of rollUp.values) {
      const unit = Object.values(units).find((candidate) => candidate.id === row.orgUnitId)!;
      expect(row.value).toBe(await liveMembers(unit.path, { joinedIn: commonYear }));
    }
    const single = await actAs(db(), sheng, options, (ctx) => evaluateMetric(ctx, { metricId: 'members.total' }, units.county.id));
    expect(single).toEqual({ value: await liveMembers(units.county.path, 'all'), asOf: '2026-11-21T02:00:00.000Z' });

    const xian = { accountId: (await account('xian')).id, orgUnitId: units.city.id };
    const outside = actAs(db(), xian, options, (ctx) => evaluateMetricForUnits(ctx, { metricId: 'members.total' }, [units.county.id, units.xianyang.id]));
    await expect(outside).rejects.toMatchObject({ code: 'NOT_FOUND', message: '组织不存在或无权访问' });
    const unknown = actAs(db(), xian, options, (ctx) => evaluateMetric(ctx, { metricId: 'members.nope' }, units.city.id));
    await expect(unknown).rejects.toBeInstanceOf(AppError);
    await expect(unknown).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'metricId', message: '未知的统计指标：members.nope' });
  });

  it('refuses an unknown metric, bad parameters and a unit outside the scope, in Chinese, naming what is wrong', async () => {
    const error = async (response: Promise<{ statusCode: number; json: () => { error: { code: string; message: string; field?: string } } }>) => {
      const answered = await response;
      return { status: answered.statusCode, ...answered.json().error };
    };
    const county = units.county.id;
    expect(await error(value('yanta', 'members.nope', county))).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', field: 'metricId', message: '未知的统计指标：members.nope' });
    // The parameter is named by its Chinese label.
    expect(await error(value('yanta', 'members.joined', county, {}))).toMatchObject({ status: 400, field: 'params.year', message: '统计参数有误：入会年份：请填写入会年份' });
    expect(await error(value('yanta', 'members.joined', county, { year: '2023' }))).toMatchObject({ status: 400, field: 'params.year', message: '统计参数有误：入会年份：请填写入会年份' });
    expect(await error(value('yanta', 'members.joined', county, { year: 2023.5 }))).toMatchObject({ status: 400, field: 'params.year', message: '统计参数有误：入会年份：入会年份须为整数' });
    expect(await error(value('yanta', 'members.joined', county, { year: 1800 }))).toMatchObject({ status: 400, field: 'params.year', message: '统计参数有误：入会年份：入会年份无效' });
    expect(await error(value('yanta', 'members.by_form', county, { employmentForm: 'pilot' }))).toMatchObject({ status: 400, field: 'params.employmentForm', message: '统计参数有误：就业形态：请选择就业形态' });
    // A parameter the metric does not take is refused, not dropped (no silent "all genders").
    expect(await error(value('yanta', 'members.joined', county, { year: 2023, gender: 'female' }))).toMatchObject({
      status: 400,
      field: 'params.gender',
      message: '统计指标「某年入会会员数」没有参数「gender」',
    });
    expect(await error(value('yanta', 'members.joined', county, { year: 2023, employmentForm: 'pilot' }))).toMatchObject({ status: 400, field: 'params.employmentForm', message: '统计参数有误：就业形态：请选择就业形态' });
    expect(await error(value('yanta', 'members.total', county, '{year:'))).toMatchObject({ status: 400, field: 'params', message: '统计参数须为 JSON 对象，例如 {"year":2023}' });
    expect(await error(value('yanta', 'members.total', county, '[1]'))).toMatchObject({ status: 400, field: 'params', message: '统计指标「会员人数」的参数须为对象' });
    // Outside the caller's subtree (a sibling city, the parent) or unknown: as if it did not exist.
    for (const orgUnitId of [units.xianyang.id, units.city.id, 999_999]) {
      expect(await error(value('yanta', 'members.total', orgUnitId))).toMatchObject({ status: 404, code: 'NOT_FOUND', message: '组织不存在或无权访问' });
    }
  });

  it('lists the metrics with their parameters for a binding form, to any signed-in user', async () => {
    const unauthenticated = await demo.app().inject({ method: 'GET', url: '/api/metrics' });
    expect(unauthenticated.statusCode).toBe(401);
    const response = await get('jiceng', '/api/metrics');
    expect(response.statusCode).toBe(200);
    const list = response.json() as { id: string; label: string; unit: string; description: string; params: unknown[] }[];
    expect(list.map((metric) => metric.id).filter((id) => id.startsWith('members.'))).toEqual(['members.total', 'members.joined', 'members.gig', 'members.by_form', 'members.unions', 'members.join_rate']);
    const byId = new Map(list.map((metric) => [metric.id, metric]));
    expect(byId.get('members.total')).toMatchObject({ label: '会员人数', unit: '人', params: [] });
    expect(byId.get('members.joined')!.params).toEqual([
      { name: 'year', label: '入会年份', type: 'integer', required: true, min: 1949, max: 2100 },
      { name: 'employmentForm', label: '就业形态', type: 'enum', required: false, options: Object.entries(EMPLOYMENT_FORM_LABELS).map(([value, label]) => ({ value, label })) },
    ]);
    expect(byId.get('members.by_form')!.params).toEqual([
      { name: 'employmentForm', label: '就业形态', type: 'enum', required: true, options: Object.entries(EMPLOYMENT_FORM_LABELS).map(([value, label]) => ({ value, label })) },
    ]);
    expect(byId.get('members.unions')!.params).toEqual([expect.objectContaining({ name: 'type', label: '组织类型', type: 'enum', options: expect.arrayContaining([{ value: 'grassroots', label: '基层工会' }]) })]);
    expect(byId.get('members.join_rate')).toMatchObject({ label: '入会率', unit: '%' });
    expect(byId.get('members.join_rate')!.description).toContain('入会率 = 会员人数 ÷ 已建会单位职工人数');
  });

  it('previews a value for the caller\'s own unit by default, with its unit and the time it was read', async () => {
    const response = await value('jiceng', 'members.total', undefined);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ metricId: 'members.total', orgUnitId: units.grassroots.id, unit: '人', value: await liveMembers(units.grassroots.path, 'all') });
    expect(Number.isNaN(Date.parse(body.asOf))).toBe(false);
    // The grassroots union sees its own figure, and not its parent's.
    expect((await value('jiceng', 'members.total', units.county.id)).statusCode).toBe(404);
  });
});
