import type { Kysely } from 'kysely';
import { recordAuditEvent } from '../../../../core/audit/record-audit-event';
import type { DB } from '../../../../core/db/schema';
import type { PlatformKeys } from '../../../../core/platform/platform-keys';
import { createImportJob } from './create-import-job';
import type { ImportSummary } from './import-summary';
import { type ImportProgress, runImportJob } from './run-import-job';

export type ImportMembersFile = {
  db: Kysely<DB>;
  keys: PlatformKeys;
  now: () => Date;
  filePath: string;
  orgUnit: { id: number; path: string };
  dryRun: boolean;
  actor: { accountId: number | null; login: string | null };
  onProgress?: (progress: ImportProgress) => void;
  batchSize?: number;
};

/**
 * Imports a member file for a union from start to end (the CLI's path; the
 * console runs the same job in the background): registers or resumes the job,
 * runs it, and records the outcome in the audit trail (counts only).
 */
export async function importMembersFile(request: ImportMembersFile): Promise<ImportSummary & { jobId: number; resumed: boolean }> {
  const { jobId, resumed } = await createImportJob(request.db, {
    filePath: request.filePath,
    orgUnit: request.orgUnit,
    accountId: request.actor.accountId,
    dryRun: request.dryRun,
  });
  const summary = await runImportJob(
    { db: request.db, keys: request.keys, now: request.now, ...(request.onProgress ? { onProgress: request.onProgress } : {}), ...(request.batchSize ? { batchSize: request.batchSize } : {}) },
    jobId,
    request.filePath,
  );
  await recordAuditEvent(request.db, {
    key: request.keys.auditKey,
    actor: { accountId: request.actor.accountId, login: request.actor.login, orgUnitId: request.orgUnit.id, orgPath: request.orgUnit.path },
    origin: { ip: null, userAgent: 'gonghui-cli', requestId: null },
    occurredAt: request.now(),
    event: {
      action: request.dryRun ? 'members.import.dry-run' : 'members.import',
      category: 'write',
      targetType: 'import_job',
      targetId: jobId,
      details: { total: summary.total, imported: summary.imported, updated: summary.updated, unchanged: summary.unchanged, rejected: summary.rejected, resumed },
    },
  });
  return { ...summary, jobId, resumed };
}
