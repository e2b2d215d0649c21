import { sql } from 'kysely';
import { enterCallerScope } from '../src/core/access/row-security';
import { recordAuditEvent } from '../src/core/audit/record-audit-event';
import type { RequestContext } from '../src/core/http/request-context';
import { testPlatformKeys } from '../src/core/platform/test-keys';
import { createStaff } from '../src/core/testing/factories';
import { assistanceDashboard } from '../src/modules/assistance/server/dashboard/assistance-dashboard';
import { reverifyHouseholds } from '../src/modules/assistance/server/use-cases/reverify-households';
import { buildDemoProvince, type DemoOrgUnit } from '../src/modules/orgs/server/demo/demo-province';
import { type BenchEngine, openBenchDatabase } from './open-bench-database';
import { describeTimes, timeMany } from './stats';

/**
 * 帮扶统计 at provincial scale (issue 6 "Performance"): 100,000 hardship files
 * over the demo province's tree (99,770 grassroots unions) and 1,000,000
 * assistance records over five years; the dashboard (the route's function, in
 * a transaction as the application role with the caller's scope) for the
 * province, the largest city and one of its counties — target < 200 ms — and
 * the annual re-verification of every filed file of that city through the
 * use case the route calls — target < 1 minute. HOUSEHOLDS=… and RECORDS=…
 * change the size (PGlite defaults to a tenth: a wasm engine loading a
 * million rows takes long and says little about a server).
 *
 * Rows are generated in SQL from a row number (as member-queries.bench.ts
 * does); the mix of states, tiers, causes, sources and categories is fixed
 * by that number, so two runs load the same data.
 */
export async function benchAssistance(engine: BenchEngine): Promise<string[]> {
  const households = Number(process.env.HOUSEHOLDS ?? (engine === 'postgres' ? 100_000 : 10_000));
  const records = Number(process.env.RECORDS ?? (engine === 'postgres' ? 1_000_000 : 100_000));
  const lines: string[] = [`${households.toLocaleString('en')} households, ${records.toLocaleString('en')} aid records`];
  const keys = testPlatformKeys();
  const database = await openBenchDatabase(engine);
  const db = database.kysely;
  try {
    let started = performance.now();
    const units = buildDemoProvince({ grassrootsCount: 99_770 });
    if (process.env.BENCH_REUSE === undefined) {
      await loadTree(units);
      lines.push(`${units.length.toLocaleString('en')} units: ${seconds(started)}`);
      started = performance.now();
      await loadHouseholds(households);
      lines.push(`load households, exits, call-backs, alerts: ${seconds(started)}`);
      started = performance.now();
      await loadAid(households, records);
      lines.push(`load aid records and campaigns: ${seconds(started)}`);
      started = performance.now();
      for (const table of ['assistance_household', 'assistance_aid_record', 'assistance_aid_campaign', 'assistance_exit', 'assistance_callback', 'assistance_return_alert', 'person', 'org_unit']) {
        // As in production, where autovacuum has long since marked the pages all-visible: index-only scans.
        await sql.raw(`vacuum analyze ${table}`).execute(db);
      }
      lines.push(`vacuum analyze: ${seconds(started)}`);
    }

    const province = units[0]!;
    const countUnder = (unit: DemoOrgUnit) => sql<{ n: number }>`select count(*)::int as n from assistance_household where org_path >= ${unit.path} and org_path < ${`${unit.path.slice(0, -1)}/`}`.execute(db).then((result) => Number(result.rows[0]!.n));
    const cities = units.filter((unit) => unit.type === 'city');
    const citySizes = await Promise.all(cities.map(countUnder));
    const city = cities[citySizes.indexOf(Math.max(...citySizes))]!;
    const counties = units.filter((unit) => unit.type === 'county' && unit.parentId === city.id);
    const countySizes = await Promise.all(counties.map(countUnder));
    const county = counties[countySizes.indexOf(Math.max(...countySizes))]!;
    lines.push(`largest city ${city.name}: ${Math.max(...citySizes).toLocaleString('en')} files; its largest county ${county.name}: ${Math.max(...countySizes).toLocaleString('en')}`);

    const staff = await createStaff(db, { login: `bench-${Date.now()}`, org: { id: province.id, path: province.path, code: province.code, name: province.name }, roles: ['head'] });
    const asCaller = <T>(unit: DemoOrgUnit, work: (ctx: RequestContext) => Promise<T>) =>
      db.transaction().execute(async (tx) => {
        await enterCallerScope(tx, unit.path);
        const at = new Date('2026-11-21T10:00:00+08:00');
        const ctx = {
          db: tx,
          keys,
          now: () => at,
          user: { account: { id: staff.id, login: staff.login, name: '压测' }, org: { id: unit.id, path: unit.path, name: unit.name, type: unit.type, code: unit.code } },
          audit: (event: Parameters<RequestContext['audit']>[0]) =>
            recordAuditEvent(tx, { key: keys.auditKey, actor: { accountId: staff.id, login: staff.login, orgUnitId: unit.id, orgPath: unit.path }, origin: { ip: null, userAgent: null, requestId: null }, occurredAt: at, event }),
        } as unknown as RequestContext;
        return work(ctx);
      });

    for (const [label, unit] of [['province', province], ['city', city], ['county', county]] as const) {
      await asCaller(unit, (ctx) => assistanceDashboard(ctx, { year: 2026 })); // warm the cache
      lines.push(`dashboard, ${label} (${unit.name}): ${describeTimes(await timeMany(30, () => asCaller(unit, (ctx) => assistanceDashboard(ctx, { year: 2026 }))))}`);
    }
    const board = await asCaller(province, (ctx) => assistanceDashboard(ctx, { year: 2026 }));
    lines.push(`  province: ${board.households.total.toLocaleString('en')} files, ${board.households.byUnit.length} bars, disbursed ${board.funds.disbursed.toLocaleString('en')} 元 in ${board.funds.records.toLocaleString('en')} records, budget ${board.funds.budget.toLocaleString('en')} 元`);

    for (const run of [1, 2]) {
      started = performance.now();
      const result = await asCaller(city, (ctx) => reverifyHouseholds(ctx, { orgUnitId: city.id, on: '2026-12-01' }));
      lines.push(`annual re-verification of ${city.name} (run ${run}): ${result.households.toLocaleString('en')} files (keep ${result.keep}, change ${result.changeTier}, exit ${result.exit}) in ${seconds(started)}`);
    }
    return lines;
  } finally {
    await database.close();
  }

  async function loadTree(all: readonly DemoOrgUnit[]) {
    for (let start = 0; start < all.length; start += 2_000) {
      await db
        .insertInto('org_unit')
        .values(all.slice(start, start + 2_000).map((unit) => ({
          id: unit.id, parent_id: unit.parentId, path: unit.path, depth: unit.depth, type: unit.type, name: unit.name, code: unit.code,
          region_code: unit.regionCode, employee_count: unit.employeeCount,
        })))
        .execute();
    }
    await sql`select setval(pg_get_serial_sequence('org_unit', 'id'), ${all.length + 1})`.execute(db);
    // Files hang on grassroots unions; each takes the 低保 region of its nearest city or county (GB/T 2260, as the clerk would).
    const region = new Map<number, string>();
    for (const unit of all) {
      const own = unit.regionCode && /^61[0-9]{4}$/.test(unit.regionCode) ? unit.regionCode : null;
      // Directly under the province (industry systems): the capital's standard.
      region.set(unit.id, own && own !== '610000' ? own : unit.parentId ? region.get(unit.parentId)! : '610100');
    }
    const holders = all.filter((unit) => unit.type === 'grassroots' || unit.type === 'joint_grassroots');
    await sql`create table bench_holder (n int primary key, id int, path text collate "C", region text)`.execute(db);
    for (let start = 0; start < holders.length; start += 5_000) {
      const slice = holders.slice(start, start + 5_000);
      await sql`insert into bench_holder select * from unnest(${slice.map((_, index) => start + index)}::int[], ${slice.map((unit) => unit.id)}::int[], ${slice.map((unit) => unit.path)}::text[], ${slice.map((unit) => region.get(unit.id)!)}::text[])`.execute(db);
    }
  }

  /**
   * States by i % 100: 80 filed, 8 in monitoring, 5 exited (稳定脱困), 2 back in first
   * review after a return, 4 in filing, 1 refused. Tiers by i % 10: 4 deep, 5 relative,
   * 1 accident, with figures that classify so (西安 700 a month, household of 3); every
   * 20th has since earned more (a re-verification proposes its exit).
   */
  async function loadHouseholds(count: number) {
    const holders = Number((await sql<{ n: number }>`select count(*)::int as n from bench_holder`.execute(db)).rows[0]!.n);
    await sql`
      insert into person (id, id_number_envelope, id_number_index, id_number_masked, name, gender, birth_date)
      select (i + 1)::int, 'g1.k.' || md5(i::text), md5('hh' || i) || md5('hx' || i), '610***********' || lpad((i % 10000)::text, 4, '0'),
        '困难职工' || i, case when i % 2 = 0 then 'male' else 'female' end, date '1965-01-01' + (i % 12000)::int
      from generate_series(0, ${count - 1}) as i`.execute(db);
    await sql`select setval(pg_get_serial_sequence('person', 'id'), ${count + 1})`.execute(db);
    await sql`
      insert into assistance_household (id, person_id, org_unit_id, org_path, status, region_code, dibao_area, worker_type, annual_income,
        medical_expense, sudden_costs, sudden_event, main_cause, household_size, tier, per_capita_monthly, dibao_monthly, reasons, rules_day,
        classified_at, figures_changed_at, filed_tier, file_level, check_level, filed_on)
      select i + 1, i + 1, h.id, h.path, s.status, h.region, 'urban', 'worker',
        case when i % 20 = 15 then 90000 when t.tier = 'deep' then 20000 when t.tier = 'relative' then 36000 else 60000 end,
        case when t.tier = 'deep' then 2000 else 0 end,
        case when t.tier = 'accident' then 55000 else 0 end,
        case when t.tier = 'accident' then 'major_accident' end,
        (array['illness','disability','education','unemployment','low_income','accident','disaster','enterprise_difficulty','single_parent','other'])[1 + (i / 7) % 10],
        3, t.tier, 500, 700, '[]'::jsonb, date '2025-11-01', timestamptz '2025-11-01 09:00+08', timestamptz '2025-11-01 09:00+08',
        case when s.status in ('filed', 'monitoring', 'exited', 'first_review') then t.tier end,
        case when s.status in ('filed', 'monitoring', 'exited', 'first_review') then 'county' end,
        case when s.status in ('filed', 'monitoring', 'exited', 'first_review') then 'county' end,
        case when s.status in ('filed', 'monitoring', 'exited', 'first_review') then date '2024-01-01' + (i % 700) end
      from generate_series(0, ${count - 1}) as i
      join bench_holder h on h.n = (i * 7919) % ${holders}
      cross join lateral (select case
        when i % 100 < 80 then 'filed' when i % 100 < 88 then 'monitoring' when i % 100 < 93 then 'exited'
        when i % 100 < 95 then 'first_review' when i % 100 = 95 then 'draft' when i % 100 = 96 then 'home_visit'
        when i % 100 = 97 then 'financial_check' when i % 100 = 98 then 'notice' else 'refused' end as status) s
      cross join lateral (select case when i % 10 < 4 then 'deep' when i % 10 < 9 then 'relative' else 'accident' end as tier) t`.execute(db);
    await sql`select setval(pg_get_serial_sequence('assistance_household', 'id'), ${count + 1})`.execute(db);

    // One exit per household that left: monitoring (period running), exited (稳定脱困), first_review (returned).
    await sql`
      insert into assistance_exit (household_id, org_path, reason, exited_on, monitoring_ends_on, callback_interval_months, outcome, ended_on)
      select id, org_path, 'income_stable', e.exited_on, e.exited_on + interval '12 months',  3,
        case status when 'exited' then 'stable' when 'first_review' then 'returned' end,
        case status when 'exited' then (e.exited_on + interval '12 months')::date when 'first_review' then e.exited_on + 90 end
      from assistance_household
      cross join lateral (select case when status = 'monitoring' then date '2025-12-01' + (id % 330) else date '2024-06-01' + (id % 500) end as exited_on) e
      where status in ('monitoring', 'exited', 'first_review')`.execute(db);
    // Four call-backs per monitored exit, every 3 months; those due before 21 November 2026 mostly done.
    await sql`
      insert into assistance_callback (exit_id, household_id, org_path, due_on, contacted_on, contact_result)
      select e.id, e.household_id, e.org_path, d.due_on,
        case when d.due_on < date '2026-11-21' and e.id % 10 <> 0 then d.due_on + 3 end,
        case when d.due_on < date '2026-11-21' and e.id % 10 <> 0 then 'reached' end
      from assistance_exit e
      cross join lateral (select (e.exited_on + make_interval(months => 3 * k))::date as due_on from generate_series(1, 4) as k) d
      where e.outcome is null`.execute(db);
    // An open alert for every 12th household in monitoring; a decided one for each return.
    await sql`
      insert into assistance_return_alert (household_id, exit_id, org_path, raised_at, status, decided_at, decision_reason)
      select household_id, id, org_path, timestamptz '2026-10-01 09:00+08' + make_interval(days => id % 50),
        case when outcome = 'returned' then 'reentered' else 'open' end,
        case when outcome = 'returned' then timestamptz '2026-11-01 09:00+08' end,
        case when outcome = 'returned' then '压测数据' end
      from assistance_exit where (outcome is null and id % 12 = 0) or outcome = 'returned'`.execute(db);
  }

  /**
   * Records round-robin over the households, five years (2022–2026), 生活/医疗/送温暖/就业
   * (助学 needs a student on file: left out), three sources; 70 % paid, 20 % received, 5 %
   * approved, 3 % draft, 2 % refused. A 送温暖 campaign per county and year, at its budget.
   */
  async function loadAid(householdCount: number, count: number) {
    const chunk = 250_000;
    for (let from = 0; from < count; from += chunk) {
      const to = Math.min(count, from + chunk) - 1;
      await sql`
        insert into assistance_aid_record (household_id, org_path, paying_org_unit_id, category, funding_source, kind, amount, aid_date, aid_year, status,
          approved_at, paid_at, receipt_signer, received_on, receipt_confirmed_at)
        select h.id, h.org_path, h.org_unit_id,
          (array['living','medical','warmth','employment'])[1 + i % 4], (array['fiscal','social','union_funds'])[1 + (i / 4) % 3], 'cash',
          200 + (i % 50) * 20, d.aid_date, extract(year from d.aid_date)::int, s.status,
          case when s.status in ('approved','paid','received') then timestamptz '2026-01-01' end,
          case when s.status in ('paid','received') then timestamptz '2026-01-02' end,
          case when s.status = 'received' then '本人' end,
          case when s.status = 'received' then d.aid_date end,
          case when s.status = 'received' then timestamptz '2026-01-03' end
        from generate_series(${from}::bigint, ${to}::bigint) as i
        join assistance_household h on h.id = 1 + (i % ${householdCount})
        cross join lateral (select make_date(2022 + ((i / ${householdCount}) % 5)::int, 1 + (i % 12)::int, 1 + (i % 28)::int) as aid_date) d
        cross join lateral (select case when i % 100 < 70 then 'paid' when i % 100 < 90 then 'received' when i % 100 < 95 then 'approved'
          when i % 100 < 98 then 'draft' else 'refused' end as status) s`.execute(db);
    }
    await sql`
      insert into assistance_aid_campaign (org_unit_id, org_path, name, category, funding_source, kind, standard_amount, budget, aid_date, status)
      select u.id, u.path, y || '年元旦春节送温暖', 'warmth', 'union_funds', 'cash', 500, 200000, make_date(y, 12, 28), 'distributed'
      from org_unit u cross join generate_series(2022, 2026) as y where u.type = 'county'`.execute(db);
  }
}

const seconds = (started: number) => `${((performance.now() - started) / 1000).toFixed(1)} s`;
