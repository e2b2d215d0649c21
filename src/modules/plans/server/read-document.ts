/**
 * The text of an uploaded work-plan document: .txt (UTF-8 with or without
 * BOM, UTF-16 with BOM, or GB18030), .docx (word/document.xml) or .pdf with a
 * text layer. The type comes from the file's first bytes, never its name;
 * size, ZIP directory and PDF page count are checked before any content is
 * decoded. Every refusal is an AppError with a Chinese message on the `file`
 * field saying what to upload instead.
 */
import { createRequire } from 'node:module';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { AppError } from '../../../core/http/errors';
import { fileSignature } from '../../../core/files/file-signature';
import { entryDataOffset, readZipDirectory, readZipEntry, ZipFormatError, type ZipEntry } from '../../../core/files/zip-directory';
import { ensureDomMatrix } from './affine-matrix';

export type DocumentKind = 'txt' | 'docx' | 'pdf';

export type DocumentText = { kind: DocumentKind; text: string; encoding?: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030'; pages?: number };

/** Bounds on what an uploaded document may make the server do. */
export type DocumentLimits = {
  /** The uploaded file, checked before anything is read. A plan is a few pages; 20 MB holds a PDF with images. */
  maxFileBytes: number;
  /** .docx: declared size of word/document.xml once inflated. */
  maxDocumentXmlBytes: number;
  /** .pdf: pages read (a work plan has tens). */
  maxPdfPages: number;
};

const MB = 1024 * 1024;

export const DEFAULT_DOCUMENT_LIMITS: DocumentLimits = {
  maxFileBytes: 20 * MB,
  maxDocumentXmlBytes: 64 * MB,
  maxPdfPages: 500,
};

// Zip-bomb rule, as for member tables (members/server/import/table-limits.ts): an entry this
// large that compressed better than this ratio is refused before it is inflated.
const BOMB_MIN_ENTRY_BYTES = 10 * MB;
const BOMB_MAX_RATIO = 200;
const FLAG_ENCRYPTED = 0x0001;
const DOCUMENT_XML = 'word/document.xml';

const SNIFF_BYTES = 8 * 1024;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

const UNSUPPORTED = '不支持的文件类型：请上传 .txt、.docx 或带文字层的 .pdf 文件';

const refuse = (message: string) => new AppError('VALIDATION_FAILED', message, { field: 'file' });

const formatSize = (bytes: number) => (bytes >= MB ? `${Math.round((bytes / MB) * 10) / 10} MB` : `${Math.ceil(bytes / 1024)} KB`);

function startsWith(buffer: Buffer, prefix: Buffer): boolean {
  return buffer.length >= prefix.length && buffer.subarray(0, prefix.length).equals(prefix);
}

/** Reads the document at `path` and returns its text, or refuses it with a Chinese message. */
export async function readDocument(path: string, overrides: Partial<DocumentLimits> = {}): Promise<DocumentText> {
  const limits = { ...DEFAULT_DOCUMENT_LIMITS, ...overrides };
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw refuse('无法读取文件：文件不存在或没有读取权限');
  }
  if (size > limits.maxFileBytes) {
    throw new AppError('PAYLOAD_TOO_LARGE', `文件超过 ${formatSize(limits.maxFileBytes)}（当前 ${formatSize(size)}），请上传正文文件`, {
      field: 'file',
    });
  }
  if (size === 0) throw refuse('文件是空的，请检查上传的文件');
  const handle = await open(path, 'r');
  try {
    const { buffer: head, bytesRead } = await handle.read(Buffer.alloc(Math.min(size, SNIFF_BYTES)), 0, Math.min(size, SNIFF_BYTES), 0);
    const sniff = head.subarray(0, bytesRead);
    const signature = fileSignature(sniff);
    if (signature === 'pdf') return await readPdf(await readWhole(handle, size), limits);
    if (signature === 'zip') return { kind: 'docx', text: await readDocx(handle, size, limits) };
    if (signature === 'ole2') {
      throw refuse('这是旧版 Word（.doc）文件或加密的 Office 文件，请在 Word 中另存为 .docx 后再上传');
    }
    const utf16 = utf16Bom(sniff);
    // Any text but UTF-16 has no NUL byte; images, archives and executables do.
    if (utf16 === null && sniff.includes(0)) throw refuse(UNSUPPORTED);
    return decodeText(await readWhole(handle, size), utf16);
  } finally {
    await handle.close();
  }
}

async function readWhole(handle: FileHandle, size: number): Promise<Buffer> {
  const buffer = Buffer.alloc(size);
  let read = 0;
  while (read < size) {
    const { bytesRead } = await handle.read(buffer, read, size - read, read);
    if (bytesRead === 0) break;
    read += bytesRead;
  }
  return buffer.subarray(0, read);
}

function utf16Bom(head: Buffer): 'utf-16le' | 'utf-16be' | null {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return null;
}

/** UTF-8 (BOM dropped) when the bytes are valid UTF-8, else GB18030 (which decodes GBK and GB2312 too). */
export function decodeText(bytes: Buffer, utf16: 'utf-16le' | 'utf-16be' | null = utf16Bom(bytes)): DocumentText {
  if (utf16 !== null) return { kind: 'txt', encoding: utf16, text: new TextDecoder(utf16).decode(bytes) };
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
  try {
    return { kind: 'txt', encoding: 'utf-8', text: new TextDecoder('utf-8', { fatal: true }).decode(body) };
  } catch {
    const text = new TextDecoder('gb18030').decode(bytes);
    if (text.includes('\ufffd')) throw refuse('无法识别文本文件的编码：请另存为 UTF-8 编码的 .txt 后再上传');
    return { kind: 'txt', encoding: 'gb18030', text };
  }
}

// ---- .docx ----------------------------------------------------------------

/** The body of a .docx as text, one line per paragraph (ECMA-376 Part 1 §17.3.1.22 w:p). */
async function readDocx(handle: FileHandle, size: number, limits: DocumentLimits): Promise<string> {
  let entries: ZipEntry[];
  let directoryOffset: number;
  try {
    ({ entries, centralDirectoryOffset: directoryOffset } = await readZipDirectory(handle, size));
  } catch (error) {
    throw asRefusal(error);
  }
  const document = entries.find((entry) => entry.name === DOCUMENT_XML);
  if (!document) {
    if (entries.some((entry) => entry.name.startsWith('xl/'))) throw refuse('这是 Excel 表格，不是 Word 文档：' + UNSUPPORTED);
    throw refuse(UNSUPPORTED);
  }
  for (const entry of entries) {
    if (entry.uncompressedSize > BOMB_MIN_ENTRY_BYTES && entry.uncompressedSize > entry.compressedSize * BOMB_MAX_RATIO) {
      throw refuse(`文件中的 ${entry.name} 压缩比异常（解压后 ${formatSize(entry.uncompressedSize)}），可能是恶意构造的文件，已拒绝`);
    }
  }
  if (document.flags & FLAG_ENCRYPTED) throw refuse('Word 文档已加密，请取消密码保护后再上传');
  if (document.uncompressedSize > limits.maxDocumentXmlBytes) {
    throw refuse(`Word 文档正文解压后超过 ${formatSize(limits.maxDocumentXmlBytes)}，可能是恶意构造的文件，已拒绝`);
  }
  let xml: string;
  try {
    xml = (await readZipEntry(handle, document, await entryDataOffset(handle, document, directoryOffset))).toString('utf8');
  } catch (error) {
    throw asRefusal(error);
  }
  return documentXmlText(xml);
}

function asRefusal(error: unknown): unknown {
  return error instanceof ZipFormatError ? refuse(`不是有效的 .docx 文件（${error.detail}），请在 Word 中重新另存为 .docx 后再上传`) : error;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|amp|lt|gt|quot|apos);/g, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? whole;
  });
}

// The tags that carry text or structure; everything else (properties, field codes, deleted text) is skipped.
const TAG = /<(\/?)(w:p|w:t|w:tab|w:br|w:cr|w:delText|w:instrText|w:noBreakHyphen)(?=[\s>/])([^>]*)>/g;

/**
 * Paragraphs → lines; text runs `w:t` → text; `w:tab` → a space, `w:br` and
 * `w:cr` → a line break; `w:delText` (tracked deletions) and `w:instrText`
 * (field codes) are not text a reader sees. One pass over the XML.
 */
export function documentXmlText(xml: string): string {
  const out: string[] = [];
  let line = '';
  let inText = false;
  let textStart = 0;
  for (const match of xml.matchAll(TAG)) {
    const [whole, closing, tag, attributes] = match;
    const selfClosing = attributes?.endsWith('/') ?? false;
    if (tag === 'w:t') {
      if (closing) {
        if (inText) line += decodeEntities(xml.slice(textStart, match.index));
        inText = false;
      } else if (!selfClosing) {
        inText = true;
        textStart = match.index + whole.length;
      }
    } else if (tag === 'w:tab' && !closing) {
      line += ' ';
    } else if ((tag === 'w:br' || tag === 'w:cr') && !closing) {
      line += '\n';
    } else if (tag === 'w:noBreakHyphen' && !closing) {
      line += '-';
    } else if (tag === 'w:p' && (closing || selfClosing)) {
      out.push(line);
      line = '';
    }
  }
  if (line !== '') out.push(line);
  return out.join('\n');
}

// ---- .pdf -----------------------------------------------------------------

type PdfTextItem = { str: string; x: number; y: number; height: number; width: number };

// pdfjs-dist's legacy build runs in Node 20; text extraction needs no canvas (see affine-matrix.ts). The
// predefined CJK CMaps (UniGB-UCS2-H and the like, ISO 32000-1 §9.7.5.2) and the standard font
// data ship in the package; without them Chinese text in PDFs that do not embed their fonts is lost.
const require = createRequire(import.meta.url);
const PDFJS_ROOT = dirname(require.resolve('pdfjs-dist/package.json'));
const CMAP_URL = `${join(PDFJS_ROOT, 'cmaps')}/`;
const STANDARD_FONTS_URL = `${join(PDFJS_ROOT, 'standard_fonts')}/`;

type PdfJs = typeof PdfJsModule;
let pdfjs: Promise<PdfJs> | null = null;
const loadPdfJs = () => {
  // pdfjs-dist 5 builds a DOMMatrix as it loads; Node has none without the native canvas package.
  ensureDomMatrix();
  return (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));
};

async function readPdf(bytes: Buffer, limits: DocumentLimits): Promise<DocumentText> {
  const { getDocument } = await loadPdfJs();
  const task = getDocument({
    data: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    cMapUrl: CMAP_URL,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONTS_URL,
    // Never compile font programs to JavaScript (CVE-2024-4367), never touch system fonts or the DOM.
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  try {
    let document;
    try {
      document = await task.promise;
    } catch (error) {
      // pdfjs names its errors (PasswordException is not exported by every build).
      if (error instanceof Error && error.name === 'PasswordException') throw refuse('PDF 已加密，请取消密码保护后再上传');
      throw refuse('无法读取 PDF：文件已损坏或格式不正确，请重新导出 PDF 或上传 .docx');
    }
    if (document.numPages > limits.maxPdfPages) {
      throw refuse(`PDF 超过 ${limits.maxPdfPages} 页（共 ${document.numPages} 页），请只上传正文`);
    }
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const items: PdfTextItem[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        items.push({ str: item.str, x: item.transform[4] as number, y: item.transform[5] as number, height: Math.abs(item.height || (item.transform[3] as number)), width: item.width });
      }
      pages.push(pdfLines(items).join('\n'));
      page.cleanup();
    }
    const text = pages.join('\n\f');
    if (text.replace(/[\s\f]/g, '').length === 0) {
      throw refuse('PDF 没有文字层（可能是扫描件），无法读取文字：请上传原始 Word 文档（.docx）或可复制文字的 PDF');
    }
    return { kind: 'pdf', text, pages: document.numPages };
  } finally {
    await task.destroy();
  }
}

/**
 * Text pieces as lines: pieces whose baselines lie within half a line height
 * form one line, read left to right; lines top to bottom. Content-stream
 * order is not reading order (headers, columns, pieces written out of order).
 */
export function pdfLines(items: readonly PdfTextItem[]): string[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; height: number; items: PdfTextItem[] }[] = [];
  for (const item of sorted) {
    const line = lines.at(-1);
    if (line && Math.abs(line.y - item.y) <= Math.max(line.height, item.height, 1) / 2) line.items.push(item);
    else lines.push({ y: item.y, height: item.height, items: [item] });
  }
  return lines.map((line) => {
    const pieces = line.items.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    for (const piece of pieces) {
      // A visible gap (over a third of the font size) is a space; normalisation drops it between Chinese characters.
      if (text !== '' && piece.x - end > Math.max(piece.height, 1) / 3) text += ' ';
      text += piece.str;
      end = piece.x + piece.width;
    }
    return text;
  });
}
