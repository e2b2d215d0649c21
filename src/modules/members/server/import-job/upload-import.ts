import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { z } from 'zod';
import { AppError } from '../../../../core/http/errors';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import { orgPathInScope } from '../../../../core/access/scope';
import { IMPORT_MAX_BYTES, type ZImportUploadQuery } from '../../contract';
import { TableFileError } from '../import/read-table-file';
import { createImportJob } from './create-import-job';
import { importFilePath, importFolder } from './import-files';
import type { ImportQueue } from './import-queue';

class TooLarge extends Error {}

/** Writes the request body to disk, refusing it past the cap before it costs more. */
async function saveUpload(body: Readable, path: string): Promise<number> {
  let bytes = 0;
  const cap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      callback(bytes > IMPORT_MAX_BYTES ? new TooLarge() : null, chunk);
    },
  });
  await pipeline(body, cap, createWriteStream(path, { mode: 0o600 }));
  return bytes;
}

/**
 * 上传导入文件: saves the upload, inspects it (type by content, size, zip
 * bombs), registers the job and hands it to the background queue. The
 * answer comes at once; the page follows the job's progress.
 */
export async function uploadImport(
  ctx: RequestContext,
  query: z.output<typeof ZImportUploadQuery>,
  body: unknown,
  fileNameHeader: string | undefined,
): Promise<{ jobId: number; resumed: boolean }> {
  const user = requireUser(ctx);
  const path = await orgPathInScope(ctx, query.orgUnitId);
  if (!body || typeof (body as Readable).pipe !== 'function') {
    throw new AppError('BAD_REQUEST', '请选择要导入的 Excel（.xlsx）或 CSV 文件');
  }
  const dataDir = ctx.config.dataDir;
  const upload = join(importFolder(dataDir), `upload-${randomUUID()}`);
  let fileName = 'upload';
  try {
    fileName = decodeURIComponent(fileNameHeader ?? 'upload').slice(0, 255);
  } catch {
    // A malformed name header keeps the default name.
  }
  try {
    const bytes = await saveUpload(body as Readable, upload);
    if (bytes === 0) throw new AppError('BAD_REQUEST', '文件是空的，请检查后重新选择');
    const { jobId, resumed } = await createImportJob(ctx.db, {
      filePath: upload,
      fileName,
      orgUnit: { id: query.orgUnitId, path },
      accountId: user.account.id,
      dryRun: query.dryRun,
    });
    const job = await ctx.db.selectFrom('members_import_job').select('file_kind').where('id', '=', jobId).executeTakeFirstOrThrow();
    await rename(upload, importFilePath(dataDir, jobId, job.file_kind));
    await ctx.audit({
      action: query.dryRun ? 'members.import.dry-run' : 'members.import',
      category: 'write',
      targetType: 'import_job',
      targetId: jobId,
      details: { orgUnitId: query.orgUnitId, bytes, resumed },
    });
    (ctx.platform.services.members as ImportQueue).enqueue(jobId);
    return { jobId, resumed };
  } catch (error) {
    await rm(upload, { force: true });
    if (error instanceof TooLarge) throw new AppError('PAYLOAD_TOO_LARGE', `文件超过 ${IMPORT_MAX_BYTES / 1024 / 1024} MB，请拆分后分批导入`);
    if (error instanceof TableFileError) throw new AppError('VALIDATION_FAILED', error.message, { field: 'file' });
    throw error;
  }
}
