import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { ModuleManifest } from '../module';

export type SeedReport = { seeded: boolean; milliseconds: number };

/**
 * Seeds the demo province once: only into an empty platform (no org units),
 * in one transaction, so an interrupted seed leaves nothing behind and the next
 * start seeds again.
 */
export async function seedDemo(
  db: Kysely<DB>,
  modules: readonly ModuleManifest[],
  log: (line: string) => void,
): Promise<SeedReport> {
  const started = Date.now();
  const existing = await db.selectFrom('org_unit').select('id').limit(1).executeTakeFirst();
  if (existing) {
    return { seeded: false, milliseconds: 0 };
  }
  await db.transaction().execute(async (tx) => {
    for (const module of modules) {
      await module.seedDemo?.({ db: tx, log });
    }
  });
  return { seeded: true, milliseconds: Date.now() - started };
}
