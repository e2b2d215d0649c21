/**
 * Test helpers (imported only by *.test.ts): temp files, hand-built ZIP
 * archives (to fake zip bombs and ZIP64 directories), GB18030 text.
 */
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { entryDataOffset, readAt, readZipDirectory } from '../../../../core/files/zip-directory';

export async function makeTempDir(): Promise<{ dir: string; file(name: string): string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'member-import-'));
  return { dir, file: (name) => join(dir, name), cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export type FixtureEntry = {
  name: string;
  data: Buffer;
  /** Uncompressed size written to the headers instead of the real one (a lying directory). */
  declaredSize?: number;
};

/** A ZIP archive, entries deflated; with `zip64`, the end record points through a ZIP64 locator. */
export function buildZip(entries: readonly FixtureEntry[], options: { zip64?: boolean } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const compressed = deflateRawSync(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const tail: Buffer[] = [];
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  if (options.zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(entries.length), 24);
    record.writeBigUInt64LE(BigInt(entries.length), 32);
    record.writeBigUInt64LE(BigInt(directory.length), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(record, locator);
    end.writeUInt16LE(0xffff, 8);
    end.writeUInt16LE(0xffff, 10);
    end.writeUInt32LE(0xffffffff, 12);
    end.writeUInt32LE(0xffffffff, 16);
  } else {
    end.writeUInt16LE(entries.length, 8);
    end.writeUInt16LE(entries.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(offset, 16);
  }
  return Buffer.concat([...locals, directory, ...tail, end]);
}

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

export { encodeGbk as encodeGb18030 } from '../../../../core/testing/encode-gbk';

export async function writeBytes(path: string, data: Buffer | string): Promise<string> {
  await writeFile(path, data);
  return path;
}
