/**
 * Test helpers (imported only by *.test.ts): temp files, hand-built ZIP
 * archives (to fake zip bombs and ZIP64 directories), GB18030 text.
 */
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { entryDataOffset, readAt, readZipDirectory } from '../../../../core/files/zip-directory';
import type { ZipInput } from '../../../../core/testing/zip-writer';

export async function makeTempDir(): Promise<{ dir: string; file(name: string): string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'member-import-'));
  return { dir, file: (name) => join(dir, name), cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export { encodeGbk as encodeGb18030 } from '../../../../core/testing/encode-gbk';
export { buildZip } from '../../../../core/testing/zip-writer';

export type FixtureEntry = ZipInput;

/** The parts of an .xlsx (or any ZIP) file, inflated. */
export async function unzipFile(path: string): Promise<FixtureEntry[]> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const { entries, centralDirectoryOffset } = await readZipDirectory(handle, size);
    const result: FixtureEntry[] = [];
    for (const entry of entries) {
      const start = await entryDataOffset(handle, entry, centralDirectoryOffset);
      const raw = await readAt(handle, start, entry.compressedSize);
      result.push({ name: entry.name, data: entry.method === 8 ? inflateRawSync(raw) : raw });
    }
    return result;
  } finally {
    await handle.close();
  }
}

/** Writes a one-sheet workbook (rows as given to exceljs) and returns its path. */
export async function writeWorkbook(
  path: string,
  rows: unknown[][],
  build?: (workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet) => void,
): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('会员');
  for (const row of rows) sheet.addRow(row);
  build?.(workbook, sheet);
  await workbook.xlsx.writeFile(path);
  return path;
}

export async function writeBytes(path: string, data: Buffer | string): Promise<string> {
  await writeFile(path, data);
  return path;
}
