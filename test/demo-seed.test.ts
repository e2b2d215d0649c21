import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { MODULES } from '../src/server/modules';
import { describeEachEngine, useFreshDatabase } from '../src/core/db/testing';
import { seedDemo } from '../src/core/platform/seed-demo';
import { testPlatformKeys } from '../src/core/platform/test-keys';

describeEachEngine('demo seed', (engine) => {
  const database = useFreshDatabase(engine);

  const fingerprint = async () => {
    const rows = await database()
      .kysely.selectFrom('org_unit')
      .select(['id', 'path', 'type', 'name', 'code', 'credit_code', 'employee_count'])
      .orderBy('id')
      .execute();
    const people = await database()
      .kysely.selectFrom('person')
      .select(['name', 'gender', 'birth_date', 'id_number_masked', 'phone_masked', 'employment_form'])
      .orderBy('id')
      .execute();
    return createHash('sha256').update(JSON.stringify([rows, people])).digest('hex');
  };

  it('seeds the demo province once, deterministically', async () => {
    const first = await seedDemo(database().kysely, MODULES, { keys: testPlatformKeys(), log: () => {} });
    expect(first.seeded).toBe(true);
    const units = await database().kysely.selectFrom('org_unit').select(['type']).execute();
    expect(units.filter((unit) => unit.type === 'city')).toHaveLength(13);
    expect(units.filter((unit) => unit.type === 'grassroots' || unit.type === 'joint_grassroots')).toHaveLength(2000);
    const accounts = await database().kysely.selectFrom('account').select('login').orderBy('login').execute();
    expect(accounts.map((account) => account.login)).toEqual(['jiceng', 'sheng', 'xian', 'xianyang', 'yanta']);

    // About 50,000 members, with histories: transfers in, exits, pending applications; the employer registry.
    const statuses = await database().kysely
      .selectFrom('members_membership')
      .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
      .groupBy('status')
      .execute();
    const count = (status: string) => Number(statuses.find((row) => row.status === status)?.count ?? 0);
    expect(count('active') + count('retained')).toBeGreaterThan(45_000);
    expect(count('transferred')).toBeGreaterThan(1_000);
    expect(count('exited')).toBeGreaterThan(1_000);
    expect(count('pending')).toBeGreaterThan(100);
    const transferredIn = await database().kysely.selectFrom('members_membership_event').select('id').where('kind', '=', 'transferred_in').limit(1).execute();
    expect(transferredIn).toHaveLength(1);
    expect((await database().kysely.selectFrom('employer_unit').select('id').where('union_org_unit_id', 'is', null).execute()).length).toBeGreaterThan(0);

    const again = await seedDemo(database().kysely, MODULES, { keys: testPlatformKeys(), log: () => {} });
    expect(again.seeded).toBe(false);
    expect(await database().kysely.selectFrom('org_unit').select('id').execute()).toHaveLength(units.length);

    // The same seed gives the same rows: compare with a known-stable fingerprint of a second fresh build.
    const before = await fingerprint();
    // The work plan first (its reports hang on workflow runs; deleting the plan removes all its rows).
    await database().kysely.deleteFrom('plans_plan').execute();
    // The hardship files and their filing runs first: they hang on people and unions.
    // The household counters go too: deleting files leaves their rows at zero, still pointing at the unions.
    for (const table of ['assistance_household_member', 'assistance_household', 'assistance_household_stat', 'workflow_timer', 'workflow_step', 'workflow_instance'] as const) {
      await database().kysely.deleteFrom(table).execute();
    }
    await database().kysely.deleteFrom('members_stat').execute();
    await database().kysely.deleteFrom('employer_unit').execute();
    await database().kysely.deleteFrom('members_membership_event').execute();
    await database().kysely.deleteFrom('members_transfer').execute();
    await database().kysely.deleteFrom('members_membership').execute();
    await database().kysely.deleteFrom('person').execute();
    await database().kysely.deleteFrom('role_assignment').execute();
    await database().kysely.deleteFrom('account').execute();
    await database().kysely.deleteFrom('org_unit').execute();
    await seedDemo(database().kysely, MODULES, { keys: testPlatformKeys(), log: () => {} });
    expect(await fingerprint()).toBe(before);
  }, 600_000); // Seeds the province twice: 11-16 s each alone (the whole test about 30-40 s), several times that while CI runs files in parallel.
  // Until the foreign keys were indexed (test/foreign-key-indexes.test.ts), deleting the memberships below alone took 37-72 s.

  it('leaves nothing behind when a module seed fails', async () => {
    const failing = [...MODULES, { ...MODULES[0]!, id: 'broken', seedDemo: async () => { throw new Error('boom'); } }];
    await expect(seedDemo(database().kysely, failing, { keys: testPlatformKeys(), log: () => {} })).rejects.toThrow('boom');
    expect(await database().kysely.selectFrom('org_unit').select('id').execute()).toEqual([]);
  });
});
