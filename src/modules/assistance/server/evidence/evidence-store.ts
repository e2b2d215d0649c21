import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * 佐证材料 on disk: DATA_DIR/assistance/files/<file id>, readable only by the
 * server's user (0600), named by their database row; the uploaded name is
 * kept in the row only. PDF, JPEG and PNG, judged by the first bytes, never
 * by the name; at most EVIDENCE_MAX_BYTES.
 */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

export const evidenceFolder = (dataDir: string) => join(dataDir, 'assistance', 'files');
export const evidencePath = (dataDir: string, fileId: number) => join(evidenceFolder(dataDir), String(fileId));

export type EvidenceType = 'application/pdf' | 'image/jpeg' | 'image/png';

const SIGNATURES: readonly { type: EvidenceType; bytes: readonly number[] }[] = [
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The file's type from its first bytes, or null for anything else (an .exe renamed .pdf stays an .exe). */
export function sniffEvidenceType(head: Uint8Array): EvidenceType | null {
  return SIGNATURES.find((signature) => signature.bytes.every((byte, index) => head[index] === byte))?.type ?? null;
}

export class EvidenceTooLarge extends Error {}

export type SavedUpload = { path: string; bytes: number; sha256: string; type: EvidenceType | null };

/** Streams an upload to a temporary file under the folder, hashing it and refusing it past the cap before it costs more. */
export async function saveUpload(dataDir: string, body: Readable): Promise<SavedUpload> {
  const folder = evidenceFolder(dataDir);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const path = join(folder, `upload-${randomUUID()}`);
  const hash = createHash('sha256');
  let bytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      hash.update(chunk);
      callback(bytes > EVIDENCE_MAX_BYTES ? new EvidenceTooLarge() : null, chunk);
    },
  });
  try {
    await pipeline(body, meter, createWriteStream(path, { mode: 0o600 }));
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
  const handle = await open(path, 'r');
  const head = Buffer.alloc(8);
  try {
    await handle.read(head, 0, 8, 0);
  } finally {
    await handle.close();
  }
  return { path, bytes, sha256: hash.digest('hex'), type: sniffEvidenceType(head) };
}

export const keepUpload = (dataDir: string, upload: SavedUpload, fileId: number) => rename(upload.path, evidencePath(dataDir, fileId));
export const discardUpload = (upload: SavedUpload) => rm(upload.path, { force: true });
