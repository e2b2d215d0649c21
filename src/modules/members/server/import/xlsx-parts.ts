/**
 * The few facts the import needs from an .xlsx's small XML parts, read with
 * plain pattern matching (the parts are machine-written and a few KB): which
 * worksheet comes first, and which cell styles show a date.
 */
import { TableFileError } from './table-file-error';

const WORKSHEET_TYPE = /\/worksheet$/;

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function xmlAttributes(tagBody: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of tagBody.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const raw = match[2] ?? match[3] ?? '';
    const value = raw.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (entity, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return XML_ENTITIES[name] ?? entity;
    });
    // Namespace prefixes vary between writers (r:id, ns1:id): keep the local name.
    attributes.set(match[1]?.replace(/^[\w.-]+:/, '') ?? '', value);
  }
  return attributes;
}

/** The first visible worksheet in the workbook's tab order (chart sheets skipped) and its part name. */
export function firstWorksheet(workbookXml: string, relsXml: string): { name: string; path: string } {
  const targets = new Map<string, string>();
  for (const match of relsXml.matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*)>/g)) {
    const attributes = xmlAttributes(match[1] ?? '');
    const id = attributes.get('Id');
    const target = attributes.get('Target');
    if (id && target && WORKSHEET_TYPE.test(attributes.get('Type') ?? '')) targets.set(id, target);
  }
  const sheets: { name: string; path: string; hidden: boolean }[] = [];
  for (const match of workbookXml.matchAll(/<(?:[\w.-]+:)?sheet\b([^>]*)>/g)) {
    const attributes = xmlAttributes(match[1] ?? '');
    const target = targets.get(attributes.get('id') ?? '');
    if (target === undefined) continue;
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
    const state = attributes.get('state') ?? 'visible';
    sheets.push({ name: attributes.get('name') ?? '', path, hidden: state !== 'visible' });
  }
  const sheet = sheets.find((s) => !s.hidden) ?? sheets[0];
  if (!sheet) throw new TableFileError('XLSX_INVALID', '不是有效的 .xlsx 文件（工作簿中没有工作表）');
  return { name: sheet.name, path: sheet.path };
}


// Built-in number formats that show a date or time (ECMA-376 Part 1 §18.8.30):
// 14–22 in every locale, 27–36 and 50–58 in the CJK locales (年月日 formats,
// which Chinese Excel gives to a typed 2023年5月1日), 45–47 minutes and seconds.
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
const FIRST_CUSTOM_FORMAT = 164;

/** True for a custom format code that shows a date or time: y m d h s outside quotes, [colour] and escapes. */
export function isDateFormatCode(code: string): boolean {
  return /[ymdhs]/i.test(code.replace(/\[[^\]]*]|"[^"]*"|\\.|[_*]./g, ''));
}

function section(xml: string, tag: string): string {
  const open = new RegExp(`<(?:[\\w.-]+:)?${tag}\\b[^>]*?(/?)>`).exec(xml);
  if (!open || open[1] === '/') return '';
  const close = xml.indexOf(`${tag}>`, open.index + open[0].length);
  return close < 0 ? '' : xml.slice(open.index + open[0].length, close);
}

/**
 * Indexes of the cell formats (`<cellXfs>`, what a cell's s attribute points
 * at) whose number format is a date. exceljs needs this to turn a serial into
 * a Date; reading it here costs one pass over a small part instead of a style
 * object per cell, and knows the CJK built-in formats exceljs does not.
 */
export function dateStyleIds(stylesXml: string): Set<number> {
  const customDates = new Set<number>();
  for (const match of section(stylesXml, 'numFmts').matchAll(/<(?:[\w.-]+:)?numFmt\b([^>]*)>/g)) {
    const attributes = xmlAttributes(match[1] ?? '');
    if (isDateFormatCode(attributes.get('formatCode') ?? '')) customDates.add(Number(attributes.get('numFmtId')));
  }
  const ids = new Set<number>();
  let index = 0;
  for (const match of section(stylesXml, 'cellXfs').matchAll(/<(?:[\w.-]+:)?xf\b([^>]*)>/g)) {
    const formatId = Number(xmlAttributes(match[1] ?? '').get('numFmtId') ?? 0);
    const isDate = formatId < FIRST_CUSTOM_FORMAT ? BUILT_IN_DATE_FORMATS.has(formatId) : customDates.has(formatId);
    if (isDate) ids.add(index);
    index++;
  }
  return ids;
}
