import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { makeIdNumber } from '../../../../core/cn/id-number';
import { describeEachEngine, useFreshDatabase } from '../../../../core/db/testing';
import { openPersonField, personFieldIndex } from '../../../../core/person/person-fields';
import { testPlatformKeys } from '../../../../core/platform/test-keys';
import { createOrgUnit, createStaff, type TestOrg } from '../../../../core/testing/factories';
import { actAs } from '../../../../core/testing/request-context';
import { MODULES } from '../../../../server/modules';
import { endMembership } from '../use-cases/change-membership-status';
import { findStatDrift } from '../stats/rebuild-stats';
import { importMembersFile } from './import-members-file';

/**
 * Importing member files end to end on a real database: validation row by
 * row, placement by the union column, duplicates, people who are members
 * elsewhere, idempotent re-import, dry runs, and resuming a killed import.
 */
describeEachEngine('member import', (engine) => {
  const database = useFreshDatabase(engine);
  const keys = testPlatformKeys();
  const now = () => new Date('2026-11-21T10:00:00+08:00');
  let folder: string;
  let county: TestOrg;
  let factory: TestOrg;
  let other: TestOrg;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'gonghui-import-'));
    const db = database().kysely;
    const province = await createOrgUnit(db, { name: '省总工会' });
    county = await createOrgUnit(db, { parent: province, type: 'county', name: '雁塔区总工会' });
    factory = await createOrgUnit(db, { parent: county, name: '秦川机床厂工会' });
    other = await createOrgUnit(db, { parent: province, type: 'city', name: '咸阳市总工会' });
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  const id = (sequence: number, birth = '1988-02-03') => makeIdNumber('610113', birth, sequence);
  const run = (file: string, options: { dryRun?: boolean; batchSize?: number; orgUnit?: TestOrg; onProgress?: () => void } = {}) =>
    importMembersFile({
      db: database().kysely,
      keys,
      now,
      filePath: file,
      orgUnit: options.orgUnit ?? factory,
      dryRun: options.dryRun ?? false,
      actor: { accountId: null, login: 'cli' },
      ...(options.batchSize ? { batchSize: options.batchSize } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
  const csv = async (name: string, lines: string[]) => {
    const path = join(folder, name);
    await writeFile(path, `\uFEFF${lines.join('\r\n')}\r\n`);
    return path;
  };
  const memberships = () =>
    database().kysely.selectFrom('members_membership').select(['org_unit_id', 'status', 'joined_on', 'card_number', 'join_channel']).execute();

  it('writes valid rows, rejects bad ones row by row with the column and a Chinese message', async () => {
    const file = await csv('名册.csv', [
      '手机号码,身份证号码,姓名,入会时间,用工形式,所属工会',
      `13800138001,${id(11)},张伟,2023.5.1,快递员,`,
      `１３８００１３８００２,${id(13).toLowerCase()},李娜,2023年5月1日,外卖骑手,${factory.code}`,
      `13800138003,610113198802031230,王五,2023/05/01,,`,
      `13800138004,${id(15)},赵六,45047,,不存在的工会`,
      `12345,${id(17)},钱七,,,`,
      `13800138006,${id(11)},张伟重复,,,`,
    ]);
    const summary = await run(file);
    expect(summary).toMatchObject({ total: 6, imported: 2, updated: 0, unchanged: 0, rejected: 4 });
    expect(summary.errors.map((error) => [error.row, error.column, error.code])).toEqual([
      [3, '公民身份号码', 'ID_NUMBER_INVALID'],
      [4, '所属工会', 'ORG_NOT_FOUND'],
      [5, '手机号码', 'PHONE_INVALID'],
      [6, '公民身份号码', 'DUPLICATE_IN_FILE'],
    ]);
    expect(summary.errors[3]!.message).toContain('第 1 行');
    const rows = await memberships();
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.status === 'active' && row.join_channel === 'import' && row.joined_on === '2023-05-01')).toBe(true);
    expect(rows.map((row) => row.card_number).sort()).toEqual(['61000020260000001', '61000020260000002']);
    expect(await findStatDrift(database().kysely)).toEqual([]);
  });

  it('is idempotent: the same file again gives 0 new and N unchanged; a changed row is an update', async () => {
    const lines = ['姓名,公民身份号码,手机号', `张伟,${id(21)},13800138001`, `李娜,${id(23)},13800138002`, `王芳,${id(25)},13800138003`];
    const first = await run(await csv('a.csv', lines));
    expect(first).toMatchObject({ total: 3, imported: 3 });
    const again = await run(await csv('a.csv', lines));
    expect(again).toMatchObject({ total: 3, imported: 0, updated: 0, unchanged: 3, rejected: 0 });
    const changed = await run(await csv('b.csv', [...lines.slice(0, 3), `王芳,${id(25)},13900139003`]));
    expect(changed).toMatchObject({ imported: 0, updated: 1, unchanged: 2 });
    expect(await memberships()).toHaveLength(3);
    expect(await findStatDrift(database().kysely)).toEqual([]);
  });

  it('reports a person who is a member elsewhere, naming that union, and never adds a second membership', async () => {
    const elsewhere = await createOrgUnit(database().kysely, { parent: other, name: '咸阳纺织厂工会' });
    await run(await csv('x.csv', ['姓名,身份证号', `周八,${id(31)}`]), { orgUnit: elsewhere });
    const summary = await run(await csv('y.csv', ['姓名,身份证号', `周八,${id(31)}`]));
    expect(summary).toMatchObject({ imported: 0, rejected: 1 });
    expect(summary.errors[0]).toMatchObject({ row: 1, code: 'ALREADY_MEMBER' });
    expect(summary.errors[0]!.message).toContain('咸阳纺织厂工会');
    expect(await memberships()).toHaveLength(1);
  });

  it('a dry run shows what would happen and writes nothing', async () => {
    const summary = await run(await csv('d.csv', ['姓名,身份证号', `周八,${id(41)}`, `吴九,${id(43)}`, `吴九,${id(43)}`]), { dryRun: true });
    expect(summary).toMatchObject({ total: 3, imported: 2, rejected: 1 });
    expect(await memberships()).toHaveLength(0);
    expect(await database().kysely.selectFrom('person').select('id').execute()).toHaveLength(0);
  });

  it('places rows by the union column, and refuses a union outside the importing unit', async () => {
    const summary = await run(
      await csv('u.csv', ['姓名,身份证号,所属工会', `甲,${id(51)},${factory.name}`, `乙,${id(53)},${other.code}`, `丙,${id(55)},`]),
      { orgUnit: county },
    );
    // 丙 names no union: the importing county union holds the membership (a county union may, for members whose employer has none).
    expect(summary.errors.map((error) => [error.row, error.code])).toEqual([[2, 'ORG_NOT_FOUND']]);
    const rows = await memberships();
    expect(rows.map((row) => row.org_unit_id).sort()).toEqual([county.id, factory.id].sort());
  });

  it('resumes a killed import: the committed batches stay, running again completes it without duplicates', async () => {
    const people = Array.from({ length: 23 }, (_, index) => `会员${'甲乙丙丁戊己庚辛壬癸'[index % 10]},${id(101 + index * 2)}`);
    // The last row repeats row 3, which the killed run already wrote: still a duplicate in the file.
    const lines = ['姓名,身份证号', ...people, people[2]!];
    const file = await csv('big.csv', lines);
    let batches = 0;
    await expect(
      run(file, {
        batchSize: 5,
        onProgress: () => {
          batches += 1;
          if (batches === 2) throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    const job = await database().kysely.selectFrom('members_import_job').selectAll().executeTakeFirstOrThrow();
    // One writer (PGlite) stops after batch 2; three writers (PostgreSQL) may also have committed
    // batches 3 and 4, which were in flight. Either way the job's counters are exactly what committed.
    expect(job.status).toBe('failed');
    expect(engine === 'pglite' ? [10] : [10, 15, 20]).toContain(job.committed_rows);
    expect(job.imported).toBe(job.committed_rows);
    expect(await memberships()).toHaveLength(job.imported);

    const resumed = await run(file, { batchSize: 5 });
    expect(resumed).toMatchObject({ resumed: true, total: 24, imported: 23, rejected: 1 });
    expect(resumed.errors).toMatchObject([{ row: 24, code: 'DUPLICATE_IN_FILE', message: expect.stringContaining('第 3 行') }]);
    expect(await memberships()).toHaveLength(23);
    expect(await findStatDrift(database().kysely)).toEqual([]);
  });

  it('refuses later copies of an ID number or a card number even when their batches are written side by side', async () => {
    // Batches of 5: rows 7 and 12 (batches 2 and 3, written together on PostgreSQL) are one person;
    // rows 9 and 14 are two people with one card number; row 33 repeats row 2.
    const people = Array.from({ length: 40 }, (_, index) => ({ name: `会员${'甲乙丙丁戊己庚辛壬癸'[index % 10]}`, id: id(501 + index * 2), card: '' }));
    people[11] = { ...people[6]! };
    people[32] = { ...people[1]! };
    people[8] = { ...people[8]!, card: 'KP-0009' };
    people[13] = { ...people[13]!, card: 'KP-0009' };
    // Rows 16 and 18 share a card number inside one batch (this once failed the whole import on the unique index).
    people[15] = { ...people[15]!, card: 'KP-0016' };
    people[17] = { ...people[17]!, card: 'KP-0016' };
    const file = await csv('side-by-side.csv', ['姓名,身份证号,会员证号', ...people.map((person) => `${person.name},${person.id},${person.card}`)]);
    const summary = await run(file, { batchSize: 5 });
    expect(summary).toMatchObject({ total: 40, imported: 36, rejected: 4 });
    expect(summary.errors.map((error) => [error.row, error.code])).toEqual([
      [12, 'DUPLICATE_IN_FILE'],
      [14, 'CARD_NUMBER_TAKEN'],
      [18, 'CARD_NUMBER_TAKEN'],
      [33, 'DUPLICATE_IN_FILE'],
    ]);
    expect(summary.errors[1]!.message).toContain('第 9 行');
    const ranges = await database().kysely.selectFrom('members_import_batch').select(['first_row', 'last_row']).orderBy('first_row').execute();
    expect(ranges).toEqual(Array.from({ length: 8 }, (_, index) => ({ first_row: index * 5 + 1, last_row: index * 5 + 5 })));
    expect(await memberships()).toHaveLength(36);
    expect(await findStatDrift(database().kysely)).toEqual([]);
  });

  // Two writers: a batch that meets another transaction on a unique key runs again once the batches
  // before it have committed, and then sees the row it met (here a clerk's card number, committed mid-batch).
  if (engine === 'postgres') {
    it('runs a batch again when another transaction takes its card number while it is being written', async () => {
      const db = database().kysely;
      expect(await run(await csv('holder.csv', ['姓名,身份证号', `会员甲,${id(701)}`]))).toMatchObject({ imported: 1 });
      const holder = await db.selectFrom('members_membership').select('id').executeTakeFirstOrThrow();
      const file = await csv('taker.csv', ['姓名,身份证号,会员证号', `会员乙,${id(703)},KP-0701`]);
      const summary = await db.connection().execute(async (clerk) => {
        await sql`begin`.execute(clerk);
        await sql`update members_membership set card_number = 'KP-0701' where id = ${holder.id}`.execute(clerk);
        const importing = run(file);
        // The import's insert waits on the clerk's uncommitted card number; then the clerk commits.
        await expect
          .poll(async () => (await sql<{ waiting: number }>`select count(*)::int as waiting from pg_stat_activity where wait_event_type = 'Lock'`.execute(db)).rows[0]!.waiting)
          .toBeGreaterThan(0);
        await sql`commit`.execute(clerk);
        return importing;
      });
      expect(summary).toMatchObject({ imported: 0, rejected: 1 });
      expect(summary.errors).toMatchObject([{ row: 1, code: 'CARD_NUMBER_TAKEN', message: expect.stringContaining('KP-0701') }]);
    });
  }

  it('seals big batches in a worker thread: every envelope opens to its row, blind indexes find the people', async () => {
    // Names are letters only: 会员 and the row's digits as 零一二….
    const nameOf = (index: number) => `会员${[...String(index)].map((digit) => '零一二三四五六七八九'[Number(digit)]).join('')}`;
    // 2,600 rows in batches of 1,000: the run seals in a worker (WORKER_SEALING_ROWS), the last batch too.
    const people = Array.from({ length: 2_600 }, (_, index) => ({ id: makeIdNumber('610113', `199${Math.floor(index / 1_000)}-05-06`, index % 1_000), phone: `139${String(10_000_000 + index)}` }));
    const file = await csv('worker.csv', ['姓名,身份证号,手机号', ...people.map((person, index) => `${nameOf(index)},${person.id},${person.phone}`)]);
    expect(await run(file, { batchSize: 1_000 })).toMatchObject({ total: 2_600, imported: 2_600, rejected: 0 });
    const stored = await database()
      .kysely.selectFrom('person')
      .select(['name', 'id_number_envelope', 'id_number_index', 'phone_envelope', 'phone_index'])
      .orderBy('id')
      .execute();
    expect(stored).toHaveLength(2_600);
    for (const [index, person] of [0, 999, 1_000, 2_599].map((at) => [at, people[at]!] as const)) {
      const row = stored.find((candidate) => candidate.name === nameOf(index))!;
      expect(openPersonField(keys.ring, 'idNumber', row.id_number_envelope)).toBe(person.id);
      expect(openPersonField(keys.ring, 'phone', row.phone_envelope!)).toBe(person.phone);
      expect(row.id_number_index).toBe(personFieldIndex(keys.ring, 'idNumber', person.id));
      expect(row.phone_index).toBe(personFieldIndex(keys.ring, 'phone', person.phone));
    }
    // Run again: every row is found by its blind index, so nothing is new.
    expect(await run(file, { batchSize: 1_000 })).toMatchObject({ imported: 0, unchanged: 2_600 });
  });

  it('counts a member once when a lifecycle step changes them before their import has ended', async () => {
    const lines = ['姓名,身份证号', ...Array.from({ length: 12 }, (_, index) => `会员${'甲乙丙丁戊己庚辛壬癸'[index % 10]},${id(301 + index * 2)}`)];
    const file = await csv('interrupted.csv', lines);
    let batches = 0;
    await expect(run(file, { batchSize: 5, onProgress: () => { batches += 1; if (batches === 1) throw new Error('killed'); } })).rejects.toThrow('killed');
    const db = database().kysely;
    const imported = await db.selectFrom('members_membership').select(['id', 'import_job_id']).orderBy('id').execute();
    // Batch 1, and on PostgreSQL perhaps batches 2 and 3 (the last, of 2 rows), written beside it.
    expect(engine === 'pglite' ? [5] : [5, 10, 12]).toContain(imported.length);
    expect(imported.every((row) => row.import_job_id !== null)).toBe(true);

    // While the job is unfinished, the clerk records that the first imported member left.
    const clerk = await createStaff(db, { login: 'clerk-interrupted', org: factory, roles: ['clerk'] });
    const permissions = MODULES.flatMap((module) => module.permissions.map((permission) => permission.code));
    await actAs(db, { accountId: clerk.id, orgUnitId: factory.id }, { engine, permissions, now, keys }, (ctx) =>
      endMembership(ctx, imported[0]!.id, { kind: 'exited', reason: '本人申请退会' }),
    );
    // The step counted that membership itself and released it from the job; the job keeps the others.
    const after = await db.selectFrom('members_membership').select(['id', 'import_job_id']).orderBy('id').execute();
    expect(after.map((row) => row.import_job_id === null)).toEqual(imported.map((_, index) => index === 0));

    const resumed = await run(file, { batchSize: 5 });
    expect(resumed).toMatchObject({ resumed: true, total: 12, imported: 12 });
    expect(await findStatDrift(db)).toEqual([]);
    const stats = await db.selectFrom('members_stat').select(['key', 'value']).where('org_unit_id', '=', factory.id).where('key', 'in', ['members', 'status:active']).execute();
    expect(Object.fromEntries(stats.map((row) => [row.key, row.value]))).toEqual({ members: 11, 'status:active': 11 });
  });

  it('counts a member once when a lifecycle step changes them while their import is still running', async () => {
    const db = database().kysely;
    const clerk = await createStaff(db, { login: 'clerk-running', org: factory, roles: ['clerk'] });
    const permissions = MODULES.flatMap((module) => module.permissions.map((permission) => permission.code));
    const lines = ['姓名,身份证号,用工形式', ...Array.from({ length: 40 }, (_, index) => `会员${'甲乙丙丁戊己庚辛壬癸'[index % 10]},${id(901 + index * 2)},${index % 2 ? '快递员' : ''}`)];
    let step: Promise<unknown> | undefined;
    // After the first of 20 batches, a clerk records that its first member left: the step adopts the
    // membership (counts it itself and releases it from the job) while 19 batches are still to come.
    const summary = await run(await csv('running.csv', lines), {
      batchSize: 2,
      onProgress: () => {
        step ??= db
          .selectFrom('members_membership')
          .select('id')
          .orderBy('id')
          .executeTakeFirstOrThrow()
          .then((first) => actAs(db, { accountId: clerk.id, orgUnitId: factory.id }, { engine, permissions, now, keys }, (ctx) => endMembership(ctx, first.id, { kind: 'exited', reason: '本人申请退会' })));
      },
    });
    await step;
    expect(summary).toMatchObject({ total: 40, imported: 40 });
    const released = await db.selectFrom('members_membership').select('status').where('import_job_id', 'is', null).execute();
    expect(released).toEqual([{ status: 'exited' }]);
    expect(await findStatDrift(db)).toEqual([]);
    const stats = await db.selectFrom('members_stat').select(['key', 'value']).where('org_unit_id', '=', county.id).where('key', 'in', ['members', 'gig']).execute();
    expect(Object.fromEntries(stats.map((row) => [row.key, row.value]))).toEqual({ members: 39, gig: 20 });
  });

  it('counts new and returning members as it writes them: the statistics equal a recount', async () => {
    const db = database().kysely;
    const clerk = await createStaff(db, { login: 'clerk-returning', org: factory, roles: ['clerk'] });
    const permissions = MODULES.flatMap((module) => module.permissions.map((permission) => permission.code));
    expect(await run(await csv('first.csv', ['姓名,身份证号,用工形式', `会员甲,${id(951)},网约车司机`]))).toMatchObject({ imported: 1 });
    const first = await db.selectFrom('members_membership').select('id').executeTakeFirstOrThrow();
    await actAs(db, { accountId: clerk.id, orgUnitId: factory.id }, { engine, permissions, now, keys }, (ctx) =>
      endMembership(ctx, first.id, { kind: 'exited', reason: '本人申请退会' }),
    );
    // The same person comes back (another form of employment, a 入会日期 of their own), beside new people.
    const depot = await createOrgUnit(db, { parent: county, name: '雁塔物流园工会' });
    const lines = [
      '姓名,身份证号,用工形式,入会日期,所属工会',
      `会员甲,${id(951)},外卖配送员,2019年3月5日,${factory.code}`,
      `会员乙,${id(953, '1971-06-30')},,,${depot.code}`,
      `会员丙,${id(955, '2001-12-01')},快递员,2024.5.1,${factory.code}`,
    ];
    const second = await run(await csv('second.csv', lines), { orgUnit: county });
    expect(second.errors).toEqual([]);
    expect(second).toMatchObject({ imported: 3 });
    expect(await findStatDrift(db)).toEqual([]);
    const stats = await db.selectFrom('members_stat').select(['key', 'value']).where('org_unit_id', '=', factory.id).where('key', 'in', ['members', 'gig', 'joined:2019', 'out:2026-11']).execute();
    expect(Object.fromEntries(stats.map((row) => [row.key, row.value]))).toEqual({ members: 2, gig: 2, 'joined:2019': 1, 'out:2026-11': 1 });
  });

  it('imports an .xlsx file the same way, and refuses a file that is not a table', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('会员');
    sheet.addRow(['公民身份号码', '姓名', '入会日期']);
    sheet.addRow([id(61), '郑十', new Date(Date.UTC(2024, 2, 8))]);
    sheet.addRow([id(63), { formula: '1+1' }, '2024-03-08']);
    const xlsx = join(folder, '名册.xlsx');
    await workbook.xlsx.writeFile(xlsx);
    const summary = await run(xlsx);
    expect(summary).toMatchObject({ total: 2, imported: 1, rejected: 1 });
    expect(summary.errors[0]).toMatchObject({ row: 2, code: 'FORMULA_CELL' });

    const pdf = join(folder, 'scan.csv');
    await writeFile(pdf, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200, 0)]));
    await expect(run(pdf)).rejects.toThrow(/不是 Excel/);
  });
});
