import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../../../../core/db/schema';
import { inspectTableFile } from '../import/read-table-file';

export type NewImportJob = {
  filePath: string;
  /** The name the user knows the file by (an upload's original name). */
  fileName?: string;
  orgUnit: { id: number; path: string };
  accountId: number | null;
  dryRun: boolean;
};

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Registers an import of a file for a union. The file is inspected first
 * (type by content, size, zip bombs: TableFileError before any row is read).
 * The same file imported again for the same union after an interrupted run
 * resumes that run rather than starting over.
 */
export async function createImportJob(db: Kysely<DB>, request: NewImportJob): Promise<{ jobId: number; resumed: boolean }> {
  const info = await inspectTableFile(request.filePath);
  const sha256 = await sha256Of(request.filePath);
  if (!request.dryRun) {
    const unfinished = await db
      .selectFrom('members_import_job')
      .select('id')
      .where('file_sha256', '=', sha256)
      .where('org_unit_id', '=', request.orgUnit.id)
      .where('dry_run', '=', false)
      .where('status', 'in', ['queued', 'running', 'failed'])
      .orderBy('id', 'desc')
      .executeTakeFirst();
    if (unfinished) return { jobId: unfinished.id, resumed: true };
  }
  const job = await db
    .insertInto('members_import_job')
    .values({
      org_unit_id: request.orgUnit.id,
      org_path: request.orgUnit.path,
      account_id: request.accountId,
      file_name: (request.fileName ?? basename(request.filePath)).slice(0, 255),
      file_sha256: sha256,
      file_size: info.bytes,
      file_kind: info.kind,
      dry_run: request.dryRun,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { jobId: job.id, resumed: false };
}
