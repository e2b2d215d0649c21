import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { currentMigrationVersion, runMigrations } from './migrations';
import { describeEachEngine, useFreshDatabase } from './testing';

const toy = (name: string, body: string) => ({ name, module: 'toy', sql: body });

describeEachEngine('migration runner', (engine) => {
  const database = useFreshDatabase(engine);

  it('applies new migrations once, in name order, and records the version', async () => {
    const migrations = [
      toy('2099-01-01T0001_toy__b', 'insert into toy_thing (label) values (\'second\');'),
      toy('2099-01-01T0000_toy__a', 'create table toy_thing (label text not null); insert into toy_thing values (\'first\');'),
    ];
    const first = await runMigrations(database(), migrations);
    expect(first.applied).toEqual(['2099-01-01T0000_toy__a', '2099-01-01T0001_toy__b']);
    const again = await runMigrations(database(), migrations);
    expect(again.applied).toEqual([]);
    const rows = await sql<{ label: string }>`select label from toy_thing`.execute(database().kysely);
    expect(rows.rows.map((row) => row.label)).toEqual(['first', 'second']);
    expect(await currentMigrationVersion(database().kysely)).toBe('2099-01-01T0001_toy__b');
  });

  // PostgreSQL only: PGlite is built without LLVM, so it has no JIT to turn off.
  if (engine === 'postgres') {
    it('connects with JIT compilation off (short index reads; row-level security inflates cost estimates past its threshold)', async () => {
      const setting = await sql<{ jit: string }>`show jit`.execute(database().kysely);
      expect(setting.rows[0]?.jit).toBe('off');
    });
  }

  it('refuses to start when an applied migration was edited', async () => {
    await runMigrations(database(), [toy('2099-01-01T0000_toy__a', 'create table toy_a (id int);')]);
    await expect(
      runMigrations(database(), [toy('2099-01-01T0000_toy__a', 'create table toy_a (id bigint);')]),
    ).rejects.toThrow(/在应用后被修改过/);
  });

  it('leaves nothing behind when a migration fails half-way', async () => {
    const broken = toy('2099-01-01T0000_toy__broken', 'create table toy_half (id int); select no_such_function();');
    await expect(runMigrations(database(), [broken])).rejects.toThrow();
    const table = await sql<{ name: string | null }>`select to_regclass('toy_half')::text as name`.execute(database().kysely);
    expect(table.rows[0]?.name).toBeNull();
    const recorded = await database().kysely.selectFrom('schema_migration').select('name').where('name', '=', broken.name).execute();
    expect(recorded).toEqual([]);
  });

  it('rejects two migrations with the same name', async () => {
    const twice = [toy('2099-01-01T0000_toy__x', 'select 1;'), toy('2099-01-01T0000_toy__x', 'select 2;')];
    await expect(runMigrations(database(), twice)).rejects.toThrow(/迁移名称重复/);
  });
});
