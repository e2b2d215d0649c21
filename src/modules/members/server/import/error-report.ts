/**
 * The error report of an import: one row per rejected row, its errors first,
 * then the row as uploaded. Written as a stream (a large import may reject
 * many rows) and every text cell defused: the report repeats what users
 * uploaded, and an uploaded "=HYPERLINK(…)" must not become a live formula.
 * Its header row can go back into the importer once the rows are fixed: the
 * four report columns are simply ignored.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { defuseCell } from '../../../../core/files/defuse-formula';
import { isFormulaCell, type TableCell } from './table-cell';
import type { RowError } from './validate-member-row';

export type ErrorReportWriter = {
  /** Adds a rejected row; await it (every few hundred rows it lets the file output catch up). */
  add(rowNumber: number, originalCells: readonly TableCell[], errors: readonly RowError[]): Promise<void>;
  /** Finishes the file. */
  close(): Promise<{ rows: number }>;
  /** Stops and leaves an incomplete file (for the caller to delete). */
  abort(): void;
};

export type ErrorReportOptions = {
  /** Sheet row of the uploaded header: the report shows rowNumber + headerLine, the row users see. Default 1. */
  headerLine?: number;
};

const REPORT_COLUMNS = ['行号', '错误列', '错误代码', '错误原因'] as const;
const YIELD_EVERY_ROWS = 500;
const FORMULA_PLACEHOLDER = '（公式）';

function originalValue(cell: TableCell | undefined): string | number | Date | boolean | null {
  if (cell === undefined || cell === null) return null;
  if (isFormulaCell(cell)) return FORMULA_PLACEHOLDER;
  return defuseCell(cell);
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** Starts an error report .xlsx at `path` with the upload's header after the four report columns. */
export function createErrorReportWriter(
  path: string,
  header: readonly string[],
  options: ErrorReportOptions = {},
): ErrorReportWriter {
  const headerLine = options.headerLine ?? 1;
  const output = createWriteStream(path);
  let failure: Error | null = null;
  output.on('error', (error) => {
    failure = error;
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = '工会工作平台';
  const sheet = workbook.addWorksheet('导入错误', { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  sheet.columns = [
    { width: 8 },
    { width: 16 },
    { width: 22 },
    { width: 50, style: { alignment: { wrapText: true, vertical: 'top' } } },
    ...header.map(() => ({ width: 16 })),
  ];
  const headerRow = sheet.addRow([...REPORT_COLUMNS, ...header].map((text) => defuseCell(text)));
  headerRow.font = { bold: true };
  headerRow.commit();

  let rows = 0;
  return {
    async add(rowNumber, originalCells, errors) {
      if (failure) throw failure;
      const cells: (string | number | Date | boolean | null)[] = [
        rowNumber + headerLine,
        defuseCell(unique(errors.map((error) => error.column)).join('、')),
        defuseCell(unique(errors.map((error) => error.code)).join(', ')),
        defuseCell(
          errors.length === 1
            ? (errors[0]?.message ?? '')
            : errors.map((error, index) => `${index + 1}. ${error.message}`).join('\n'),
        ),
      ];
      for (let i = 0; i < header.length; i++) cells.push(originalValue(originalCells[i]));
      const row = sheet.addRow(cells);
      row.eachCell((cell) => {
        if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
      });
      row.commit();
      rows++;
      if (rows % YIELD_EVERY_ROWS === 0) {
        await new Promise((resolve) => setImmediate(resolve));
        if (output.writableNeedDrain) await once(output, 'drain');
      }
    },
    async close() {
      if (failure) throw failure;
      sheet.commit();
      await workbook.commit();
      if (!output.writableFinished) await once(output, 'finish');
      return { rows };
    },
    abort() {
      output.destroy();
    },
  };
}
