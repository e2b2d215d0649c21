import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { enterCallerScope } from '../src/core/access/row-security';
import type { RequestContext } from '../src/core/http/request-context';
import { encodeSubtreeCursor } from '../src/core/org/subtree-cursor';
import { testPlatformKeys } from '../src/core/platform/test-keys';
import { findMembers } from '../src/modules/members/server/queries/find-members';
import { getMemberStats } from '../src/modules/members/server/stats/get-member-stats';
import { rebuildStats } from '../src/modules/members/server/stats/rebuild-stats';
import { buildDemoProvince } from '../src/modules/orgs/server/demo/demo-province';
import { type BenchEngine, openBenchDatabase } from './open-bench-database';
import { describeTimes, timeMany } from './stats';

/**
 * Members at provincial scale (issue targets, PostgreSQL, 10,000,000 members
 * over 100,000 unions): subtree statistics p95 ≤ 50 ms, lookup by ID number
 * p99 ≤ 5 ms, a member list page at any subtree and depth p99 ≤ 50 ms, name
 * search p95 ≤ 200 ms. PGlite at 1,000,000. MEMBERS=… changes the size.
 *
 * Every query runs as a request does: in a transaction, as the application
 * role, with the caller's scope set, through the same functions the routes call.
 */
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗', '欧阳', '司马'];
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰海燕文斌';

export async function benchMemberQueries(engine: BenchEngine): Promise<string[]> {
  const members = Number(process.env.MEMBERS ?? (engine === 'postgres' ? 10_000_000 : 1_000_000));
  const lines: string[] = [];
  const keys = testPlatformKeys();
  const database = await openBenchDatabase(engine);
  const db = database.kysely;
  const reused = process.env.BENCH_REUSE !== undefined;
  try {
    let started = performance.now();
    const units = buildDemoProvince({ grassrootsCount: 99_770 });
    const holders = units.filter((unit) => unit.type === 'grassroots' || unit.type === 'joint_grassroots');
    if (!reused) await loadMembers();
    async function loadMembers() {
      for (let start = 0; start < units.length; start += 2_000) {
        await db
          .insertInto('org_unit')
          .values(units.slice(start, start + 2_000).map((unit) => ({
            id: unit.id, parent_id: unit.parentId, path: unit.path, depth: unit.depth, type: unit.type, name: unit.name, code: unit.code,
            region_code: unit.regionCode, employee_count: unit.employeeCount,
          })))
          .execute();
      }
      await sql`create table bench_holder (n int primary key, id int, path text collate "C")`.execute(db);
      for (let start = 0; start < holders.length; start += 5_000) {
        const slice = holders.slice(start, start + 5_000);
        await sql`insert into bench_holder select * from unnest(${slice.map((_, index) => start + index)}::int[], ${slice.map((unit) => unit.id)}::int[], ${slice.map((unit) => unit.path)}::text[])`.execute(db);
      }
      lines.push(`${units.length.toLocaleString('en')} units: ${((performance.now() - started) / 1000).toFixed(1)} s`);

      // Bulk load as a migration would: indexes dropped, rows generated in SQL, indexes rebuilt. Names come
      // from a hash of the row number, not from it arithmetically: members of one union must not share a surname.
      started = performance.now();
      const indexes = await sql<{ indexname: string; indexdef: string }>`
        select indexname, indexdef from pg_indexes
        where tablename in ('person', 'members_membership') and indexname not like '%_pkey'
          and not exists (select 1 from pg_constraint where conname = indexname)`.execute(db);
      for (const index of indexes.rows) await sql.raw(`drop index ${index.indexname}`).execute(db);
      const chunk = 1_000_000;
      for (let from = 0; from < members; from += chunk) {
        const to = Math.min(members, from + chunk) - 1;
        await sql`
          insert into person (id, id_number_envelope, id_number_index, id_number_masked, name, gender, birth_date, phone_envelope, phone_index, phone_masked, employment_form)
          select (i + 1)::int, 'g1.k.' || md5(i::text) || '.' || md5((i * 7)::text) || '.' || md5((i * 13)::text),
            md5('id' || i) || md5('ix' || i), '610***********' || lpad((i % 10000)::text, 4, '0'),
            (${sql.val(SURNAMES)}::text[])[1 + get_byte(decode(md5('s' || i), 'hex'), 0) % ${SURNAMES.length}] || substr(${GIVEN}, 1 + get_byte(decode(md5('s' || i), 'hex'), 1) % ${GIVEN.length}, 1) || substr(${GIVEN}, 1 + get_byte(decode(md5('s' || i), 'hex'), 2) % ${GIVEN.length}, 1),
            case when i % 2 = 0 then 'male' else 'female' end, date '1965-01-01' + (i % 14000)::int,
            'g1.k.' || md5(i::text), md5('ph' || i) || md5('pq' || i), '138****' || lpad((i % 10000)::text, 4, '0'),
            (array['standard','standard','standard','standard','dispatched','courier','food_delivery','ride_hailing_driver','truck_driver','flexible'])[(1 + i % 10)::int]
          from generate_series(${from}::bigint, ${to}::bigint) as i`.execute(db);
        await sql`
          insert into members_membership (person_id, org_unit_id, org_path, status, joined_on, started_on, card_number, join_channel, person_name)
          select (i + 1)::int, h.id, h.path, case when i % 50 = 0 then 'retained' else 'active' end, date '2000-01-01' + (i % 9400)::int, date '2000-01-01' + (i % 9400)::int, null, 'import', p.name
          from generate_series(${from}::bigint, ${to}::bigint) as i
          join bench_holder h on h.n = (i * 7919) % ${holders.length}
          join person p on p.id = (i + 1)::int`.execute(db);
      }
      lines.push(`load ${members.toLocaleString('en')} people + memberships: ${((performance.now() - started) / 1000).toFixed(1)} s`);
      started = performance.now();
      for (const index of indexes.rows) await sql.raw(index.indexdef).execute(db);
      await sql`select setval(pg_get_serial_sequence('person', 'id'), ${members + 1})`.execute(db);
      await sql`analyze person`.execute(db);
      await sql`analyze members_membership`.execute(db);
      await sql`analyze org_unit`.execute(db);
      // As in production, where autovacuum has long since marked the pages all-visible: index-only scans.
      await sql`vacuum person`.execute(db);
      await sql`vacuum members_membership`.execute(db);
      lines.push(`rebuild ${indexes.rows.length} indexes + analyze: ${((performance.now() - started) / 1000).toFixed(1)} s`);
      started = performance.now();
      await db.transaction().execute((tx) => rebuildStats(tx));
      await sql`analyze members_stat`.execute(db);
      lines.push(`statistics rebuilt from scratch: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }

    const inner = units.filter((unit) => unit.type !== 'grassroots' && unit.type !== 'joint_grassroots');
    const pick = <T>(items: readonly T[], index: number) => items[(index * 7919) % items.length]!;
    const province = units[0]!;
    const asCaller = <T>(path: string, work: (ctx: RequestContext) => Promise<T>) =>
      db.transaction().execute(async (tx) => {
        await enterCallerScope(tx, path);
        const ctx = {
          db: tx, keys, now: () => new Date('2026-11-21T10:00:00+08:00'),
          user: { org: { id: province.id, path: province.path, name: province.name, type: province.type, code: province.code } },
        } as unknown as RequestContext;
        return work(ctx);
      });

    lines.push(`subtree statistics, province: ${describeTimes(await timeMany(20, () => asCaller(province.path, (ctx) => getMemberStats(ctx, province.id))))}`);
    lines.push(`subtree statistics, any node: ${describeTimes(await timeMany(300, (index) => {
      const unit = pick(index % 3 === 0 ? holders : inner, index);
      return asCaller(province.path, (ctx) => getMemberStats(ctx, unit.id));
    }))}`);
    lines.push(`lookup by ID number (blind index): ${describeTimes(await timeMany(1_000, (index) => {
      const i = (index * 104_729) % members;
      return asCaller(province.path, (ctx) => ctx.db.selectFrom('person').select(['id', 'name']).where('id_number_index', '=', `${md5Hex(`id${i}`)}${md5Hex(`ix${i}`)}`).executeTakeFirst());
    }))}`);
    // Pages deep in a subtree: cursors taken (before timing) from members at random offsets in it.
    const pages: Array<{ unit: (typeof inner)[number]; after: string | undefined }> = [];
    for (let index = 0; index < 300; index += 1) {
      const unit = pick(inner, index);
      const at = await db.selectFrom('members_membership').select(['org_path', 'id'])
        .where('org_path', '>=', unit.path).where('org_path', '<', `${unit.path.slice(0, -1)}/`)
        .orderBy('org_path').orderBy('id').offset((index * 7_919) % 20_000).limit(1).executeTakeFirst();
      pages.push({ unit, after: at ? encodeSubtreeCursor({ path: at.org_path, id: at.id }) : undefined });
    }
    lines.push(`member list page, any subtree, any depth (keyset): ${describeTimes(await timeMany(300, (index) => {
      const { unit, after } = pages[index]!;
      return asCaller(unit.path, (ctx) => findMembers(ctx, { orgUnitId: unit.id, limit: 50, ...(after ? { after } : {}) }));
    }))}`);
    lines.push(`name search (prefix), any subtree: ${describeTimes(await timeMany(200, (index) => {
      const unit = pick(inner, index);
      const name = pick(SURNAMES, index) + (index % 2 === 0 ? GIVEN[index % GIVEN.length] : '');
      return asCaller(unit.path, (ctx) => findMembers(ctx, { orgUnitId: unit.id, q: name, limit: 50 }));
    }))}`);
    lines.push(`name search, a name nobody has: ${describeTimes(await timeMany(100, (index) =>
      asCaller(pick(inner, index).path, (ctx) => findMembers(ctx, { orgUnitId: pick(inner, index).id, q: '无此人', limit: 50 })),
    ))}`);
    lines.push(`common surname alone from a county: ${describeTimes(await timeMany(100, (index) => {
      const county = pick(units.filter((unit) => unit.type === 'county'), index);
      return asCaller(county.path, (ctx) => findMembers(ctx, { orgUnitId: county.id, q: '王', limit: 50 }));
    }))}`);
  } finally {
    await database.close();
  }
  return lines;
}

const md5Hex = (text: string) => createHash('md5').update(text).digest('hex');
