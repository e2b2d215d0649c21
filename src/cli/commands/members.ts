import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../../core/config/config';
import { loadPlatformKeys } from '../../core/platform/load-platform-keys';
import { openPlatformDatabase } from '../../core/platform/open-platform';
import { importMembersFile, ImportFileRefused, rebuildStats, findStatDrift } from '../../modules/members';
import { MODULES } from '../../server/modules';
import { type CommandResult, UsageError } from '../output';

export const MEMBERS_USAGE = `gonghui members import 文件.xlsx|文件.csv --org 组织代码 [--dry-run] [--json]
  gonghui members stats rebuild [--json]`;

/**
 * `members import`: the same import the console runs, from a terminal. The
 * JSON summary is { total, imported, updated, unchanged, rejected, errors:
 * [{ row, column, code, message }] }; row 1 is the first row under the header.
 * Progress goes to stderr, so stdout stays clean JSON.
 */
export async function membersCommand(config: Config, args: string[], asJson: boolean): Promise<CommandResult & { failed?: boolean }> {
  const [sub, ...rest] = args;
  if (sub === 'stats' && rest[0] === 'rebuild') return rebuildCommand(config);
  if (sub !== 'import') throw new UsageError(`用法：\n  ${MEMBERS_USAGE}`);
  const { values, positionals } = parseArgs({
    args: rest,
    options: { org: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const file = positionals[0];
  if (!file || !values.org) throw new UsageError(`用法：${MEMBERS_USAGE.split('\n')[0]}\n（组织代码见 gonghui orgs list）`);
  const { database } = await openPlatformDatabase(config, MODULES);
  try {
    const db = database.kysely;
    const unit = await db.selectFrom('org_unit').select(['id', 'path', 'name']).where('code', '=', values.org.toUpperCase()).executeTakeFirst();
    if (!unit) throw new UsageError(`组织代码 ${values.org} 不存在（可用 gonghui orgs list 查询）`);
    const started = performance.now();
    const summary = await importMembersFile({
      db,
      keys: loadPlatformKeys(config),
      now: () => new Date(),
      filePath: resolve(file),
      orgUnit: unit,
      dryRun: values['dry-run'],
      actor: { accountId: null, login: 'cli' },
      onProgress: (progress) => {
        if (!asJson && process.stderr.isTTY) {
          process.stderr.write(`\r  已处理 ${progress.committedRows.toLocaleString('zh-CN')} 行，${progress.rowsPerSecond.toLocaleString('zh-CN')} 行/秒 `);
        }
      },
    });
    if (!asJson && process.stderr.isTTY) process.stderr.write('\n');
    const seconds = (performance.now() - started) / 1000;
    const { jobId, resumed, ...json } = summary;
    const lines = [
      `${values['dry-run'] ? '试导入（未写入）' : '导入完成'}：${unit.name}，共 ${summary.total} 行，用时 ${seconds.toFixed(1)} 秒${resumed ? '（续接上次中断的导入）' : ''}`,
      `  新增 ${summary.imported}，更新 ${summary.updated}，未变化 ${summary.unchanged}，拒绝 ${summary.rejected}（任务 ${jobId}）`,
      ...summary.errors.slice(0, 20).map((error) => `  第 ${error.row} 行 ${error.column}：${error.message}`),
      ...(summary.errors.length > 20 ? [`  ……另有 ${summary.errors.length - 20} 条错误，用 --json 查看全部`] : []),
    ];
    return { text: lines.join('\n'), json };
  } catch (error) {
    if (error instanceof ImportFileRefused) {
      return { text: `文件不能导入：${error.message}`, json: { error: { code: 'FILE_REFUSED', message: error.message } }, failed: true };
    }
    throw error;
  } finally {
    await database.close();
  }
}

async function rebuildCommand(config: Config): Promise<CommandResult> {
  const { database } = await openPlatformDatabase(config, MODULES);
  try {
    const drift = await findStatDrift(database.kysely, 20);
    const { rows } = await database.kysely.transaction().execute((tx) => rebuildStats(tx));
    return {
      text: `会员统计已重算：${rows} 个计数${drift.length > 0 ? `；重算前有 ${drift.length} 处不一致（已纠正）` : '，与维护值一致'}`,
      json: { rows, driftBefore: drift },
    };
  } finally {
    await database.close();
  }
}
