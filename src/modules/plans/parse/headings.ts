/**
 * Heading markers (序号) and the outline they make. GB/T 9704-2012 §7.3.3
 * orders them 一、 → （一） → 1. → （1）, but documents mix them freely
 * (1、 for 1., (一) for （一）, 第X条 articles, 第X章 chapters), so the
 * hierarchy is taken from the order in which styles first appear in the
 * document: a style not seen before opens a level under the current one; a
 * style already open closes everything below it.
 */
import { parseChineseInteger } from './chinese-numbers';

export type HeadingStyle =
  | 'chapter' // 第一章
  | 'part' // 第一部分, 第一节
  | 'article' // 第一条
  | 'cn-dun' // 一、
  | 'cn-paren' // （一） (一)
  | 'digit-dot' // 1. 1、 1．
  | 'digit-paren' // （1） (1)
  | 'digit-half' // 1） 1)
  | 'circled'; // ①

export type HeadingMarker = {
  style: HeadingStyle;
  /** The number as written: "一", "1", "三" (of 第三条). */
  label: string;
  value: number;
  /** The marker as written: "1.", "（一）", "第三条". */
  raw: string;
  /** The line after the marker. */
  rest: string;
};

const CN = '[一二三四五六七八九十百零〇两]';

const PATTERNS: readonly { style: HeadingStyle | 'ordinal'; pattern: RegExp }[] = [
  // 第三条 then U+3000 then 加强…: the separator is a full-width space that normalisation removes, so none is required.
  { style: 'ordinal', pattern: new RegExp(`^第(${CN}{1,6}|\\d{1,4}) ?(部分|章|节|条)[ 、：:]?`) },
  // 一、 but not 一、二级 (a list of ordinals) — the 、 must not lead into another numeral.
  { style: 'cn-dun', pattern: new RegExp(`^(${CN}{1,4})[、.](?!${CN}[级类等档、])`) },
  { style: 'cn-paren', pattern: new RegExp(`^[（(](${CN}{1,4})[）)]`) },
  // 1. 1、 but not 1.5万 or 3、4月: no digit after the mark.
  { style: 'digit-dot', pattern: /^(\d{1,3})[.、．](?![\d一二三四五六七八九十])/ },
  { style: 'digit-paren', pattern: /^[（(](\d{1,3})[）)]/ },
  { style: 'digit-half', pattern: /^(\d{1,3})[）)](?!\d)/ },
  { style: 'circled', pattern: /^([\u2460-\u2473])/ },
];

const ORDINAL_STYLE: Readonly<Record<string, HeadingStyle>> = { 章: 'chapter', 节: 'part', 部分: 'part', 条: 'article' };

/** The heading marker a (normalised) line starts with, or null. */
export function matchHeading(line: string): HeadingMarker | null {
  for (const { style, pattern } of PATTERNS) {
    const match = pattern.exec(line);
    if (!match?.[1]) continue;
    const label = match[1];
    const value =
      style === 'circled' ? label.charCodeAt(0) - 0x2460 + 1 : /^\d+$/.test(label) ? Number(label) : parseChineseInteger(label);
    if (value === null || value <= 0) continue;
    const resolved = style === 'ordinal' ? (ORDINAL_STYLE[match[2] ?? ''] ?? 'article') : style;
    return { style: resolved, label, value, raw: match[0].trim(), rest: line.slice(match[0].length).trim() };
  }
  return null;
}

export const startsWithHeading = (line: string): boolean => matchHeading(line) !== null;

export type OutlineNode = {
  /** null for the root (the text before the first heading). */
  marker: HeadingMarker | null;
  /** The heading line after its marker, then the paragraphs before the first child heading. */
  lines: string[];
  children: OutlineNode[];
};

/** The heading tree of a document's logical lines; paragraphs belong to the heading above them. */
export function buildOutline(lines: readonly string[]): OutlineNode {
  const root: OutlineNode = { marker: null, lines: [], children: [] };
  // Open headings from the outermost; each style appears at most once in the chain.
  const open: OutlineNode[] = [];
  for (const line of lines) {
    const marker = matchHeading(line);
    if (marker === null) {
      const current = open.at(-1) ?? root;
      // Text after a heading's children belongs to the last child chain: keep it with the deepest open node.
      current.lines.push(line);
      continue;
    }
    const sameStyle = open.findIndex((node) => node.marker?.style === marker.style);
    if (sameStyle >= 0) open.length = sameStyle;
    const parent = open.at(-1) ?? root;
    const node: OutlineNode = { marker, lines: marker.rest === '' ? [] : [marker.rest], children: [] };
    parent.children.push(node);
    open.push(node);
  }
  return root;
}
