/**
 * From a document's raw text to its logical lines: one heading, paragraph or
 * metadata line each. Undoes what copying, Word and PDF extraction do to a
 * document: full-width digits and letters, odd spaces, page numbers, lines
 * broken mid-sentence (seed 2 is broken every ~30 characters, with a blank
 * line between each), markdown `#`. Everything is a single pass or a sort of
 * line widths: linear in the text (plus n log n in the number of lines).
 */
import { startsWithHeading } from './headings';
import { endsSentence, isPageNumberLine, isStandaloneLine, isTitleLine, ISSUER_HEAD, MAX_SHAPE_LINE, NOTICE_TITLE } from './line-shapes';

// U+3000 ideographic space, NBSP, en/em/thin spaces and the like all become a plain space.
const SPACES = /[\t\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
// Zero-width characters and the BOM carry nothing.
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/**
 * Full-width forms whose half-width form means the same: digits, Latin
 * letters, ％ ＋ ＝ ／ ． (FF10–FF19, FF21–FF3A, FF41–FF5A, …). Chinese
 * punctuation （ ） ， ： “ ” stays as written: it is part of names and
 * quotations (各市（区）总工会).
 */
const HALF_WIDTH_MEANS_THE_SAME = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff05\uff0b\uff1d\uff0f\uff0e]/g;

export function toHalfWidth(text: string): string {
  return text.replace(HALF_WIDTH_MEANS_THE_SAME, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
}

/**
 * One space where the text had any run of spaces, and none at all next to a
 * Chinese character or mark: PDF and Word put spaces around digits in
 * running Chinese text ("2022 年 3 月", "举办 10 项") that no reader sees as
 * words. Between two Latin letters or digits a space is kept ("Office 365").
 */
export function collapseSpaces(line: string): string {
  if (!line.includes(' ')) return line;
  return line.replace(/ +/g, ' ').replace(/(?<![\x21-\x7e]) | (?![\x21-\x7e])/g, '');
}

/** Display width: Chinese characters and full-width marks count two. */
export function displayWidth(line: string): number {
  let width = 0;
  for (let i = 0; i < line.length; i++) width += line.charCodeAt(i) >= 0x2e80 ? 2 : 1;
  return width;
}

type PhysicalLine = { text: string; hard: boolean };

/** Raw text to cleaned physical lines; markdown headings are kept as hard boundaries, `#` stripped. */
function physicalLines(text: string): PhysicalLine[] {
  const lines: PhysicalLine[] = [];
  const cleaned = toHalfWidth(text.replace(INVISIBLE, '').replace(SPACES, ' '));
  for (const raw of cleaned.split(/\r\n|\r|\n|\f|\u2028|\u2029/)) {
    let line = raw.trim();
    let hard = false;
    const markdown = /^#{1,6}(?: |(?=[^#\s]))/.exec(line);
    if (markdown) {
      line = line.slice(markdown[0].length).trim();
      hard = true;
    }
    line = collapseSpaces(line);
    if (line === '' || isPageNumberLine(line)) continue;
    lines.push({ text: line, hard });
  }
  return lines;
}

/** The width a PDF wrapped its lines at: the 75th percentile of line widths. */
function wrapWidth(lines: readonly PhysicalLine[]): number {
  if (lines.length === 0) return 0;
  const widths = lines.map((line) => displayWidth(line.text)).sort((a, b) => a - b);
  return widths[Math.floor((widths.length - 1) * 0.75)] ?? 0;
}

const SENTENCE_END_MARK = /[。！？；：!?;:…]/;
const hasAnyTerminal = (line: string) => SENTENCE_END_MARK.test(line);

/** Metadata lines that never continue into the next: 发文机关标志, the notice title, the plan title. */
function closesItself(line: string): boolean {
  if (line.length > MAX_SHAPE_LINE) return false;
  return ISSUER_HEAD.test(line) || NOTICE_TITLE.test(line) || isStandaloneLine(line);
}

/** A line that starts something of its own: a heading, a markdown line, a metadata line. */
const isBoundary = (line: PhysicalLine) => line.hard || startsWithHeading(line.text) || closesItself(line.text);

/**
 * Whether line `index + 1` continues the sentence line `index` left open.
 * Blank lines between them do not count (seed 2 has one after every line,
 * seed 1 one inside measure 9). Never when the previous line ends a sentence
 * or is a title or metadata line, or the next starts a heading or metadata.
 * Otherwise body text runs on: a paragraph line that ends mid-sentence is
 * continued by the next. A heading line is continued only when it is visibly
 * cut — its block already holds a finished sentence, it is as wide as the
 * page's wrapped lines, or no sentence ends between it and the next heading
 * (a heading cut in pieces; a paragraph under a short heading would end its
 * sentences).
 */
function continues(lines: readonly PhysicalLine[], index: number, context: JoinContext): boolean {
  const previous = lines[index]!;
  const next = lines[index + 1]!;
  if (isBoundary(next) || previous.hard || endsSentence(previous.text) || closesItself(previous.text)) return false;
  if (context.blockHasSentenceEnd) return true;
  // A title (…工作要点, …15条措施) ends its block; inside a paragraph the same words are just words.
  if (isTitleLine(previous.text) && !startsWithHeading(previous.text)) return false;
  if (!context.blockIsHeading) return true;
  if (displayWidth(previous.text) >= context.fullWidth) return true;
  return !context.sentenceEndAhead[index + 1];
}

type JoinContext = { fullWidth: number; blockHasSentenceEnd: boolean; blockIsHeading: boolean; sentenceEndAhead: Uint8Array };

/**
 * The document's logical lines: headings, paragraphs and metadata lines,
 * each whole, trimmed, with half-width digits and no stray spaces.
 */
export function normalizeText(text: string): string[] {
  const lines = physicalLines(text);
  // sentenceEndAhead[i]: a sentence ends in lines i… before the next heading or metadata line (one backward pass).
  const sentenceEndAhead = new Uint8Array(lines.length + 1);
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    sentenceEndAhead[i] = isBoundary(line) ? 0 : hasAnyTerminal(line.text) ? 1 : sentenceEndAhead[i + 1]!;
  }
  // A line this wide (80% of the usual) is one the page wrapped, not one the author ended.
  const context: JoinContext = {
    fullWidth: Math.max(16, Math.floor(wrapWidth(lines) * 0.8)),
    blockHasSentenceEnd: false,
    blockIsHeading: false,
    sentenceEndAhead,
  };
  const blocks: string[] = [];
  let current: string | null = null;
  lines.forEach((line, index) => {
    if (current !== null && index > 0 && continues(lines, index - 1, context)) {
      // Chinese has no spaces between words, and a figure cut by the page is one figure (20|23年):
      // a space is put back only between two Latin letters, where an English line was wrapped.
      // (The previous line's end is read, not the block's: reading a growing string flattens it every time.)
      current += /[A-Za-z]$/.test(lines[index - 1]!.text) && /^[A-Za-z]/.test(line.text) ? ` ${line.text}` : line.text;
      context.blockHasSentenceEnd ||= hasAnyTerminal(line.text);
    } else {
      if (current !== null) blocks.push(current);
      current = line.text;
      context.blockHasSentenceEnd = hasAnyTerminal(line.text);
      context.blockIsHeading = startsWithHeading(line.text);
    }
  });
  if (current !== null) blocks.push(current);
  return blocks;
}
