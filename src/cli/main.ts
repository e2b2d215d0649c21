import { ConfigError, loadConfig } from '../core/config/config';
import { assistanceCommand } from './commands/assistance';
import { auditCommand } from './commands/audit';
import { createAdminCommand } from './commands/create-admin';
import { keysCommand } from './commands/keys';
import { membersCommand } from './commands/members';
import { migrateCommand } from './commands/migrate';
import { orgsCommand } from './commands/orgs';
import { plansCommand } from './commands/plans';
import { seedDemoCommand } from './commands/seed-demo';
import { type CommandResult, printFailure, printResult, UsageError } from './output';

const USAGE = `用法 / usage: npx gonghui <命令> [--json]

  migrate        应用数据库迁移 / apply migrations
  seed-demo      向空平台写入演示省份 / seed the demo province into an empty platform
  create-admin   创建管理员账号 / create an administrator (see: gonghui create-admin --help)
  audit verify   校验审计链（HMAC-SM3）/ verify the audit chain
  audit prune    清理超过保留期（至少 180 天）的审计记录 / retention job
  keys rotate    轮换字段加密密钥 / rotate the field-encryption key
  members import 导入会员名册（Excel/CSV）：members import 文件 --org 组织代码 [--dry-run]
  members stats rebuild  重算会员统计并报告偏差 / recompute member statistics
  orgs list      列出组织：代码、类型、名称、上级代码、状态 / list org units
                 [--type 类型代码] [--under 组织代码]（该组织及其下级）
  plans parse    解析工作部署文件（.txt/.docx/.pdf）为措施与量化指标 / parse a work plan
                 plans parse 文件 [--json]（不需要数据库 / needs no database）
  assistance classify 文件.json  困难职工家庭分类测算（规则同自测页面）/ classify a household (JSON)

数据库由 DATA_DIR（嵌入式）或 DATABASE_URL（PostgreSQL）指定，与 npm start 相同。`;

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const asJson = rest.includes('--json');
  if (!command || command === '--help' || command === 'help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  try {
    // Parsing a document touches no database and needs no configuration.
    if (command === 'plans') {
      printResult(await plansCommand(rest), asJson);
      return 0;
    }
    const config = loadConfig();
    const commands: Record<string, () => Promise<CommandResult & { failed?: boolean }>> = {
      migrate: () => migrateCommand(config),
      'seed-demo': () => seedDemoCommand(config, asJson),
      'create-admin': () => createAdminCommand(config, rest),
      audit: () => auditCommand(config, rest),
      keys: () => keysCommand(config, rest),
      members: () => membersCommand(config, rest, asJson),
      orgs: () => orgsCommand(config, rest),
      assistance: () => assistanceCommand(config, rest),
    };
    const handler = commands[command];
    if (!handler) {
      throw new UsageError(`未知命令：${command}\n\n${USAGE}`);
    }
    const result = await handler();
    printResult(result, asJson);
    // A command can succeed in running yet report a failure (a broken audit chain).
    return result.failed ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      console.error(error.message);
      return 2;
    }
    printFailure(error, asJson);
    return 1;
  }
}

process.exitCode = await run(process.argv.slice(2));
