import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { AppError } from '../../../../core/http/errors';
import { fileSignature, SIGNATURE_BYTES } from '../../../../core/files/file-signature';
import { readZipDirectory, ZipFormatError } from '../../../../core/files/zip-directory';
import type { TEvidenceKind } from '../../contract';

/**
 * The kind of an evidence file, from its first bytes — never its name:
 * PDF (ISO 32000 "%PDF-"), JPEG (SOI FF D8 FF), PNG (its 8-byte signature),
 * and the Office Open XML packages told apart by their main part
 * (word/document.xml: .docx; xl/workbook.xml: .xlsx; ECMA-376 Part 2). The
 * package is not inflated here: it is stored and handed back as it came.
 */

export const EVIDENCE_TYPES_HINT = '佐证材料只接受 PDF、JPG/PNG 图片、Word（.docx）或 Excel（.xlsx）文件';

const refuse = (message: string) => new AppError('VALIDATION_FAILED', message, { field: 'file' });

export const EVIDENCE_CONTENT_TYPES: Readonly<Record<TEvidenceKind, string>> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export async function sniffEvidence(path: string, size: number): Promise<TEvidenceKind> {
  const handle: FileHandle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(SIGNATURE_BYTES), 0, SIGNATURE_BYTES, 0);
    const signature = fileSignature(buffer.subarray(0, bytesRead));
    if (signature === 'pdf' || signature === 'jpg' || signature === 'png') return signature;
    if (signature === 'ole2') throw refuse(`这是旧版 Office（.doc/.xls）或加密的文件：请另存为 .docx 或 .xlsx 后上传。${EVIDENCE_TYPES_HINT}`);
    if (signature === 'zip') {
      let names: string[];
      try {
        names = (await readZipDirectory(handle, size)).entries.map((entry) => entry.name);
      } catch (error) {
        if (error instanceof ZipFormatError) throw refuse(`文件已损坏，无法识别（${error.detail}）。${EVIDENCE_TYPES_HINT}`);
        throw error;
      }
      if (names.includes('word/document.xml')) return 'docx';
      if (names.includes('xl/workbook.xml')) return 'xlsx';
    }
    throw refuse(`不支持的文件类型。${EVIDENCE_TYPES_HINT}`);
  } finally {
    await handle.close();
  }
}
