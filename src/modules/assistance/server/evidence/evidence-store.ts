import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { type FileSignature, fileSignature, SIGNATURE_BYTES } from '../../../../core/files/file-signature';
import { writeUploadToFile } from '../../../../core/files/upload-file';

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

const CONTENT_TYPES: Partial<Record<FileSignature, EvidenceType>> = { pdf: 'application/pdf', jpg: 'image/jpeg', png: 'image/png' };

/** The file's type from its first bytes, or null for anything else (an .exe renamed .pdf stays an .exe). */
export const sniffEvidenceType = (head: Uint8Array): EvidenceType | null => {
  const signature = fileSignature(head);
  return signature === null ? null : (CONTENT_TYPES[signature] ?? null);
};

export type SavedUpload = { path: string; bytes: number; sha256: string; type: EvidenceType | null };

/** Streams an upload to a temporary file under the folder, hashing it; past the cap it throws UploadTooLarge (core/files). */
export async function saveUpload(dataDir: string, body: Readable): Promise<SavedUpload> {
  const folder = evidenceFolder(dataDir);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const path = join(folder, `upload-${randomUUID()}`);
  const { bytes, sha256 } = await writeUploadToFile(body, path, EVIDENCE_MAX_BYTES);
  const handle = await open(path, 'r');
  const head = Buffer.alloc(SIGNATURE_BYTES);
  try {
    await handle.read(head, 0, SIGNATURE_BYTES, 0);
  } finally {
    await handle.close();
  }
  return { path, bytes, sha256, type: sniffEvidenceType(head) };
}

export const keepUpload = (dataDir: string, upload: SavedUpload, fileId: number) => rename(upload.path, evidencePath(dataDir, fileId));
export const discardUpload = (upload: SavedUpload) => rm(upload.path, { force: true });
