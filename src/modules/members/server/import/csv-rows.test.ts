import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchHeader } from './header-map';
import { CsvRecordParser, detectCsvEncoding, detectDelimiter } from './csv-rows';
import { openTableFile, type TableRow } from './read-table-file';
import { DEFAULT_TABLE_LIMITS } from './table-limits';
import { encodeGb18030, makeTempDir, writeBytes } from './test-fixtures';

function parse(chunks: readonly string[], delimiter = ',') {
  const parser = new CsvRecordParser(delimiter, DEFAULT_TABLE_LIMITS);
  const rows = [];
  for (const chunk of chunks) {
    parser.feed(chunk);
    rows.push(...parser.rows.splice(0));
  }
  parser.finish();
  rows.push(...parser.rows.splice(0));
  return rows;
}

const TRICKY = 'a,"b ""quoted""",c\r\n"multi\r\nline",,"x,y"\n\n"",  ,z\rlast,"end"';

describe('CsvRecordParser', () => {
  it('follows RFC 4180: quotes, doubled quotes, CRLF/LF/CR, line breaks inside quotes', () => {
    expect(parse([TRICKY])).toEqual([
      { line: 1, cells: ['a', 'b "quoted"', 'c'] },
      { line: 2, cells: ['multi\r\nline', null, 'x,y'] },
      // line 3 is empty: skipped, but counted
      { line: 4, cells: [null, '  ', 'z'] },
      { line: 5, cells: ['last', 'end'] },
    ]);
  });

  it('gives the same records however the text is cut into chunks', () => {
    const whole = parse([TRICKY]);
    for (let cut = 0; cut <= TRICKY.length; cut++) {
      expect(parse([TRICKY.slice(0, cut), TRICKY.slice(cut)]), `cut at ${cut}`).toEqual(whole);
    }
    expect(parse([...TRICKY])).toEqual(whole);
  });

  it('is lenient where Excel is: stray quotes, text after a closing quote', () => {
    expect(parse(['ab"c,"d"e\n'])).toEqual([{ line: 1, cells: ['ab"c', 'de'] }]);
  });

  it('refuses an unclosed quote, an over-long field or line, too many columns', () => {
    expect(() => parse(['a,"b\nc'])).toThrow(expect.objectContaining({ code: 'UNCLOSED_QUOTE' }));
    expect(() => parse([`a,${'x'.repeat(10_001)}\n`])).toThrow(
      expect.objectContaining({ code: 'FIELD_TOO_LONG', message: expect.stringContaining('文件第 1 行') }),
    );
    expect(() => parse(['h\n', `"${'y'.repeat(20_000)}`])).toThrow(
      expect.objectContaining({ code: 'FIELD_TOO_LONG', message: expect.stringContaining('文件第 2 行') }),
    );
    const wide = `${Array.from({ length: 200 }, () => 'xxxxxx').join(',')}\n`;
    expect(() => parse(['h\n', ...Array.from({ length: 200 }, () => wide.replace('\n', ','))])).toThrow(
      expect.objectContaining({ code: 'TOO_MANY_COLUMNS' }),
    );
    expect(() => parse([`${'x,'.repeat(200)}x\n`])).toThrow(expect.objectContaining({ code: 'TOO_MANY_COLUMNS' }));
    const longQuoted = ['"', ...Array.from({ length: 120 }, () => `${'z'.repeat(9_000)}\n`)];
    expect(() => parse(longQuoted)).toThrow(expect.objectContaining({ code: 'FIELD_TOO_LONG' }));
  });

  it('refuses a line over the limit', () => {
    const parser = new CsvRecordParser(',', { ...DEFAULT_TABLE_LIMITS, maxLineChars: 100 });
    expect(() => parser.feed(`${'abcdefghi,'.repeat(11)}\n`)).toThrow(expect.objectContaining({ code: 'LINE_TOO_LONG' }));
  });
});

describe('CSV sniffing', () => {
  it('detects the delimiter from the first line that has one', () => {
    expect(detectDelimiter('姓名,身份证号\n')).toBe(',');
    expect(detectDelimiter('姓名\t身份证号\t"a,b"\n')).toBe('\t');
    expect(detectDelimiter('会员名单\n姓名;身份证号;手机\n')).toBe(';');
    expect(detectDelimiter('姓名\n')).toBe(',');
  });

  it('detects the encoding: BOM, valid UTF-8, else GB18030', () => {
    expect(detectCsvEncoding(Buffer.from('\uFEFF姓名'))).toBe('utf-8');
    expect(detectCsvEncoding(Buffer.from('姓名,身份证号'))).toBe('utf-8');
    // A multi-byte character cut at the end of the sample is still UTF-8.
    expect(detectCsvEncoding(Buffer.from('姓名').subarray(0, 4))).toBe('utf-8');
    expect(detectCsvEncoding(encodeGb18030('姓名,身份证号'))).toBe('gb18030');
    expect(detectCsvEncoding(Buffer.from([0xff, 0xfe, 0x53, 0x59]))).toBe('utf-16le');
  });
});

describe('CSV files', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  beforeAll(async () => {
    temp = await makeTempDir();
  });
  afterAll(async () => {
    await temp.cleanup();
  });

  async function readAll(path: string) {
    const table = await openTableFile(path);
    const rows: TableRow[] = [];
    for await (const row of table.rows) rows.push(row);
    return { table, rows };
  }

  it('reads UTF-8 with BOM, numbering rows from the header', async () => {
    const path = await writeBytes(temp.file('bom.csv'), '\uFEFF\r\n姓名,身份证号\r\n张三,"610113199005011238"\r\n,\r\n"李\n四",x\r\n');
    const { table, rows } = await readAll(path);
    expect(table.kind).toBe('csv');
    expect(table.info.encoding).toBe('utf-8');
    expect(table.header).toEqual(['姓名', '身份证号']);
    expect(table.headerLine).toBe(2);
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['张三', '610113199005011238'] },
      { rowNumber: 3, cells: ['李\n四', 'x'] },
    ]);
  });

  it('reads GB18030 (GBK) as saved by Excel on Chinese Windows', async () => {
    const text = '姓名,身份证号,就业形态\r\n张三,610113199005011238,快递员\r\n';
    const path = await writeBytes(temp.file('gbk.csv'), encodeGb18030(text));
    const { table, rows } = await readAll(path);
    expect(table.info.encoding).toBe('gb18030');
    expect(table.header).toEqual(['姓名', '身份证号', '就业形态']);
    expect(rows[0]?.cells).toEqual(['张三', '610113199005011238', '快递员']);
  });

  it('reads a GB18030 file longer than one read chunk, characters cut across chunks', async () => {
    const line = '张三,610113199005011238,快递员\r\n';
    const text = `姓名,身份证号,就业形态\r\n${line.repeat(20_000)}`;
    const path = await writeBytes(temp.file('gbk-long.csv'), encodeGb18030(text));
    const { rows } = await readAll(path);
    expect(rows).toHaveLength(20_000);
    expect(rows.every((row) => row.cells[2] === '快递员')).toBe(true);
  });

  it('reads tab-delimited UTF-16 (Excel "Unicode 文本")', async () => {
    const text = '\uFEFF姓名\t身份证号\r\n张三\t610113199005011238\r\n';
    const path = await writeBytes(temp.file('utf16.txt'), Buffer.from(text, 'utf16le'));
    const { table, rows } = await readAll(path);
    expect(table.info.encoding).toBe('utf-16le');
    expect(table.header).toEqual(['姓名', '身份证号']);
    expect(rows[0]?.cells).toEqual(['张三', '610113199005011238']);
  });

  it('cuts rows to the header width and skips rows left empty by that', async () => {
    const path = await writeBytes(temp.file('wide.csv'), '姓名;身份证号\n张三;1;extra\n;;only-extra\n');
    const { rows } = await readAll(path);
    expect(rows).toEqual([{ rowNumber: 1, cells: ['张三', '1'] }]);
  });

  it('refuses a UTF-8 file with invalid bytes after the sniffed part', async () => {
    // Far enough in to be after the first read chunk: the error comes while iterating.
    const head = `姓名,备注\n${'张三,ok\n'.repeat(40_000)}`;
    const path = await writeBytes(temp.file('mixed.csv'), Buffer.concat([Buffer.from(head), encodeGb18030('李四,坏\n')]));
    const table = await openTableFile(path);
    let rows = 0;
    await expect(async () => {
      for await (const row of table.rows) rows += row.cells.length > 0 ? 1 : 0;
    }).rejects.toMatchObject({ code: 'ENCODING' });
    expect(rows).toBeGreaterThan(0);
  });

  it('finds a header under a title row when told how to recognise it', async () => {
    const path = await writeBytes(temp.file('title.csv'), '2026年会员花名册,,\n填表单位：某某工会,,\n姓名,身份证号,手机\n张三,1,2\n');
    const isHeader = (texts: readonly string[]) => matchHeader([...texts]).ok;
    const table = await openTableFile(path, { isHeader });
    expect(table.header).toEqual(['姓名', '身份证号', '手机']);
    expect(table.headerLine).toBe(3);
    const rows: TableRow[] = [];
    for await (const row of table.rows) rows.push(row);
    expect(rows).toEqual([{ rowNumber: 1, cells: ['张三', '1', '2'] }]);
    // Not found within the rows searched: the first non-empty row, and nothing is lost.
    const fallback = await openTableFile(path, { isHeader, headerSearchRows: 2 });
    expect(fallback.header).toEqual(['2026年会员花名册']);
    const all: TableRow[] = [];
    for await (const row of fallback.rows) all.push(row);
    expect(all.map((row) => row.rowNumber)).toEqual([1, 2, 3]);
  });

  it('refuses a file whose first 64 KB hold no line break', async () => {
    const path = await writeBytes(temp.file('one-line.csv'), 'x'.repeat(70_000));
    await expect(openTableFile(path)).rejects.toMatchObject({ code: 'NO_HEADER', message: expect.stringContaining('无法识别表头') });
  });

  it('refuses a file with only empty lines', async () => {
    const path = await writeBytes(temp.file('blank.csv'), '\r\n,,\r\n  \r\n');
    await expect(openTableFile(path)).rejects.toMatchObject({ code: 'NO_HEADER' });
  });
});
