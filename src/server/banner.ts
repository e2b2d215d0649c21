import type { Config } from '../core/config/config';
import type { Database } from '../core/db/database';
import type { MigrationReport } from '../core/db/migrations';
import type { SeedReport } from '../core/platform/seed-demo';
import { DEMO_PASSWORD } from '../modules/orgs';

/** What a person starting the platform needs to know: where it is and how to sign in. */
export async function printBanner(options: {
  config: Config;
  database: Database;
  migrations: MigrationReport;
  seed: SeedReport;
  startupMs: number;
}): Promise<void> {
  const { config, database, migrations, seed, startupMs } = options;
  const host = config.HOST === '0.0.0.0' || config.HOST === '127.0.0.1' ? 'localhost' : config.HOST;
  const where = database.engine === 'pglite' ? `嵌入式 PGlite，数据目录 ${config.dataDir}` : 'PostgreSQL（DATABASE_URL）';
  const accounts = await database.kysely
    .selectFrom('account')
    .innerJoin('role_assignment', 'role_assignment.account_id', 'account.id')
    .innerJoin('org_unit', 'org_unit.id', 'role_assignment.org_unit_id')
    .select(['account.login', 'account.name', 'org_unit.name as org'])
    .distinctOn('account.login')
    .orderBy('account.login')
    .execute();
  const lines = [
    '',
    '  工会工作平台 已启动 / Gonghui is up',
    `  控制台 / console:  http://${host}:${config.PORT}/`,
    `  接口文档 / API:     http://${host}:${config.PORT}/api/docs`,
    `  数据库 / database:  ${where}`,
    `  迁移 / migrations:  ${migrations.applied.length} 个新应用，当前版本 ${migrations.version ?? '无'}`,
    seed.seeded ? `  演示数据 / demo:    已写入（${(seed.milliseconds / 1000).toFixed(1)} 秒）` : '',
    `  启动用时 / startup: ${(startupMs / 1000).toFixed(1)} 秒`,
  ].filter(Boolean);
  if (config.GONGHUI_DEMO && accounts.length > 0) {
    lines.push('', `  演示账号（密码均为 ${DEMO_PASSWORD}）/ demo accounts:`);
    for (const account of accounts) {
      lines.push(`    ${account.login.padEnd(10)} ${account.name}（${account.org}）`);
    }
  } else if (accounts.length === 0) {
    lines.push('', '  尚无账号：请运行 npx gonghui create-admin 创建第一个管理员');
  }
  lines.push('', '  按 Ctrl-C 停止 / press Ctrl-C to stop', '');
  console.log(lines.join('\n'));
}
