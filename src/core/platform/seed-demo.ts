import type { Kysely } from 'kysely';
import { enterPlatformScope } from '../access/row-security';
import type { DB } from '../db/schema';
import type { ModuleManifest } from '../module';
import type { PlatformKeys } from './platform-keys';

export type SeedReport = { seeded: boolean; milliseconds: number };

/**
 * Seeds the demo province once: only into an empty platform (no org units),
 * in one transaction, so an interrupted seed leaves nothing behind and the next
 * start seeds again.
 */
export async function seedDemo(
  db: Kysely<DB>,
  modules: readonly ModuleManifest[],
  options: { keys: PlatformKeys; log: (line: string) => void },
): Promise<SeedReport> {
  const started = Date.now();
  const existing = await db.selectFrom('org_unit').select('id').limit(1).executeTakeFirst();
  if (existing) {
    return { seeded: false, milliseconds: 0 };
  }
  await db.transaction().execute(async (tx) => {
    await enterPlatformScope(tx);
    for (const module of modules) {
      await module.seedDemo?.({ db: tx, keys: options.keys, log: options.log });
    }
  });
  return { seeded: true, milliseconds: Date.now() - started };
}
