import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, openDatabase } from '../src/core/db/database';
import { runMigrations } from '../src/core/db/migrations';
import {
  createPostgresTemplate,
  createPostgresTestDatabase,
  databaseUrl,
  dropPostgresDatabase,
} from '../src/core/db/testing-postgres';
import { allMigrations } from '../src/server/modules';

export type BenchEngine = 'pglite' | 'postgres';

/**
 * The engines to measure: PGlite (file-backed, as `npm start` uses it) and PostgreSQL when DATABASE_URL is
 * set. BENCH_ENGINES=postgres (or pglite) measures one of them.
 */
export function benchEngines(): BenchEngine[] {
  const available: BenchEngine[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
  const wanted = process.env.BENCH_ENGINES?.split(',').map((name) => name.trim());
  return wanted ? available.filter((engine) => wanted.includes(engine)) : available;
}

/** A fresh, migrated database; closing it removes it. `url` names a PostgreSQL one for child processes. */
export async function openBenchDatabase(engine: BenchEngine): Promise<Database & { url?: string }> {
  if (engine === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'gonghui-bench-'));
    const database = await openDatabase({ engine: 'pglite', dataDir });
    await runMigrations(database, allMigrations());
    return {
      ...database,
      // A million-member PGlite directory is gigabytes: gone with the run (BENCH_KEEP=1 keeps it).
      close: async () => {
        await database.close();
        if (process.env.BENCH_KEEP === '1') console.log(`bench database kept: ${dataDir}`);
        else rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const url = process.env.DATABASE_URL!;
  // BENCH_REUSE=<name>: measure again on a database a BENCH_KEEP=1 run loaded (no reload of millions of rows).
  const reuse = process.env.BENCH_REUSE;
  if (reuse) return { ...(await openDatabase({ engine: 'postgres', url: databaseUrl(url, reuse) })), url: databaseUrl(url, reuse) };
  const template = await createPostgresTemplate(url, allMigrations());
  const name = await createPostgresTestDatabase(url, template);
  const database = await openDatabase({ engine: 'postgres', url: databaseUrl(url, name) });
  return {
    ...database,
    url: databaseUrl(url, name),
    close: async () => {
      await database.close();
      // BENCH_KEEP=1 leaves the loaded database for EXPLAIN (its name is printed); drop it by hand.
      if (process.env.BENCH_KEEP === '1') {
        console.log(`bench database kept: ${name}`);
        return;
      }
      await dropPostgresDatabase(url, name);
      await dropPostgresDatabase(url, template);
    },
  };
}
