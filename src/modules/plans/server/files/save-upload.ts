import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isUploadBody, UploadTooLarge, writeUploadToFile } from '../../../../core/files/upload-file';
import { AppError } from '../../../../core/http/errors';

export { uploadFileName } from '../../../../core/files/upload-file';

export type SavedUpload = { path: string; bytes: number; remove: () => Promise<void> };

const formatMb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * Writes a raw upload (application/octet-stream) to a fresh file under
 * `folder` (readable by the server's user only), refusing it past `maxBytes`
 * before it costs more and refusing an empty one. The caller removes the file
 * or renames it into place.
 */
export async function saveUpload(body: unknown, folder: string, maxBytes: number, emptyMessage: string): Promise<SavedUpload> {
  if (!isUploadBody(body)) {
    throw new AppError('BAD_REQUEST', '请以文件原始字节上传（Content-Type: application/octet-stream，文件名放在 X-File-Name 头）', { field: 'file' });
  }
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const path = join(folder, `upload-${randomUUID()}`);
  const remove = () => rm(path, { force: true });
  let bytes: number;
  try {
    ({ bytes } = await writeUploadToFile(body, path, maxBytes));
  } catch (error) {
    if (error instanceof UploadTooLarge) throw new AppError('PAYLOAD_TOO_LARGE', `文件超过 ${formatMb(maxBytes)}，请压缩或拆分后再上传`, { field: 'file' });
    throw error;
  }
  if (bytes === 0) {
    await remove();
    throw new AppError('VALIDATION_FAILED', emptyMessage, { field: 'file' });
  }
  return { path, bytes, remove };
}
