/**
 * The first worksheet of an .xlsx, row by row, through exceljs's streaming
 * reader — but never on the uploaded ZIP as it is. The central directory is
 * judged first (sizes, ratios, parts present), then exceljs is fed a ZIP
 * stream we assemble: workbook parts and shared strings first, then only the
 * first worksheet, every part inflated by us with its size counted (styles
 * are read by us, for their date formats).
 * So a lying directory cannot smuggle a bomb past the checks, exceljs never
 * spools a sheet to a temp file (it does when a sheet precedes the shared
 * strings, which is the order Excel writes), and other sheets are never
 * decompressed.
 */
import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { Readable, pipeline } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import ExcelJS from 'exceljs';
import { TableFileError } from './table-file-error';
import { FORMULA_CELL, type SheetRow, type TableCell } from './table-cell';
import { BOMB_MAX_RATIO, BOMB_MIN_ENTRY_BYTES, formatBytes, type TableFileLimits } from './table-limits';
import { dateStyleIds, firstWorksheet } from './xlsx-parts';
import {
  LOCAL_HEADER_LENGTH,
  ZipFormatError,
  entryDataOffset,
  readZipDirectory,
  readZipEntry,
  type ZipEntry,
} from '../../../../core/files/zip-directory';

type Part = { entry: ZipEntry; dataOffset: number };

/** What `inspectXlsx` found: where the parts to read lie in the file. */
export type XlsxPlan = {
  uncompressedBytes: number;
  workbook: Part;
  workbookRels: Part;
  /** Cell format indexes that show dates (from xl/styles.xml). */
  dateStyles: ReadonlySet<number>;
  sharedStrings: Part | null;
  sheet: Part;
  sheetName: string;
};

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const STYLES = 'xl/styles.xml';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
// The name exceljs recognises a worksheet part by (it matches xl/worksheets/sheetN.xml only).
const FED_SHEET_NAME = 'xl/worksheets/sheet1.xml';
const MAX_SMALL_PART_BYTES = 16 * 1024 * 1024;
const FLAG_ENCRYPTED = 0x0001;

const invalid = (detail: string) =>
  new TableFileError('XLSX_INVALID', `不是有效的 .xlsx 文件（${detail}），请在 Excel 中重新另存为 .xlsx 后再导入`);

/** Refuses what the directory alone shows to be unsafe or not a workbook; finds the first worksheet. */
export async function inspectXlsx(handle: FileHandle, fileSize: number, limits: TableFileLimits): Promise<XlsxPlan> {
  try {
    return await inspectXlsxParts(handle, fileSize, limits);
  } catch (error) {
    // The shared ZIP reader (src/core/files) says what is wrong; the refusal is worded for a workbook.
    if (error instanceof ZipFormatError) throw invalid(error.detail);
    throw error;
  }
}

async function inspectXlsxParts(handle: FileHandle, fileSize: number, limits: TableFileLimits): Promise<XlsxPlan> {
  const { entries, centralDirectoryOffset } = await readZipDirectory(handle, fileSize);
  const byName = new Map<string, ZipEntry>();
  let uncompressedBytes = 0;
  for (const entry of entries) {
    if (byName.has(entry.name)) throw invalid(`包含两个 ${entry.name}`);
    byName.set(entry.name, entry);
    if (entry.flags & FLAG_ENCRYPTED) {
      throw new TableFileError('XLSX_ENCRYPTED', '文件已加密，请在 Excel 中取消密码保护后再导入');
    }
    uncompressedBytes += entry.uncompressedSize;
    if (
      entry.uncompressedSize > BOMB_MIN_ENTRY_BYTES &&
      entry.uncompressedSize > entry.compressedSize * BOMB_MAX_RATIO
    ) {
      throw new TableFileError(
        'ZIP_BOMB',
        `文件中的 ${entry.name} 压缩比异常（解压后 ${formatBytes(entry.uncompressedSize)}），可能是恶意构造的文件，已拒绝导入`,
      );
    }
  }
  if (uncompressedBytes > limits.maxUncompressedBytes) {
    throw new TableFileError(
      'ZIP_BOMB',
      `文件解压后超过 ${formatBytes(limits.maxUncompressedBytes)}（${formatBytes(uncompressedBytes)}），请拆分为多个文件后再导入`,
    );
  }
  if (!byName.has(WORKBOOK)) {
    if (byName.has('xl/workbook.bin')) {
      throw new TableFileError('XLSB', '这是 .xlsb 二进制工作簿，请在 Excel 中另存为 .xlsx 或 CSV 后再导入');
    }
    throw new TableFileError('XLSX_INVALID', '不是有效的 .xlsx 文件（压缩包中没有 Excel 工作簿），请上传 Excel（.xlsx）或 CSV 表格');
  }
  const sharedStrings = byName.get(SHARED_STRINGS);
  if (sharedStrings && sharedStrings.uncompressedSize > limits.maxSharedStringsBytes) {
    throw new TableFileError(
      'TOO_MANY_STRINGS',
      `表格中的文字内容过多（共享字符串超过 ${formatBytes(limits.maxSharedStringsBytes)}），请拆分为多个文件后再导入`,
    );
  }

  const part = async (entry: ZipEntry): Promise<Part> => {
    if (entry.method !== 0 && entry.method !== 8) throw invalid(`${entry.name} 使用了不支持的压缩方式 ${entry.method}`);
    if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize) throw invalid(`${entry.name} 的大小不一致`);
    return { entry, dataOffset: await entryDataOffset(handle, entry, centralDirectoryOffset) };
  };
  const workbook = await part(byName.get(WORKBOOK) as ZipEntry);
  const relsEntry = byName.get(WORKBOOK_RELS);
  if (!relsEntry) throw invalid('缺少工作簿关系文件');
  const workbookRels = await part(relsEntry);
  const first = firstWorksheet(
    await readSmallPart(handle, workbook).then((b) => b.toString('utf8')),
    await readSmallPart(handle, workbookRels).then((b) => b.toString('utf8')),
  );
  const sheetEntry = byName.get(first.path) ?? entries.find((e) => e.name.toLowerCase() === first.path.toLowerCase());
  if (!sheetEntry) throw invalid(`找不到工作表“${first.name}”`);
  const stylesEntry = byName.get(STYLES);
  return {
    uncompressedBytes,
    workbook,
    workbookRels,
    dateStyles: stylesEntry ? dateStyleIds((await readSmallPart(handle, await part(stylesEntry))).toString('utf8')) : new Set(),
    sharedStrings: sharedStrings ? await part(sharedStrings) : null,
    sheet: await part(sheetEntry),
    sheetName: first.name,
  };
}

async function readSmallPart(handle: FileHandle, { entry, dataOffset }: Part): Promise<Buffer> {
  if (entry.uncompressedSize > MAX_SMALL_PART_BYTES || entry.compressedSize > MAX_SMALL_PART_BYTES) {
    throw invalid(`${entry.name} 过大`);
  }
  return readZipEntry(handle, entry, dataOffset);
}

/** A stored (uncompressed) local file header: exceljs's unzipper then copies the bytes we inflated. */
function storedHeader(name: string, size: number): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const header = Buffer.alloc(LOCAL_HEADER_LENGTH + nameBytes.length);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4); // version needed: 2.0
  header.writeUInt16LE(0x0800, 6); // UTF-8 name
  header.writeUInt16LE(0, 8); // stored
  header.writeUInt16LE(0x21, 12); // 1980-01-01; CRC is left 0 (unzipper does not check it)
  header.writeUInt32LE(size, 18);
  header.writeUInt32LE(size, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  nameBytes.copy(header, LOCAL_HEADER_LENGTH);
  return header;
}

// An End Of Central Directory record with no entries: tells unzipper the archive is over.
const END_OF_ARCHIVE = (() => {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  return end;
})();

const EMPTY_SHARED_STRINGS = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
);

/** A part's bytes, inflated here and counted: more than its directory entry declared is refused at once. */
async function* inflatePart(path: string, { entry, dataOffset }: Part): AsyncGenerator<Buffer> {
  if (entry.compressedSize === 0) {
    if (entry.uncompressedSize !== 0) throw invalid(`${entry.name} 已损坏`);
    return;
  }
  const raw = createReadStream(path, { start: dataOffset, end: dataOffset + entry.compressedSize - 1, highWaterMark: 256 * 1024 });
  const body = entry.method === 0 ? raw : pipeline(raw, createInflateRaw({ chunkSize: 64 * 1024 }), () => undefined);
  let produced = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      produced += chunk.length;
      if (produced > entry.uncompressedSize) {
        throw new TableFileError('ZIP_BOMB', `文件中的 ${entry.name} 解压后超过其声明的大小，可能是恶意构造的文件，已拒绝导入`);
      }
      yield chunk;
    }
  } catch (error) {
    if (error instanceof TableFileError) throw error;
    throw invalid(`${entry.name} 已损坏`);
  } finally {
    body.destroy();
    raw.destroy();
  }
  if (produced !== entry.uncompressedSize) throw invalid(`${entry.name} 的大小与目录不符`);
}

async function* assembledZip(path: string, plan: XlsxPlan): AsyncGenerator<Buffer> {
  const parts: [string, Part | null][] = [
    [WORKBOOK_RELS, plan.workbookRels],
    [WORKBOOK, plan.workbook],
    [SHARED_STRINGS, plan.sharedStrings],
    [FED_SHEET_NAME, plan.sheet],
  ];
  for (const [name, part] of parts) {
    if (part === null) {
      if (name === SHARED_STRINGS) {
        // Without one exceljs would spool the sheet to a temp file, waiting for strings that never come.
        yield storedHeader(name, EMPTY_SHARED_STRINGS.length);
        yield EMPTY_SHARED_STRINGS;
      }
      continue;
    }
    yield storedHeader(name, part.entry.uncompressedSize);
    yield* inflatePart(path, part);
  }
  yield END_OF_ARCHIVE;
}

type ExcelValue = ExcelJS.CellValue | undefined;

function richTextPlain(runs: readonly { text?: string }[]): string {
  let text = '';
  for (const run of runs) text += run.text ?? '';
  return text;
}

/** An exceljs cell value as a table cell: formulas become the marker, rich text plain text. */
export function toTableCell(value: ExcelValue): TableCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value;
  // Shared-formula cells arrive as { formula: '' }, which exceljs types as JSON: test the key, not the text.
  if ('formula' in value || 'sharedFormula' in value) return FORMULA_CELL;
  if ('richText' in value) return richTextPlain(value.richText) || null;
  if ('error' in value) return value.error;
  if ('text' in value) {
    const text: unknown = value.text;
    if (typeof text === 'string') return text || null;
    if (typeof text === 'object' && text !== null && 'richText' in text) {
      return richTextPlain((text as { richText: { text?: string }[] }).richText) || null;
    }
  }
  return null;
}

function isBlank(cell: TableCell): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

function rowCells(row: ExcelJS.Row, width: number): TableCell[] | null {
  const values = row.values as ExcelValue[];
  const length = Math.min(values.length - 1, width);
  if (length <= 0) return null;
  const cells: TableCell[] = new Array<TableCell>(length);
  let empty = true;
  for (let column = 1; column <= length; column++) {
    const cell = toTableCell(values[column]);
    cells[column - 1] = cell;
    if (empty && !isBlank(cell)) empty = false;
  }
  return empty ? null : cells;
}

// The one style fact a cell needs: a date format, so exceljs turns its serial into a Date.
const DATE_STYLE = Object.freeze({ numFmt: 'yyyy-mm-dd' });

/**
 * With styles: 'cache' exceljs builds a style object for every cell (a third
 * of its reading time) yet misses the CJK built-in date formats. Its sheet
 * reader only asks the workbook's `styles.getStyleModel(s)` and sets the
 * result on the cell, so we answer that question from `dateStyleIds`.
 * exceljs 4.4 internals, checked by the date-cell test.
 */
function useDateStyles(reader: ExcelJS.stream.xlsx.WorkbookReader, dateStyles: ReadonlySet<number>): void {
  const styles = { getStyleModel: (id: number) => (dateStyles.has(id) ? DATE_STYLE : null) };
  Object.assign(reader, { styles });
}

type SheetEvent = { eventType: string; value: unknown };

/**
 * The non-empty rows of the first worksheet. `view.width` caps the cells
 * taken per row (beyond the header nothing is named); the caller narrows it
 * once it has the header. Each step of exceljs is `guarded`: when our
 * assembled stream fails (a bomb, a corrupt part), exceljs would otherwise
 * wait forever for data that never comes.
 */
export async function* readXlsxRows(
  path: string,
  plan: XlsxPlan,
  view: { readonly width: number },
): AsyncGenerator<SheetRow, void, undefined> {
  const source = Readable.from(assembledZip(path, plan), { objectMode: false });
  // Not Promise.race against one long-lived promise: every race would leave a
  // reaction on it holding the batch it resolved with, for the whole file.
  let failure: { error: unknown } | null = null;
  let rejectPending: ((error: unknown) => void) | null = null;
  source.on('error', (error) => {
    failure = { error };
    rejectPending?.(error);
  });
  const guarded = <T>(step: Promise<T>): Promise<T> => {
    if (failure !== null) return Promise.reject(failure.error);
    return new Promise<T>((resolve, reject) => {
      rejectPending = reject;
      // Cleared only if still ours: the next step may already have taken the slot.
      const settle = () => {
        if (rejectPending === reject) rejectPending = null;
      };
      step.then(
        (value) => {
          settle();
          resolve(value);
        },
        (error: unknown) => {
          settle();
          reject(error);
        },
      );
    });
  };

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  useDateStyles(reader, plan.dateStyles);
  const parts = reader.parse();
  let lastLine = 0;
  try {
    for (;;) {
      const step = (await guarded(parts.next())) as IteratorResult<SheetEvent>;
      if (step.done) return;
      if (step.value.eventType !== 'worksheet') continue;
      const worksheet = step.value.value as ExcelJS.stream.xlsx.WorksheetReader;
      const batches = worksheet.parse();
      for (;;) {
        const batch = (await guarded(batches.next())) as IteratorResult<SheetEvent[]>;
        if (batch.done) return;
        for (const event of batch.value) {
          if (event.eventType !== 'row') continue;
          const row = event.value as ExcelJS.Row;
          // A row without its r attribute follows the previous one (SpreadsheetML §18.3.1.73).
          const line = Number.isFinite(row.number) && row.number > 0 ? row.number : lastLine + 1;
          lastLine = line;
          const cells = rowCells(row, view.width);
          if (cells !== null) yield { line, cells };
        }
      }
    }
  } catch (error) {
    if (error instanceof TableFileError) throw error;
    throw new TableFileError('XLSX_INVALID', '无法读取 .xlsx 文件：文件已损坏或格式不正确，请在 Excel 中重新另存为 .xlsx 后再导入', {
      cause: error,
    });
  } finally {
    source.destroy();
  }
}
