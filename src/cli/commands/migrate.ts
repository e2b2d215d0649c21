import type { Config } from '../../core/config/config';
import { openPlatformDatabase } from '../../core/platform/open-platform';
import { MODULES } from '../../server/modules';
import type { CommandResult } from '../output';

export async function migrateCommand(config: Config): Promise<CommandResult> {
  const { database, migrations } = await openPlatformDatabase(config, MODULES);
  await database.close();
  return {
    text: `迁移完成：新应用 ${migrations.applied.length} 个，当前版本 ${migrations.version ?? '无'}`,
    json: { engine: database.engine, applied: migrations.applied, version: migrations.version },
  };
}
