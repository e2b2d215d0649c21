import { parseArgs } from 'node:util';
import { createAdmin } from '../../core/auth/create-admin';
import type { Config } from '../../core/config/config';
import { openPlatformDatabase } from '../../core/platform/open-platform';
import { MODULES } from '../../server/modules';
import { type CommandResult, UsageError } from '../output';
import { readPassword } from '../read-password';

export const CREATE_ADMIN_USAGE =
  'gonghui create-admin --login LOGIN --name 姓名 [--org ORG_CODE] [--root-name 陕西省总工会] [--root-code SX610000] [--json]\n' +
  '  密码从标准输入读取（终端中为隐藏输入），或取自环境变量 GONGHUI_ADMIN_PASSWORD';

export async function createAdminCommand(config: Config, args: string[]): Promise<CommandResult> {
  const { values } = parseArgs({
    args,
    options: {
      login: { type: 'string' },
      name: { type: 'string' },
      org: { type: 'string' },
      'root-name': { type: 'string', default: '陕西省总工会' },
      'root-code': { type: 'string', default: 'SX610000' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.login || !values.name) {
    throw new UsageError(CREATE_ADMIN_USAGE);
  }
  const password = process.env.GONGHUI_ADMIN_PASSWORD ?? (await readPassword('新管理员密码：'));
  const { database } = await openPlatformDatabase(config, MODULES);
  try {
    const result = await createAdmin(database.kysely, {
      login: values.login,
      name: values.name,
      password,
      ...(values.org ? { orgCode: values.org } : {}),
      rootName: values['root-name'],
      rootCode: values['root-code'],
    });
    return {
      text: `${result.createdRoot ? `已创建根组织 ${result.org.name}（${result.org.code}）\n` : ''}已创建管理员 ${result.login}，所在组织 ${result.org.name}`,
      json: result,
    };
  } finally {
    await database.close();
  }
}
