/**
 * Spreadsheet formula injection (OWASP "CSV Injection"; security.md §3.3): a
 * cell whose text starts with one of these characters may be taken for a
 * formula by Excel, WPS or LibreOffice once the file is edited, re-saved or
 * converted to CSV. TAB and CR are triggers themselves (Symfony
 * CVE-2021-41270), so the defence is a leading apostrophe, not a TAB.
 */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

export type SafeCellValue = string | number | boolean | Date | null;

/**
 * The value to put in an exported cell: text that could start a formula gets
 * a leading `'`; numbers, booleans and valid dates pass through; anything else
 * (objects, bigints) becomes text first, so no exceljs rich value such as
 * `{ formula }` or `{ hyperlink }` can reach the file.
 */
export function defuseCell(value: unknown): SafeCellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    const first = value.charAt(0);
    return FORMULA_TRIGGERS.has(first) ? `'${value}` : value;
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : defuseCell(String(value));
  }
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'bigint') return defuseCell(value.toString());
  return defuseCell(typeof value === 'object' ? JSON.stringify(value) : String(value));
}
