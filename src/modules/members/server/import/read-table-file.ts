/**
 * An uploaded member table (.xlsx or CSV) as a header and a stream of rows.
 * The type comes from the file's first bytes, never its name; every refusal
 * is a `TableFileError` with a Chinese message saying what to do instead.
 */
import { stat, open, type FileHandle } from 'node:fs/promises';
import { CSV_SNIFF_BYTES, detectCsvEncoding, readCsvRows, type CsvEncoding } from './csv-rows';
import { TableFileError } from './table-file-error';
import type { SheetRow, TableCell } from './table-cell';
import { DEFAULT_TABLE_LIMITS, formatBytes, type TableFileLimits } from './table-limits';
import { inspectXlsx, readXlsxRows, type XlsxPlan } from './xlsx-rows';

export { TableFileError } from './table-file-error';
export type { TableFileErrorCode } from './table-file-error';
export { DEFAULT_TABLE_LIMITS, type TableFileLimits } from './table-limits';
export { FORMULA_CELL, isFormulaCell, type FormulaCell, type TableCell } from './table-cell';

export type TableKind = 'xlsx' | 'csv';

export type OpenTableOptions = Partial<TableFileLimits> & {
  /**
   * Recognises the header row, for sheets with a title or notes above it
   * ("XX公司会员花名册"): the first of the first `headerSearchRows` non-empty
   * rows it accepts is the header, the rows above are skipped. Without it, or
   * when no row is accepted, the header is the first non-empty row.
   */
  isHeader?: (texts: readonly string[]) => boolean;
  /** Default 10. */
  headerSearchRows?: number;
};

export type TableFileInfo = {
  kind: TableKind;
  bytes: number;
  /** CSV only. */
  encoding: CsvEncoding | null;
  /** xlsx only: the worksheet that will be read (the first visible one). */
  sheetName: string | null;
  /** xlsx only: declared size of all parts once decompressed. */
  uncompressedBytes: number | null;
};

export type TableRow = {
  /** 1 = the first row under the header; counts empty and skipped rows, so it matches the sheet. */
  rowNumber: number;
  cells: TableCell[];
};

export type OpenTableFile = {
  kind: TableKind;
  info: TableFileInfo;
  /** Header texts as written (trailing empty cells dropped). */
  header: string[];
  /** The sheet row (CSV: record) of the header, from 1: rowNumber + headerLine is the row users see. */
  headerLine: number;
  /** Every non-empty row under the header, each cut to the header's width. Iterate once. */
  rows: AsyncGenerator<TableRow, void, undefined>;
  /** Stops reading and releases the file; safe to call at any point, and more than once. */
  close(): Promise<void>;
};

const SNIFF_BINARY_BYTES = 8 * 1024;
const ZIP_LOCAL = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const ZIP_EMPTY = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
// OLE2 / Compound File Binary: Excel 97–2003 .xls, and also any password-protected Office file.
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

type Inspected = { info: TableFileInfo; plan: XlsxPlan | null };

function limitsOf(overrides: Partial<TableFileLimits> | undefined): TableFileLimits {
  return { ...DEFAULT_TABLE_LIMITS, ...overrides };
}

async function readHead(handle: FileHandle, length: number): Promise<Buffer> {
  const head = Buffer.alloc(length);
  let read = 0;
  while (read < length) {
    const { bytesRead } = await handle.read(head, read, length - read, read);
    if (bytesRead === 0) break;
    read += bytesRead;
  }
  return head.subarray(0, read);
}

async function inspect(path: string, limits: TableFileLimits): Promise<Inspected> {
  const { size } = await stat(path);
  if (size > limits.maxFileBytes) {
    throw new TableFileError(
      'TOO_LARGE',
      `文件超过 ${formatBytes(limits.maxFileBytes)}（当前 ${formatBytes(size)}），请拆分为多个文件后分批导入`,
    );
  }
  if (size === 0) throw new TableFileError('EMPTY', '文件是空的，请检查上传的文件');
  const handle = await open(path, 'r');
  try {
    const head = await readHead(handle, Math.min(size, CSV_SNIFF_BYTES));
    const base = { bytes: size, encoding: null, sheetName: null, uncompressedBytes: null };
    if (startsWith(head, ZIP_LOCAL)) {
      const plan = await inspectXlsx(handle, size, limits);
      return {
        info: { ...base, kind: 'xlsx', sheetName: plan.sheetName, uncompressedBytes: plan.uncompressedBytes },
        plan,
      };
    }
    if (startsWith(head, ZIP_EMPTY)) {
      throw new TableFileError('XLSX_INVALID', '不是有效的 .xlsx 文件（压缩包是空的）');
    }
    if (startsWith(head, OLE2)) {
      throw new TableFileError(
        'OLD_XLS',
        '这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 CSV 后再导入（若文件设置了打开密码，请先取消密码）',
      );
    }
    const encoding = detectCsvEncoding(head);
    // UTF-16 text is half NUL bytes; any other text file has none (PDF, images and archives do).
    if (!encoding.startsWith('utf-16') && head.subarray(0, SNIFF_BINARY_BYTES).includes(0)) {
      throw new TableFileError('NOT_A_TABLE', '文件不是 Excel（.xlsx）或 CSV 表格，请上传 .xlsx 或 .csv 文件');
    }
    if (size > head.length && !head.includes(0x0a) && !head.includes(0x0d)) {
      throw new TableFileError(
        'NO_HEADER',
        `无法识别表头：文件开头 ${formatBytes(CSV_SNIFF_BYTES)} 内没有换行，不是按行排列的表格，请上传 .xlsx 或 .csv 文件`,
      );
    }
    return { info: { ...base, kind: 'csv', encoding }, plan: null };
  } finally {
    await handle.close();
  }
}

function startsWith(buffer: Buffer, prefix: Buffer): boolean {
  return buffer.length >= prefix.length && buffer.subarray(0, prefix.length).equals(prefix);
}

/** Checks an upload without reading its rows: size, type, encoding; for xlsx the ZIP directory and the first sheet. */
export async function inspectTableFile(path: string, limits?: Partial<TableFileLimits>): Promise<TableFileInfo> {
  return (await inspect(path, limitsOf(limits))).info;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

function headerText(cell: TableCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number') return String(cell);
  if (cell instanceof Date) return `${cell.getUTCFullYear()}-${pad2(cell.getUTCMonth() + 1)}-${pad2(cell.getUTCDate())}`;
  return ''; // a formula: its text is not kept, and no import field is named by one
}

function isBlank(cells: readonly TableCell[]): boolean {
  for (const cell of cells) {
    if (cell !== null && !(typeof cell === 'string' && cell.trim() === '')) return false;
  }
  return true;
}

/**
 * Opens an upload: checks it (see `inspectTableFile`), reads up to the
 * header — the first non-empty row — and hands out the rows under it as a
 * stream. Call `close` when stopping early.
 */
export async function openTableFile(path: string, options: OpenTableOptions = {}): Promise<OpenTableFile> {
  const { isHeader, headerSearchRows = 10, ...limits } = options;
  const resolved = limitsOf(limits);
  const { info, plan } = await inspect(path, resolved);
  // Until the header is known, take one column more than allowed, to notice a header that is too wide.
  const view = { width: resolved.maxColumns + 1 };
  const source: AsyncGenerator<SheetRow, void, undefined> =
    plan !== null ? readXlsxRows(path, plan, view) : readCsvRows(path, info.encoding ?? 'utf-8', resolved);

  // The rows read while looking for the header; those after it are data and are handed out first.
  const looked: SheetRow[] = [];
  let headerIndex = 0;
  try {
    for (;;) {
      const next = await source.next();
      if (next.done) break;
      looked.push(next.value);
      if (!isHeader || isHeader(next.value.cells.map(headerText))) {
        headerIndex = looked.length - 1;
        break;
      }
      if (looked.length >= headerSearchRows) break;
    }
  } catch (error) {
    await source.return(undefined);
    throw error;
  }
  const headerRow = looked[headerIndex];
  if (headerRow === undefined) {
    throw new TableFileError('NO_HEADER', '表格中没有内容：找不到表头行，请使用导入模板填写');
  }
  const header = headerRow.cells.map(headerText);
  while (header.length > 0 && header.at(-1) === '') header.pop();
  if (header.length > resolved.maxColumns) {
    await source.return(undefined);
    throw new TableFileError('TOO_MANY_COLUMNS', `表头超过 ${resolved.maxColumns} 列，请删除多余的列后再导入`);
  }
  const width = header.length;
  view.width = width;
  const headerLine = headerRow.line;

  async function* dataRows(): AsyncGenerator<SheetRow, void, undefined> {
    yield* looked.slice(headerIndex + 1);
    yield* source;
  }
  const rows = (async function* (): AsyncGenerator<TableRow, void, undefined> {
    try {
      for await (const row of dataRows()) {
        const cells = row.cells;
        if (cells.length > width) {
          cells.length = width;
          if (isBlank(cells)) continue;
        }
        yield { rowNumber: row.line - headerLine, cells };
      }
    } finally {
      await source.return(undefined);
    }
  })();

  let closed: Promise<void> | null = null;
  return {
    kind: info.kind,
    info,
    header,
    headerLine,
    rows,
    close: () => {
      closed ??= (async () => {
        await rows.return(undefined);
        await source.return(undefined);
      })();
      return closed;
    },
  };
}

/** The data rows of an upload (header consumed); the file is released when iteration ends or stops. */
export async function* readTableRows(
  path: string,
  options?: OpenTableOptions,
): AsyncGenerator<TableRow, void, undefined> {
  const table = await openTableFile(path, options);
  try {
    yield* table.rows;
  } finally {
    await table.close();
  }
}
