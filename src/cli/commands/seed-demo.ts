import type { Config } from '../../core/config/config';
import { loadPlatformKeys } from '../../core/platform/load-platform-keys';
import { openPlatformDatabase } from '../../core/platform/open-platform';
import { seedDemo } from '../../core/platform/seed-demo';
import { MODULES } from '../../server/modules';
import type { CommandResult } from '../output';

export async function seedDemoCommand(config: Config, asJson: boolean): Promise<CommandResult> {
  const { database } = await openPlatformDatabase(config, MODULES);
  try {
    const report = await seedDemo(database.kysely, MODULES, {
      keys: loadPlatformKeys(config),
      log: (line) => {
        if (!asJson) console.log(`  ${line}`);
      },
    });
    return {
      text: report.seeded
        ? `演示数据已写入，用时 ${(report.milliseconds / 1000).toFixed(1)} 秒`
        : '数据库中已有组织数据，未写入演示数据',
      json: report,
    };
  } finally {
    await database.close();
  }
}
