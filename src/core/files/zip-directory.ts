/**
 * Reads a ZIP file's central directory (APPNOTE.TXT §4.3.12–4.3.16) without
 * decompressing anything, so an uploaded .xlsx or .docx can be judged before
 * any parser touches it: declared sizes, compression ratios, which parts it
 * holds. Failures are `ZipFormatError`s carrying a Chinese detail; each
 * caller words the refusal for its own file type ("不是有效的 .xlsx 文件（…）").
 */
import type { FileHandle } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';

/** The archive is not a readable ZIP; `detail` is Chinese, e.g. “文件被截断”. */
export class ZipFormatError extends Error {
  override readonly name = 'ZipFormatError';

  constructor(readonly detail: string) {
    super(detail);
  }
}

export type ZipEntry = {
  name: string;
  flags: number;
  /** 0 stored, 8 deflate; anything else is not read. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
};

export type ZipDirectory = { entries: ZipEntry[]; centralDirectoryOffset: number };

const EOCD_SIGNATURE = 0x06054b50;
const EOCD_LENGTH = 22;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_LOCATOR_LENGTH = 20;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const CENTRAL_HEADER_LENGTH = 46;
const LOCAL_HEADER_SIGNATURE = 0x04034b50;
export const LOCAL_HEADER_LENGTH = 30;
const ZIP64_EXTRA_ID = 0x0001;
const MAX_COMMENT = 0xffff;
// An .xlsx or .docx has a few dozen parts; thousands of entries or megabytes of directory are not an office file.
const MAX_ENTRIES = 10_000;
const MAX_DIRECTORY_BYTES = 16 * 1024 * 1024;

const invalid = (detail: string) => new ZipFormatError(detail);

/** Exactly `length` bytes at `position`; a short file is a truncated archive. */
export async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let read = 0;
  while (read < length) {
    const { bytesRead } = await handle.read(buffer, read, length - read, position + read);
    if (bytesRead === 0) throw invalid('文件被截断');
    read += bytesRead;
  }
  return buffer;
}

function uint64(buffer: Buffer, offset: number): number {
  const value = buffer.readBigUInt64LE(offset);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw invalid('ZIP64 大小超出范围');
  return Number(value);
}

type EndRecord = { entryCount: number; directorySize: number; directoryOffset: number };

/** The End Of Central Directory record, searched backwards past a possible archive comment. */
async function readEndRecord(handle: FileHandle, fileSize: number): Promise<{ end: EndRecord; position: number }> {
  const tailLength = Math.min(fileSize, EOCD_LENGTH + MAX_COMMENT);
  const tailStart = fileSize - tailLength;
  const tail = await readAt(handle, tailStart, tailLength);
  for (let i = tailLength - EOCD_LENGTH; i >= 0; i--) {
    if (tail.readUInt32LE(i) !== EOCD_SIGNATURE) continue;
    const disk = tail.readUInt16LE(i + 4);
    const directoryDisk = tail.readUInt16LE(i + 6);
    const end = {
      entryCount: tail.readUInt16LE(i + 10),
      directorySize: tail.readUInt32LE(i + 12),
      directoryOffset: tail.readUInt32LE(i + 16),
    };
    const zip64 = end.entryCount === 0xffff || end.directorySize === 0xffffffff || end.directoryOffset === 0xffffffff;
    if (!zip64 && (disk !== 0 || directoryDisk !== 0)) throw invalid('分卷压缩文件');
    return { end: zip64 ? await readZip64End(handle, tailStart + i) : end, position: tailStart + i };
  }
  throw invalid('找不到 ZIP 目录');
}

/** ZIP64 (APPNOTE §4.3.14–4.3.15): the locator just before the EOCD points at the 64-bit record. */
async function readZip64End(handle: FileHandle, eocdPosition: number): Promise<EndRecord> {
  if (eocdPosition < ZIP64_LOCATOR_LENGTH) throw invalid('ZIP64 目录缺失');
  const locator = await readAt(handle, eocdPosition - ZIP64_LOCATOR_LENGTH, ZIP64_LOCATOR_LENGTH);
  if (locator.readUInt32LE(0) !== ZIP64_LOCATOR_SIGNATURE) throw invalid('ZIP64 目录缺失');
  if (locator.readUInt32LE(16) !== 1) throw invalid('分卷压缩文件');
  const recordOffset = uint64(locator, 8);
  if (recordOffset + 56 > eocdPosition) throw invalid('ZIP64 目录位置错误');
  const record = await readAt(handle, recordOffset, 56);
  if (record.readUInt32LE(0) !== ZIP64_EOCD_SIGNATURE) throw invalid('ZIP64 目录损坏');
  return { entryCount: uint64(record, 32), directorySize: uint64(record, 40), directoryOffset: uint64(record, 48) };
}

/** Sizes and offset that do not fit 32 bits sit in the ZIP64 extra field, in this order, only when 0xFFFFFFFF. */
function applyZip64Extra(entry: ZipEntry, extra: Buffer): void {
  let offset = 0;
  while (offset + 4 <= extra.length) {
    const id = extra.readUInt16LE(offset);
    const size = extra.readUInt16LE(offset + 2);
    const body = offset + 4;
    if (id === ZIP64_EXTRA_ID) {
      let at = body;
      const take = () => {
        if (at + 8 > body + size) throw invalid('ZIP64 扩展字段不完整');
        const value = uint64(extra, at);
        at += 8;
        return value;
      };
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = take();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = take();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = take();
      return;
    }
    offset = body + size;
  }
}

/** Every entry of the central directory, with sizes as declared there. */
export async function readZipDirectory(handle: FileHandle, fileSize: number): Promise<ZipDirectory> {
  const { end, position } = await readEndRecord(handle, fileSize);
  if (end.entryCount > MAX_ENTRIES || end.directorySize > MAX_DIRECTORY_BYTES) throw invalid('压缩包内文件过多');
  if (end.directoryOffset + end.directorySize > position) throw invalid('ZIP 目录位置错误');
  const directory = await readAt(handle, end.directoryOffset, end.directorySize);
  const entries: ZipEntry[] = [];
  let offset = 0;
  for (let n = 0; n < end.entryCount; n++) {
    if (offset + CENTRAL_HEADER_LENGTH > directory.length || directory.readUInt32LE(offset) !== CENTRAL_HEADER_SIGNATURE) {
      throw invalid('ZIP 目录损坏');
    }
    const nameLength = directory.readUInt16LE(offset + 28);
    const extraLength = directory.readUInt16LE(offset + 30);
    const commentLength = directory.readUInt16LE(offset + 32);
    const nameStart = offset + CENTRAL_HEADER_LENGTH;
    const extraStart = nameStart + nameLength;
    const next = extraStart + extraLength + commentLength;
    if (next > directory.length) throw invalid('ZIP 目录损坏');
    const entry: ZipEntry = {
      name: directory.toString('utf8', nameStart, extraStart),
      flags: directory.readUInt16LE(offset + 8),
      method: directory.readUInt16LE(offset + 10),
      compressedSize: directory.readUInt32LE(offset + 20),
      uncompressedSize: directory.readUInt32LE(offset + 24),
      localHeaderOffset: directory.readUInt32LE(offset + 42),
    };
    applyZip64Extra(entry, directory.subarray(extraStart, extraStart + extraLength));
    entries.push(entry);
    offset = next;
  }
  return { entries, centralDirectoryOffset: end.directoryOffset };
}

/**
 * Where an entry's data starts, from its local header (whose name and extra
 * field lengths may differ from the central directory's). Checks that header
 * and data lie before the central directory.
 */
export async function entryDataOffset(handle: FileHandle, entry: ZipEntry, directoryOffset: number): Promise<number> {
  if (entry.localHeaderOffset + LOCAL_HEADER_LENGTH > directoryOffset) throw invalid(`${entry.name} 的位置错误`);
  const header = await readAt(handle, entry.localHeaderOffset, LOCAL_HEADER_LENGTH);
  if (header.readUInt32LE(0) !== LOCAL_HEADER_SIGNATURE) throw invalid(`${entry.name} 的文件头损坏`);
  const start = entry.localHeaderOffset + LOCAL_HEADER_LENGTH + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (start + entry.compressedSize > directoryOffset) throw invalid(`${entry.name} 的数据超出范围`);
  return start;
}

/**
 * One entry's bytes, inflated in memory with the output capped at its declared
 * size (so a lying directory cannot make it grow); for small parts only —
 * the caller checks `uncompressedSize` against its own limit first.
 */
export async function readZipEntry(handle: FileHandle, entry: ZipEntry, dataOffset: number): Promise<Buffer> {
  if (entry.method !== 0 && entry.method !== 8) throw invalid(`${entry.name} 使用了不支持的压缩方式 ${entry.method}`);
  const compressed = await readAt(handle, dataOffset, entry.compressedSize);
  let data: Buffer;
  try {
    data = entry.method === 0 ? compressed : inflateRawSync(compressed, { maxOutputLength: entry.uncompressedSize + 1 });
  } catch {
    throw invalid(`${entry.name} 已损坏`);
  }
  if (data.length !== entry.uncompressedSize) throw invalid(`${entry.name} 的大小与目录不符`);
  return data;
}
