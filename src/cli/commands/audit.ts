import { parseArgs } from 'node:util';
import { pruneAuditEvents } from '../../core/audit/prune-audit-events';
import { verifyAuditChain } from '../../core/audit/verify-audit-chain';
import type { Config } from '../../core/config/config';
import { loadPlatformKeys } from '../../core/platform/load-platform-keys';
import { openPlatformDatabase } from '../../core/platform/open-platform';
import { MODULES } from '../../server/modules';
import { type CommandResult, UsageError } from '../output';

export const AUDIT_USAGE = 'gonghui audit verify [--json] | gonghui audit prune [--days 180] [--json]';

/** `audit verify` walks the HMAC-SM3 chain; `audit prune` is the retention job. */
export async function auditCommand(config: Config, args: string[]): Promise<CommandResult & { failed?: boolean }> {
  const [action, ...rest] = args;
  const { values } = parseArgs({ args: rest, options: { json: { type: 'boolean' }, days: { type: 'string', default: '180' } } });
  if (action !== 'verify' && action !== 'prune') {
    throw new UsageError(AUDIT_USAGE);
  }
  const keys = loadPlatformKeys(config);
  const { database } = await openPlatformDatabase(config, MODULES);
  try {
    if (action === 'verify') {
      const report = await verifyAuditChain(database.kysely, keys.auditKey);
      const text = report.firstBreak
        ? `审计链已被破坏：共 ${report.events} 条，${report.broken} 条校验失败，首个断点在第 ${report.firstBreak.seq} 条（${report.firstBreak.reason === 'content' ? '内容被改' : '前一条缺失或被改'}）`
        : `审计链完整：共 ${report.events} 条，全部校验通过`;
      return { text, json: report, failed: report.broken > 0 };
    }
    const days = Number(values.days);
    if (!Number.isInteger(days) || days < 1) {
      throw new UsageError(`--days 应为正整数\n${AUDIT_USAGE}`);
    }
    const result = await pruneAuditEvents(database.kysely, { now: new Date(), retentionDays: days });
    return { text: `已清理 ${result.removed} 条超过 ${result.retentionDays} 天的审计记录`, json: result };
  } finally {
    await database.close();
  }
}
