import { mkdirSync } from 'node:fs';
import type { Config } from '../config/config';
import { type Database, openDatabase } from '../db/database';
import { type MigrationReport, runMigrations } from '../db/migrations';
import type { ModuleManifest } from '../module';

/** The database the configuration names, migrated to the modules' latest schema. */
export async function openPlatformDatabase(
  config: Config,
  modules: readonly ModuleManifest[],
): Promise<{ database: Database; migrations: MigrationReport }> {
  let database: Database;
  if (config.DATABASE_URL) {
    database = await openDatabase({ engine: 'postgres', url: config.DATABASE_URL });
  } else {
    mkdirSync(config.dataDir, { recursive: true });
    database = await openDatabase({ engine: 'pglite', dataDir: config.dataDir });
  }
  try {
    const migrations = await runMigrations(
      database,
      modules.flatMap((module) => module.migrations),
    );
    return { database, migrations };
  } catch (error) {
    await database.close();
    throw error;
  }
}
