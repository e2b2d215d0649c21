import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { formatBeijingTime } from './beijing-time';
import { defuseCell } from './defuse-formula';

export type ExportColumn = { key: string; header: string; width?: number };

/** Who exported what, when and why: printed in the sheet and in every page's header and footer. */
export type ExportWatermark = { user: string; org: string; at: Date; purpose?: string };

export type XlsxExportOptions = {
  sheetName: string;
  title: string;
  columns: ExportColumn[];
  rows: AsyncIterable<Record<string, unknown>> | Iterable<Record<string, unknown>>;
  watermark: ExportWatermark;
  output: NodeJS.WritableStream;
};

export type XlsxExportResult = {
  /** Data rows written (title, watermark and header rows not counted). */
  rowCount: number;
  /** Hex SHA-256 of the bytes written to `output`: goes into the audit event. */
  sha256: string;
  bytes: number;
};

/** `导出人：张卫东（sheng） 单位：陕西省总工会 时间：2026-11-21 09:00 用途：年度审计检查` */
export function watermarkText(watermark: ExportWatermark): string {
  const parts = [
    `导出人：${watermark.user}`,
    `单位：${watermark.org}`,
    `时间：${formatBeijingTime(watermark.at)}`,
  ];
  if (watermark.purpose) parts.push(`用途：${watermark.purpose}`);
  return parts.join(' ');
}

// Excel limits a header or footer to 255 characters, codes included.
const HEADER_FOOTER_MAX = 255;

/**
 * Header/footer text: `prefix` and `suffix` are format codes (`&L` left part,
 * `&8` 8 pt, `&P` page number …); in `text` a `&` is doubled so that user
 * input such as a purpose cannot inject codes. Cut to Excel's limit.
 */
export function headerFooterText(prefix: string, text: string, suffix = ''): string {
  const room = HEADER_FOOTER_MAX - prefix.length - suffix.length;
  let escaped = text.replaceAll('&', '&&');
  if (escaped.length > room) {
    escaped = escaped.slice(0, room - 1);
    // Never end on half of a doubled `&`: a lone `&` would swallow the next character as a code.
    if (/(^|[^&])(&&)*&$/.test(escaped)) escaped = escaped.slice(0, -1);
    escaped = `${escaped}…`;
  }
  return `${prefix}${escaped}${suffix}`;
}

// Worksheet names: at most 31 characters, none of : \ / ? * [ ].
const safeSheetName = (name: string) => name.replace(/[:\\/?*[\]]/g, '_').slice(0, 31) || 'Sheet1';

// Rows are committed to the zip stream as they come; every so many the writer
// lets the event loop run so the compressor can drain what was written, and it
// waits whenever the output is slower than the workbook (memory stays flat).
const YIELD_EVERY_ROWS = 500;

const HEADER_ROW = 3;

/**
 * Writes an Excel workbook with one sheet through exceljs's streaming writer:
 * a title row, a watermark row (who, which unit, when, why), the bold, frozen
 * header row, then the rows. Every cell goes through `defuseCell` (formula
 * injection); the watermark is also in every printed page's header and footer.
 * Returns the row count and the SHA-256 and length of the bytes written, for
 * the export's audit event.
 */
export async function writeXlsxExport(options: XlsxExportOptions): Promise<XlsxExportResult> {
  const { columns } = options;
  if (columns.length === 0) {
    throw new Error('writeXlsxExport: no columns');
  }
  const hash = createHash('sha256');
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      bytes += chunk.length;
      callback(null, chunk);
    },
  });
  const delivered = pipeline(tap, options.output);
  // Observed below; marked handled here so an early failure is not reported as unhandled.
  delivered.catch(() => undefined);

  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: tap, useStyles: true, useSharedStrings: false });
  workbook.creator = '工会工作平台';
  const mark = watermarkText(options.watermark);
  const sheet = workbook.addWorksheet(safeSheetName(options.sheetName), {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 0 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    headerFooter: {
      oddHeader: headerFooterText('&L&8', `${options.title}  ${mark}`),
      oddFooter: headerFooterText('&L&8', mark, '&R&8第 &P 页，共 &N 页'),
    },
  });
  sheet.columns = columns.map((column) => ({ key: column.key, width: column.width ?? 16 }));

  let rowCount = 0;
  try {
    const title = sheet.addRow([defuseCell(options.title)]);
    title.font = { bold: true, size: 14 };
    title.height = 24;
    const watermarkRow = sheet.addRow([defuseCell(mark)]);
    watermarkRow.font = { italic: true, size: 9, color: { argb: 'FF7A7F87' } };
    // Merged across the table (the streaming writer merges only rows not yet committed).
    if (columns.length > 1) {
      sheet.mergeCells(1, 1, 1, columns.length);
      sheet.mergeCells(2, 1, 2, columns.length);
    }
    title.commit();
    watermarkRow.commit();
    const header = sheet.addRow(columns.map((column) => defuseCell(column.header)));
    header.font = { bold: true };
    header.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF6' } };
      cell.border = { bottom: { style: 'thin', color: { argb: 'FF9AA5B1' } } };
    });
    header.commit();

    for await (const row of options.rows) {
      sheet.addRow(columns.map((column) => defuseCell(row[column.key]))).commit();
      rowCount += 1;
      if (rowCount % YIELD_EVERY_ROWS === 0) {
        await new Promise((resolve) => setImmediate(resolve));
        if (tap.writableNeedDrain) await once(tap, 'drain');
      }
    }
    sheet.commit();
    await workbook.commit();
    await delivered;
  } catch (error) {
    // The pipeline destroys the output too: a half-written file must not look complete.
    tap.destroy(error instanceof Error ? error : new Error(String(error)));
    await delivered.catch(() => undefined);
    throw error;
  }
  return { rowCount, sha256: hash.digest('hex'), bytes };
}
