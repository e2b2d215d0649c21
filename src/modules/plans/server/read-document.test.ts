import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allMeasures } from '../contract';
import { parsePlan } from '../parse/parse-plan';
import { buildScannedPdf, buildZip, encodeGbk } from './fixtures/build-fixtures';
import { documentXmlText, pdfLines, readDocument } from './read-document';

const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;
const SEED_1_TXT = join(FIXTURES, 'seed-1-fed-2023-15-measures.txt');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plan-document-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, data: Buffer | string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, data);
  return path;
}

/** What a reader must get right for the parser: every measure’s number, title and targets (sources without whitespace). */
function measuresOf(text: string) {
  return allMeasures(parsePlan(text).sections).map((measure) => ({
    no: measure.no,
    title: measure.title,
    targets: measure.targets.map((target) => ({ ...target, source: target.source.replace(/\s/g, '') })),
  }));
}

describe('readDocument', () => {
  let expected: ReturnType<typeof measuresOf>;
  let seedText: string;
  beforeAll(async () => {
    seedText = await readFile(SEED_1_TXT, 'utf8');
    expected = measuresOf(seedText);
    expect(expected).toHaveLength(15);
  });

  it('reads .txt as UTF-8, with or without a BOM, as UTF-16 with a BOM, and as GB18030', async () => {
    expect(await readDocument(SEED_1_TXT)).toEqual({ kind: 'txt', encoding: 'utf-8', text: seedText });
    const bom = await readDocument(await file('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seedText)])));
    expect(bom.text).toBe(seedText);
    const utf16 = await readDocument(await file('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seedText, 'utf16le')])));
    expect(utf16).toMatchObject({ encoding: 'utf-16le' });
    expect(utf16.text.replace(/^\ufeff/, '')).toBe(seedText);
    // GB18030 text is not valid UTF-8: the reader notices and decodes it as GB18030.
    const gb = await readDocument(await file('gb.txt', encodeGbk(seedText.replace(/·/g, '-'))));
    expect(gb).toMatchObject({ kind: 'txt', encoding: 'gb18030' });
    expect(measuresOf(gb.text)).toEqual(measuresOf(seedText.replace(/·/g, '-')));
  });

  it('reads the .docx of seed 1 (runs, proofing marks, a soft line break, a field code, a tracked deletion) to the same measures', async () => {
    const docx = await readDocument(join(FIXTURES, 'seed-1.docx'));
    expect(docx.kind).toBe('docx');
    expect(docx.text).not.toContain('PAGE');
    expect(docx.text).not.toContain('已删除的文字');
    expect(docx.text).toContain('陕工办发〔2023〕12号');
    expect(measuresOf(docx.text)).toEqual(expected);
    expect(parsePlan(docx.text).meta).toEqual(parsePlan(seedText).meta);
  });

  it('reads the text layer of seed 1’s PDF (5 pages, lines wrapped at 28 characters, pieces out of order, page numbers) to the same measures', async () => {
    const pdf = await readDocument(join(FIXTURES, 'seed-1.pdf'));
    expect(pdf).toMatchObject({ kind: 'pdf', pages: 5 });
    expect(pdf.text).toContain('— 2 —');
    expect(measuresOf(pdf.text)).toEqual(expected);
    expect(parsePlan(pdf.text).meta).toEqual(parsePlan(seedText).meta);
  });

  it('refuses a PNG, an empty file, an old .doc, a workbook, a corrupt PDF and an oversized file, saying what to upload', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.alloc(64)]);
    await expect(readDocument(await file('plan.txt', png))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'file',
      message: '不支持的文件类型：请上传 .txt、.docx 或带文字层的 .pdf 文件',
    });
    await expect(readDocument(await file('empty.docx', ''))).rejects.toMatchObject({ field: 'file', message: '文件是空的，请检查上传的文件' });
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    await expect(readDocument(await file('old.doc', ole))).rejects.toMatchObject({ message: expect.stringContaining('另存为 .docx') });
    const workbook = buildZip([{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }]);
    await expect(readDocument(await file('book.docx', workbook))).rejects.toMatchObject({ message: expect.stringContaining('这是 Excel 表格') });
    await expect(readDocument(await file('broken.pdf', '%PDF-1.4\n这不是 PDF'))).rejects.toMatchObject({ message: expect.stringContaining('无法读取 PDF') });
    await expect(readDocument(SEED_1_TXT, { maxFileBytes: 1024 })).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: '文件超过 1 KB（当前 7 KB），请上传正文文件' });
    await expect(readDocument(join(dir, 'missing.txt'))).rejects.toMatchObject({ field: 'file', message: expect.stringContaining('无法读取文件') });
  });

  it('refuses a zip bomb before inflating it, and a ZIP whose directory lies about a part’s size', async () => {
    const bomb = buildZip([{ name: 'word/document.xml', data: Buffer.alloc(16 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(100 * 1024);
    await expect(readDocument(await file('bomb.docx', bomb))).rejects.toMatchObject({ message: expect.stringContaining('压缩比异常') });
    const declared = buildZip([{ name: 'word/document.xml', data: Buffer.from('<w:p/>'), declaredSize: 1024 * 1024 * 1024 }]);
    await expect(readDocument(await file('declared.docx', declared))).rejects.toMatchObject({ message: expect.stringContaining('压缩比异常') });
    const liar = buildZip([{ name: 'word/document.xml', data: Buffer.from('<w:p><w:t>正文内容比目录声明的长</w:t></w:p>'.repeat(50)), declaredSize: 100 }]);
    await expect(readDocument(await file('liar.docx', liar))).rejects.toMatchObject({ message: expect.stringMatching(/^不是有效的 \.docx 文件（word\/document\.xml /) });
    await expect(readDocument(await file('cut.docx', bomb.subarray(0, 2000)))).rejects.toMatchObject({ message: expect.stringContaining('不是有效的 .docx 文件') });
  });

  it('refuses a scanned PDF (no text layer) and a PDF over the page limit', async () => {
    await expect(readDocument(await file('scan.pdf', buildScannedPdf()))).rejects.toMatchObject({
      field: 'file',
      message: 'PDF 没有文字层（可能是扫描件），无法读取文字：请上传原始 Word 文档（.docx）或可复制文字的 PDF',
    });
    await expect(readDocument(join(FIXTURES, 'seed-1.pdf'), { maxPdfPages: 2 })).rejects.toMatchObject({ message: 'PDF 超过 2 页（共 5 页），请只上传正文' });
  });
});

describe('document.xml text', () => {
  it('makes paragraphs lines; runs, tabs and breaks text; skips deletions and field codes; decodes entities', () => {
    const xml =
      '<w:document><w:body><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>关于</w:t></w:r><w:r><w:t xml:space="preserve">A&amp;B </w:t></w:r><w:r><w:tab/><w:t>&#x4E2D;&#25991;</w:t></w:r></w:p>' +
      '<w:p/><w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t></w:r><w:del><w:r><w:delText>删掉</w:delText></w:r></w:del><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:t/></w:r></w:p></w:body></w:document>';
    expect(documentXmlText(xml)).toBe('关于A&B  中文\n\n第一行\n第二行');
  });
});

describe('PDF text pieces to lines', () => {
  it('groups pieces by baseline (within half a line), reads each line left to right and lines top to bottom', () => {
    const piece = (str: string, x: number, y: number, width = str.length * 16) => ({ str, x, y, height: 16, width });
    expect(pdfLines([piece('第二行右半', 200, 700), piece('第一行', 80, 760), piece('第二行', 80, 701.5, 96), piece('页脚', 280, 40), piece('English', 400, 760, 50)])).toEqual([
      '第一行 English',
      '第二行 第二行右半',
      '页脚',
    ]);
  });
});
