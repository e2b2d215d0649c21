/**
 * Streaming CSV (RFC 4180: quoted fields, doubled quotes, CRLF or LF, line
 * breaks inside quotes) in the encodings Chinese offices produce: UTF-8 with
 * or without BOM, GB18030/GBK (what Excel on Chinese Windows saves as "CSV"),
 * UTF-16 (Excel's "Unicode 文本"). Only one chunk and one record are held.
 */
import { createReadStream } from 'node:fs';
import { TableFileError } from './table-file-error';
import type { SheetRow, TableCell } from './table-cell';
import type { TableFileLimits } from './table-limits';

export type CsvEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** How much of the file decides the encoding and must show the end of the header line. */
export const CSV_SNIFF_BYTES = 64 * 1024;
const READ_CHUNK_BYTES = 256 * 1024;

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const DELIMITERS = [',', '\t', ';'] as const;

/** The encoding from a BOM, else UTF-8 if the first bytes are valid UTF-8, else GB18030 (a superset of GBK). */
export function detectCsvEncoding(head: Buffer): CsvEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  try {
    // stream: a character cut at the end of the sample is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** The delimiter used most outside quotes on the first line that has any; ',' when none does. */
export function detectDelimiter(text: string): string {
  const counts = [0, 0, 0];
  let inQuotes = false;
  const end = Math.min(text.length, CSV_SNIFF_BYTES);
  for (let i = 0; i < end; i++) {
    const ch = text.charAt(i);
    if (ch === '"') inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (ch === '\n' || ch === '\r') {
      if (counts.some((count) => count > 0)) break;
    } else {
      const index = DELIMITERS.indexOf(ch as (typeof DELIMITERS)[number]);
      if (index >= 0) counts[index] = (counts[index] ?? 0) + 1;
    }
  }
  let best = 0;
  for (let i = 1; i < DELIMITERS.length; i++) {
    if ((counts[i] ?? 0) > (counts[best] ?? 0)) best = i;
  }
  return DELIMITERS[best] ?? ',';
}

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_IN_QUOTED = 3; // a quote inside a quoted field: closes it, or is the first of a doubled pair

/**
 * Incremental record parser: `feed` decoded text in chunks of any size;
 * complete non-empty records are appended to `rows`. Lenient where Excel is
 * (a stray quote inside an unquoted field is text, text after a closing quote
 * is kept), strict about the limits.
 */
export class CsvRecordParser {
  readonly rows: SheetRow[] = [];
  private fields: string[] = [];
  private partial = '';
  private state = FIELD_START;
  private skipLf = false;
  private carriedChars = 0;
  private line = 0;
  private readonly delimiter: number;

  constructor(
    delimiter: string,
    private readonly limits: Pick<TableFileLimits, 'maxFieldChars' | 'maxLineChars' | 'maxColumns'>,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  feed(text: string): void {
    const n = text.length;
    const delimiter = this.delimiter;
    let i = 0;
    if (this.skipLf) {
      this.skipLf = false;
      if (n > 0 && text.charCodeAt(0) === LF) i = 1;
    }
    let start = i; // where the unconsumed text of the current field begins
    let recordStart = i;
    let state = this.state;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (state === QUOTED) {
        if (c === QUOTE) {
          this.partial += text.slice(start, i);
          state = QUOTE_IN_QUOTED;
          start = i + 1;
        }
        continue;
      }
      if (state === QUOTE_IN_QUOTED) {
        if (c === QUOTE) {
          this.partial += '"';
          state = QUOTED;
          start = i + 1;
          continue;
        }
        state = UNQUOTED;
      }
      if (c === delimiter) {
        this.endField(text, start, i);
        start = i + 1;
        state = FIELD_START;
      } else if (c === LF || c === CR) {
        this.endField(text, start, i);
        this.endRecord(this.carriedChars + i - recordStart);
        if (c === CR) {
          if (i + 1 === n) this.skipLf = true;
          else if (text.charCodeAt(i + 1) === LF) i++;
        }
        start = recordStart = i + 1;
        this.carriedChars = 0;
        state = FIELD_START;
      } else if (state === FIELD_START) {
        if (c === QUOTE) {
          state = QUOTED;
          start = i + 1;
        } else {
          state = UNQUOTED;
        }
      }
    }
    this.state = state;
    if (start < n) this.partial += text.slice(start, n);
    this.carriedChars += n - recordStart;
    if (this.partial.length > this.limits.maxFieldChars) this.fieldTooLong();
    if (this.carriedChars > this.limits.maxLineChars) this.lineTooLong();
  }

  /** End of input: the last record may lack its line break. */
  finish(): void {
    if (this.state === QUOTED) {
      throw new TableFileError(
        'UNCLOSED_QUOTE',
        `文件第 ${this.line + 1} 行起的引号没有闭合，文件可能不完整或格式有误，请在 Excel 中打开并重新另存为 CSV`,
      );
    }
    if (this.fields.length > 0 || this.partial !== '' || this.state !== FIELD_START) {
      this.endField('', 0, 0);
      this.endRecord(this.carriedChars);
    }
  }

  private endField(text: string, start: number, end: number): void {
    const value = this.partial === '' ? text.slice(start, end) : this.partial + text.slice(start, end);
    this.partial = '';
    if (value.length > this.limits.maxFieldChars) this.fieldTooLong();
    if (this.fields.length >= this.limits.maxColumns) {
      throw new TableFileError(
        'TOO_MANY_COLUMNS',
        `文件第 ${this.line + 1} 行超过 ${this.limits.maxColumns} 列，请删除多余的列，或检查分隔符是否正确`,
      );
    }
    this.fields.push(value);
  }

  private endRecord(chars: number): void {
    this.line++;
    if (chars > this.limits.maxLineChars) this.lineTooLong();
    const fields = this.fields;
    this.fields = [];
    let empty = true;
    const cells: TableCell[] = fields;
    for (let i = 0; i < fields.length; i++) {
      const value = fields[i];
      if (value === '') cells[i] = null;
      else if (empty && value !== undefined && value.trim() !== '') empty = false;
    }
    if (!empty) this.rows.push({ line: this.line, cells });
  }

  private fieldTooLong(): never {
    throw new TableFileError(
      'FIELD_TOO_LONG',
      `文件第 ${this.line + 1} 行有一个单元格超过 ${this.limits.maxFieldChars} 个字符，请检查该行是否有多余或未闭合的引号`,
    );
  }

  private lineTooLong(): never {
    throw new TableFileError(
      'LINE_TOO_LONG',
      `文件第 ${this.line + 1} 行超过 ${Math.round(this.limits.maxLineChars / 1024)} K 个字符，请检查该行是否有未闭合的引号`,
    );
  }
}

function decodeFailure(encoding: CsvEncoding, cause: unknown): TableFileError {
  const hint =
    encoding === 'utf-8'
      ? '文件开头是 UTF-8 编码，后面却出现了无法识别的字符'
      : `文件不是有效的 ${encoding === 'gb18030' ? 'UTF-8 或 GBK/GB18030' : 'UTF-16'} 编码`;
  return new TableFileError('ENCODING', `${hint}，请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后再导入`, { cause });
}

/** Every non-empty record of a CSV file, decoded and split; nothing is held beyond one read chunk. */
export async function* readCsvRows(
  path: string,
  encoding: CsvEncoding,
  limits: TableFileLimits,
): AsyncGenerator<SheetRow, void, undefined> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  const stream = createReadStream(path, { highWaterMark: READ_CHUNK_BYTES });
  let parser: CsvRecordParser | null = null;
  const decode = (chunk?: Buffer) => {
    try {
      return chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
    } catch (error) {
      throw decodeFailure(encoding, error);
    }
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let text = decode(chunk);
      if (parser === null) {
        if (text === '') continue;
        // TextDecoder drops a BOM for UTF-8/16; one may still follow a GB18030 BOM-less start.
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        parser = new CsvRecordParser(detectDelimiter(text), limits);
      }
      parser.feed(text);
      yield* drain(parser.rows);
    }
    const tail = decode();
    parser ??= new CsvRecordParser(detectDelimiter(tail), limits);
    parser.feed(tail);
    parser.finish();
    yield* drain(parser.rows);
  } finally {
    stream.destroy();
  }
}

function* drain(rows: SheetRow[]): Generator<SheetRow> {
  for (let i = 0; i < rows.length; i++) {
    yield rows[i] as SheetRow;
  }
  rows.length = 0;
}
