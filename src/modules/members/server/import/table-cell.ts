/** What a table reader hands out for one cell, whatever the file type. */

/**
 * A spreadsheet cell holding a formula. Its cached result is not trusted: it
 * may be stale, or computed from cells outside the row (another sheet, a
 * lookup table), so the import asks for values instead.
 */
export type FormulaCell = { readonly formula: true };

/** One shared, frozen marker: readers hand it out instead of allocating one per cell. */
export const FORMULA_CELL: FormulaCell = Object.freeze({ formula: true });

/** Text (CSV, xlsx strings), a number or a date (xlsx), nothing (empty cell), or a formula. */
export type TableCell = string | number | Date | null | FormulaCell;

export function isFormulaCell(cell: unknown): cell is FormulaCell {
  return typeof cell === 'object' && cell !== null && !(cell instanceof Date) && (cell as { formula?: unknown }).formula === true;
}

/** A non-empty row as a reader finds it: `line` is the sheet row (xlsx) or record number (CSV), from 1. */
export type SheetRow = { line: number; cells: TableCell[] };
