import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { assertNoPersonalData } from '../audit/personal-data-guard';
import { AppError } from '../http/errors';
import { attachmentDisposition } from './content-disposition';
import { writeXlsxExport, type XlsxExportOptions, type XlsxExportResult } from './xlsx-export';

/** The response schema of a route that answers with an .xlsx file. */
export const ZXlsxFile = z.custom<Uint8Array>((value) => value instanceof Uint8Array, { message: 'xlsx 文件' });

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Builds an export in memory. Routes of the `export` category run in a
 * transaction that commits only once the export is audited (with this file's
 * hash), so the bytes are sent after the commit: nobody receives a file whose
 * export is not in the audit trail. Exports are capped in rows for that reason.
 */
export async function buildXlsx(options: Omit<XlsxExportOptions, 'output'>): Promise<XlsxExportResult & { buffer: Buffer }> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const result = await writeXlsxExport({ ...options, output: sink });
  return { ...result, buffer: Buffer.concat(chunks) };
}

/** Sets the download headers (RFC 5987 file name, row count, hash) and returns the bytes to send. */
export function sendXlsx(
  reply: FastifyReply,
  file: XlsxExportResult & { buffer: Buffer },
  names: { fileName: string; asciiFileName: string; truncated: boolean },
): Buffer {
  reply
    .type(XLSX_TYPE)
    .header('Content-Disposition', attachmentDisposition(names.fileName, names.asciiFileName))
    .header('X-Export-Rows', String(file.rowCount))
    .header('X-Export-Truncated', names.truncated ? '1' : '0')
    .header('X-Content-SHA256', file.sha256);
  return file.buffer;
}

/** Refuses a purpose that carries an ID or mobile number: it goes into the file and the audit trail. */
export function checkExportPurpose(purpose: string): void {
  try {
    assertNoPersonalData(purpose);
  } catch {
    throw new AppError('VALIDATION_FAILED', '导出用途中请勿填写身份证号或手机号', { field: 'purpose' });
  }
}
