import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, inject } from 'vitest';
import { type Database, type Engine, openDatabase } from './database';
import { createPostgresTestDatabase, databaseUrl, dropPostgresDatabase } from './testing-postgres';

/**
 * Database tests run on PGlite always, and on PostgreSQL too when
 * DATABASE_URL is set (CI sets it). Each database is a fresh copy of a
 * template migrated once per run (test/global-setup.ts).
 */
export const TEST_ENGINES: readonly Engine[] = inject('postgresTemplate') ? ['pglite', 'postgres'] : ['pglite'];

let pgliteTemplate: Blob | undefined;

export async function createTestDatabase(engine: Engine): Promise<Database> {
  if (engine === 'pglite') {
    pgliteTemplate ??= new Blob([readFileSync(inject('pgliteTemplate'))]);
    return openDatabase({ engine: 'pglite', loadDataDir: pgliteTemplate });
  }
  const url = process.env.DATABASE_URL;
  const template = inject('postgresTemplate');
  if (!url || !template) {
    throw new Error('PostgreSQL tests need DATABASE_URL');
  }
  const name = await createPostgresTestDatabase(url, template);
  const database = await openDatabase({ engine: 'postgres', url: databaseUrl(url, name), poolSize: 4 });
  return { ...database, close: async () => {
    await database.close();
    await dropPostgresDatabase(url, name);
  } };
}

/** Runs a suite once per engine: `describeEachEngine('org tree', (engine) => { … })`. */
export function describeEachEngine(name: string, suite: (engine: Engine) => void): void {
  for (const engine of TEST_ENGINES) {
    describe(`${name} [${engine}]`, () => suite(engine));
  }
}

/** A fresh database for every test of the enclosing suite. */
export function useFreshDatabase(engine: Engine): () => Database {
  let database: Database | undefined;
  beforeEach(async () => {
    database = await createTestDatabase(engine);
  });
  afterEach(async () => {
    await database?.close();
    database = undefined;
  });
  return () => {
    if (!database) {
      throw new Error('useFreshDatabase: no database outside a test');
    }
    return database;
  };
}
