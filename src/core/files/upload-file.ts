import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** An upload went past its cap; the module says so in its own words. */
export class UploadTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`upload over ${maxBytes} bytes`);
  }
}

/** A request body that can be streamed (the raw-bytes upload routes' body), or nothing usable. */
export const isUploadBody = (body: unknown): body is Readable => !!body && typeof (body as Readable).pipe === 'function';

/**
 * Streams a raw upload (application/octet-stream) to `path`, readable by the
 * server's user only, counting and hashing it on the way and refusing it past
 * `maxBytes` before it costs more (UploadTooLarge). On any failure the
 * partial file is removed. The caller judges the content and renames the file
 * into place or removes it.
 */
export async function writeUploadToFile(body: Readable, path: string, maxBytes: number): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      hash.update(chunk);
      callback(bytes > maxBytes ? new UploadTooLarge(maxBytes) : null, chunk);
    },
  });
  try {
    await pipeline(body, meter, createWriteStream(path, { mode: 0o600 }));
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
  return { bytes, sha256: hash.digest('hex') };
}

/**
 * The file name from the X-File-Name header (URI-encoded by the console):
 * path separators replaced, trimmed, at most 255 characters; `fallback` when
 * missing or malformed. The name is only shown, never used as a path.
 */
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
