import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import type { Database } from './database';
import type { DB } from './schema';

/**
 * A migration is a frozen SQL file owned by one module.
 * Names start with a UTC timestamp (`2026-11-21T0900_core__create_org_unit.sql`)
 * and all modules' migrations run in one global order by name, so a module
 * may build on another module's tables that were created earlier.
 */
export type Migration = { name: string; module: string; sql: string };

/** Reads every `.sql` file in a module's migrations folder. */
export function loadMigrations(module: string, folder: URL): Migration[] {
  const path = fileURLToPath(folder);
  return readdirSync(path)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => ({
      name: file.replace(/\.sql$/, ''),
      module,
      sql: readFileSync(`${path}/${file}`, 'utf8'),
    }));
}

export type MigrationReport = { applied: string[]; version: string | null };

const checksumOf = (sql: string) => createHash('sha256').update(sql).digest('hex');

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

export async function runMigrations(database: Database, migrations: Migration[]): Promise<MigrationReport> {
  const ordered = [...migrations].sort((a, b) => a.name.localeCompare(b.name));
  const duplicate = ordered.find((migration, index) => ordered[index + 1]?.name === migration.name);
  if (duplicate) {
    throw new Error(`迁移名称重复：${duplicate.name}`);
  }

  await database.runScript(`
    create table if not exists schema_migration (
      name text primary key,
      module text not null,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`);

  const done = new Map(
    (await database.kysely.selectFrom('schema_migration').select(['name', 'checksum']).execute()).map((row) => [
      row.name,
      row.checksum,
    ]),
  );

  const applied: string[] = [];
  for (const migration of ordered) {
    const checksum = checksumOf(migration.sql);
    const known = done.get(migration.name);
    if (known !== undefined) {
      if (known !== checksum) {
        throw new Error(`迁移 ${migration.name} 在应用后被修改过：已应用的迁移不可更改，请新增一个迁移`);
      }
      continue;
    }
    // The migration and its record commit together: a crash leaves neither.
    await database.runScript(
      `${migration.sql}
;insert into schema_migration (name, module, checksum) values (${quote(migration.name)}, ${quote(migration.module)}, ${quote(checksum)});`,
    );
    applied.push(migration.name);
  }
  return { applied, version: ordered.at(-1)?.name ?? null };
}

export async function currentMigrationVersion(db: Kysely<DB>): Promise<string | null> {
  const row = await db
    .selectFrom('schema_migration')
    .select('name')
    .orderBy('name', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.name ?? null;
}
