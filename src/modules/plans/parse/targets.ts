/**
 * Quantified targets inside a measure's text: "2023年继续评选40名“三秦工匠”"
 * → 40 人 三秦工匠, exact, 2023. A number is a target only when a unit
 * follows it; years, dates, ordinals (第二届, 十四届七次), levels (三级, 二类),
 * quoted slogans (“三个年”, “十百千万”), titles in 《》 and document numbers
 * in 〔〕 are not. Each target keeps the sentence it came from.
 *
 * Every step looks at a bounded window around a number, and the number scan
 * is one pass: linear in the text.
 */
import type { TPlanTarget, TTargetComparator } from '../draft-contract';
import { parseNumber, parsePercentWords } from './chinese-numbers';
import {
  LEADING_ADVERBS,
  LEADING_VERBS,
  NOT_A_QUANTITY_AFTER,
  NOT_COUNTED_AFTER_UNIT,
  ORDINAL_BEFORE,
  QUALIFIERS_AFTER,
  QUALIFIERS_BEFORE,
  QUALIFIERS_INSIDE,
  RANGE_WORDS,
  SUBJECT_ENDS_BEFORE,
  UNIT_RULES,
  type Qualifier,
} from './target-vocabulary';

const NUMBER =
  /百分之[零〇一二两三四五六七八九十百千万点\d.]+|\d+(?:\.\d+)?[十百千万亿]*|[一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*(?:点[零〇一二三四五六七八九]+)?/g;
const NUMBER_AT = new RegExp(`^(?:${NUMBER.source})`);
const YEAR = /(\d{4})年/g;

const OPENERS: Readonly<Record<string, string>> = { '“': '”', '‘': '’', '《': '》', '〔': '〕', '「': '」', '『': '』', '【': '】', '[': ']' };
const STRAIGHT_QUOTES = new Set(['"', "'"]);
const CLAUSE_BREAK = new Set(['，', '；', '：', '、', ',', ';', ':', '。', '！', '？', '!', '?', '（', '）', '(', ')']);
const SUBJECT_STOP = new Set([...CLAUSE_BREAK, ' ', '“', '”', '‘', '’', '《', '》', '"', "'"]);
const CONNECTORS = /^(?:和|及|与|并|以及|或)/;
const MAX_SUBJECT = 24;
const MAX_QUOTED_SUBJECT = 30;

/** Sentences with their end mark: split at 。！？ and line ends. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    const isEnd = char === '。' || char === '！' || char === '？' || char === '!' || char === '?';
    if (isEnd || char === '\n') {
      // A closing quote or bracket right after the end mark belongs to the sentence: …落实。”
      let end = isEnd ? i + 1 : i;
      while (isEnd && end < text.length && (text[end] === '”' || text[end] === '’' || text[end] === '）')) end++;
      const sentence = text.slice(start, end).trim();
      if (sentence !== '') sentences.push(sentence);
      start = char === '\n' ? i + 1 : end;
      i = Math.max(i, end - 1);
    }
  }
  const rest = text.slice(start).trim();
  if (rest !== '') sentences.push(rest);
  return sentences;
}

/**
 * 1 for every character inside a matched pair of quotes or brackets (the
 * pair's marks included): “…” ‘…’ 《…》 〔…〕 「…」 『…』 【…】 "…" '…'.
 * An unmatched mark (a PDF cut the quote) masks nothing.
 */
function quotedMask(sentence: string): Uint8Array {
  const depth = new Int32Array(sentence.length + 1);
  const stack: { close: string; at: number }[] = [];
  const straightOpen = new Map<string, number>();
  for (let i = 0; i < sentence.length; i++) {
    const char = sentence[i]!;
    const close = OPENERS[char];
    if (close !== undefined) {
      stack.push({ close, at: i });
    } else if (STRAIGHT_QUOTES.has(char)) {
      const open = straightOpen.get(char);
      if (open === undefined) straightOpen.set(char, i);
      else {
        depth[open]! += 1;
        depth[i + 1]! -= 1;
        straightOpen.delete(char);
      }
    } else if (stack.length > 0) {
      // Close the innermost matching opener; openers it skips over were never closed.
      for (let k = stack.length - 1; k >= 0 && k >= stack.length - 4; k--) {
        if (stack[k]!.close === char) {
          depth[stack[k]!.at]! += 1;
          depth[i + 1]! -= 1;
          stack.length = k;
          break;
        }
      }
    }
  }
  const mask = new Uint8Array(sentence.length);
  let level = 0;
  for (let i = 0; i < sentence.length; i++) {
    level += depth[i]!;
    mask[i] = level > 0 ? 1 : 0;
  }
  return mask;
}

function qualifierEndingAt(text: string, end: number, words: readonly Qualifier[]): Qualifier | null {
  for (const qualifier of words) {
    if (end >= qualifier.word.length && text.startsWith(qualifier.word, end - qualifier.word.length)) return qualifier;
  }
  return null;
}

function qualifierAt(text: string, at: number, words: readonly Qualifier[]): Qualifier | null {
  return words.find((qualifier) => text.startsWith(qualifier.word, at)) ?? null;
}

const isAsciiWordChar = (char: string | undefined) => char !== undefined && /[A-Za-z0-9.]/.test(char);

/** What follows the figure: “三秦工匠”, 省级二类竞赛, …叫得响的工建品牌工作 → 工建品牌工作. */
function subjectAfter(sentence: string, at: number): string {
  const first = sentence[at];
  if (first === undefined) return '';
  const close = first === '"' || first === "'" ? first : OPENERS[first];
  if (close !== undefined) {
    const end = sentence.indexOf(close, at + 1);
    return end > at + 1 && end - at <= MAX_QUOTED_SUBJECT ? sentence.slice(at + 1, end).trim() : '';
  }
  let run = '';
  for (let i = at; i < sentence.length && run.length < MAX_SUBJECT; i++) {
    const char = sentence[i]!;
    if (SUBJECT_STOP.has(char) || /\d/.test(char)) break;
    run += char;
  }
  if (CONNECTORS.test(run)) return '';
  const verb = SUBJECT_ENDS_BEFORE.exec(run.slice(2));
  if (verb) run = run.slice(0, verb.index + 2);
  run = run.replace(/^的/, '').replace(/等$/, '');
  const of = run.lastIndexOf('的');
  if (of >= 0 && of < run.length - 1) run = run.slice(of + 1);
  return run;
}

/** What precedes the figure in its clause: 命名示范性创新工作室20个 → 示范性创新工作室; 职工入会率达到90% → 职工入会率. */
function subjectBefore(sentence: string, end: number): string {
  let start = end;
  while (start > 0 && end - start < 40 && !CLAUSE_BREAK.has(sentence[start - 1]!)) start--;
  let clause = sentence.slice(start, end).replace(/[“”‘’"'《》「」『』]/g, '');
  clause = clause.replace(/^\d{4}年(?:底|内|前|度)?/, '');
  for (let guard = 0; guard < 6; guard++) {
    const adverb = LEADING_ADVERBS.exec(clause);
    if (!adverb || adverb[0].length >= clause.length) break;
    clause = clause.slice(adverb[0].length);
  }
  // 命名示范性创新工作室 → 示范性创新工作室; two verbs at most (服务惠及职工 → 职工).
  for (let guard = 0; guard < 2; guard++) {
    const verb = LEADING_VERBS.exec(clause);
    if (!verb || clause.length - verb[0].length < 2) break;
    clause = clause.slice(verb[0].length);
  }
  clause = clause.replace(/(?:的|要|数|为|是)$/, '');
  return clause.length > MAX_SUBJECT ? clause.slice(clause.length - MAX_SUBJECT) : clause;
}

/** The year (2023年…) named before position `at` in the sentence, nearest first. */
function periodBefore(years: readonly { at: number; year: string }[], at: number): string | null {
  let found: string | null = null;
  for (const year of years) {
    if (year.at >= at) break;
    found = year.year;
  }
  return found;
}

/** Every quantified target of one sentence. */
export function sentenceTargets(sentence: string): TPlanTarget[] {
  const mask = quotedMask(sentence);
  const years: { at: number; year: string }[] = [];
  for (const match of sentence.matchAll(YEAR)) {
    const year = Number(match[1]);
    const before = sentence[match.index - 1];
    if (year >= 1949 && year <= 2100 && !(before !== undefined && /\d/.test(before))) years.push({ at: match.index, year: match[1]! });
  }
  const targets: TPlanTarget[] = [];
  // The end of the last target: the upper bound of 一至两项 is not a target of its own.
  let taken = 0;
  for (const match of sentence.matchAll(NUMBER)) {
    const start = match.index;
    const token = match[0];
    if (mask[start] === 1 || start < taken) continue;
    const previous = sentence[start - 1];
    if (previous !== undefined && (ORDINAL_BEFORE.has(previous) || (/\d/.test(token[0]!) && isAsciiWordChar(previous)))) continue;
    let end = start + token.length;
    const isPercentWords = token.startsWith('百分之');
    const value = isPercentWords ? parsePercentWords(token) : parseNumber(token);
    if (value === null || value <= 0) continue;
    if (NOT_A_QUANTITY_AFTER.test(sentence.slice(end, end + 3))) continue;

    let isRange = false;
    const rangeWord = RANGE_WORDS.find((word) => sentence.startsWith(word, end));
    if (rangeWord !== undefined) {
      const upper = NUMBER_AT.exec(sentence.slice(end + rangeWord.length, end + rangeWord.length + 12));
      if (upper && parseNumber(upper[0]) !== null) {
        isRange = true;
        end += rangeWord.length + upper[0].length;
      }
    }
    const inside = isPercentWords ? null : qualifierAt(sentence, end, QUALIFIERS_INSIDE);
    if (inside) end += inside.word.length;
    const unit = isPercentWords ? { written: '', unit: '%', factor: 1 } : UNIT_RULES.find((rule) => sentence.startsWith(rule.written, end));
    if (!unit) continue;
    end += unit.written.length;
    if ((unit.written === '个' || unit.written === '条') && NOT_COUNTED_AFTER_UNIT.test(sentence.slice(end, end + 4))) continue;
    // 一支队伍, 一批单位, 一个平台: 一 is an article there, not a figure to track.
    if (value === 1 && !/\d/.test(token) && !isRange) continue;
    const after = qualifierAt(sentence, end, QUALIFIERS_AFTER);
    if (after) end += after.word.length;
    const before = qualifierEndingAt(sentence, start, QUALIFIERS_BEFORE);

    const comparator: TTargetComparator = isRange ? 'gte' : (after?.comparator ?? inside?.comparator ?? before?.comparator ?? 'eq');
    const approx = Boolean(after?.approx || before?.approx || inside?.approx);
    const subject = subjectAfter(sentence, end) || subjectBefore(sentence, start - (before?.word.length ?? 0));
    taken = end;
    targets.push({
      value: Math.round(value * unit.factor * 1e6) / 1e6,
      approx,
      comparator,
      unit: unit.unit,
      subject,
      period: periodBefore(years, start),
      source: sentence,
    });
  }
  return targets;
}

/** The targets of a measure's text, sentence by sentence, in order. */
export function extractTargets(text: string): TPlanTarget[] {
  return splitSentences(text).flatMap(sentenceTargets);
}
