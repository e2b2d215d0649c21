import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { dumpPGlite, openDatabase } from '../src/core/db/database';
import { runMigrations } from '../src/core/db/migrations';
import { createPostgresTemplate, dropPostgresTestDatabases } from '../src/core/db/testing-postgres';
import { allMigrations } from '../src/server/modules';

/**
 * Migrates one template database per engine; every test database is a copy of
 * it. The PGlite template is cached on disk by the migrations' checksum.
 */
export default async function setup(project: TestProject) {
  const migrations = allMigrations();
  const checksum = createHash('sha256')
    .update(migrations.map((migration) => `${migration.name}\n${migration.sql}`).join('\n'))
    .digest('hex')
    .slice(0, 16);
  const dir = resolve('.tmp');
  mkdirSync(dir, { recursive: true });
  const pgliteTemplate = `${dir}/pglite-template-${checksum}.tar`;
  if (!existsSync(pgliteTemplate)) {
    const database = await openDatabase({ engine: 'pglite' });
    await runMigrations(database, migrations);
    // Written aside then renamed: a concurrent run never reads half a file.
    writeFileSync(`${pgliteTemplate}.${process.pid}`, Buffer.from(await (await dumpPGlite(database)).arrayBuffer()));
    renameSync(`${pgliteTemplate}.${process.pid}`, pgliteTemplate);
    await database.close();
  }
  project.provide('pgliteTemplate', pgliteTemplate);

  const url = process.env.DATABASE_URL;
  project.provide('postgresTemplate', url ? await createPostgresTemplate(url, migrations) : null);

  return async () => {
    if (url) {
      await dropPostgresTestDatabases(url);
    }
  };
}
