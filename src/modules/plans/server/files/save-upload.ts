import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../../../core/http/errors';

class TooLarge extends Error {}

export type SavedUpload = { path: string; bytes: number; remove: () => Promise<void> };

const formatMb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * Writes a raw upload (application/octet-stream) to a fresh file under
 * `folder` (readable by the server's user only), refusing it past `maxBytes`
 * before it costs more and refusing an empty one. The caller removes the file
 * or renames it into place.
 */
export async function saveUpload(body: unknown, folder: string, maxBytes: number, emptyMessage: string): Promise<SavedUpload> {
  if (!body || typeof (body as Readable).pipe !== 'function') {
    throw new AppError('BAD_REQUEST', '请以文件原始字节上传（Content-Type: application/octet-stream，文件名放在 X-File-Name 头）', { field: 'file' });
  }
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const path = join(folder, `upload-${randomUUID()}`);
  const remove = () => rm(path, { force: true });
  let bytes = 0;
  const cap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      callback(bytes > maxBytes ? new TooLarge() : null, chunk);
    },
  });
  try {
    await pipeline(body as Readable, cap, createWriteStream(path, { mode: 0o600 }));
  } catch (error) {
    await remove();
    if (error instanceof TooLarge) throw new AppError('PAYLOAD_TOO_LARGE', `文件超过 ${formatMb(maxBytes)}，请压缩或拆分后再上传`, { field: 'file' });
    throw error;
  }
  if (bytes === 0) {
    await remove();
    throw new AppError('VALIDATION_FAILED', emptyMessage, { field: 'file' });
  }
  return { path, bytes, remove };
}

/** The file name from the X-File-Name header (URI-encoded by the console), at most 255 characters. */
export function uploadFileName(header: string | string[] | undefined, fallback: string): string {
  const raw = Array.isArray(header) ? header[0] : header;
  if (!raw) return fallback;
  try {
    const name = decodeURIComponent(raw).replace(/[\\/]/g, '_').trim();
    return (name || fallback).slice(0, 255);
  } catch {
    return fallback;
  }
}
