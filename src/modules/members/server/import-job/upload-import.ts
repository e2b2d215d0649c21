import { randomUUID } from 'node:crypto';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { isUploadBody, UploadTooLarge, uploadFileName, writeUploadToFile } from '../../../../core/files/upload-file';
import { AppError } from '../../../../core/http/errors';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import { orgPathInScope } from '../../../../core/access/scope';
import { IMPORT_MAX_BYTES, type ZImportUploadQuery } from '../../contract';
import { TableFileError } from '../import/read-table-file';
import { createImportJob } from './create-import-job';
import { importFilePath, importFolder } from './import-files';
import type { ImportQueue } from './import-queue';

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
  if (!isUploadBody(body)) {
    throw new AppError('BAD_REQUEST', '请选择要导入的 Excel（.xlsx）或 CSV 文件');
  }
  const dataDir = ctx.config.dataDir;
  const upload = join(importFolder(dataDir), `upload-${randomUUID()}`);
  const fileName = uploadFileName(fileNameHeader, 'upload');
  try {
    const { bytes } = await writeUploadToFile(body, upload, IMPORT_MAX_BYTES);
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
    if (error instanceof UploadTooLarge) throw new AppError('PAYLOAD_TOO_LARGE', `文件超过 ${IMPORT_MAX_BYTES / 1024 / 1024} MB，请拆分后分批导入`);
    if (error instanceof TableFileError) throw new AppError('VALIDATION_FAILED', error.message, { field: 'file' });
    throw error;
  }
}
