/**
 * A document's metadata from its logical lines (GB/T 9704-2012 §7: 版头,
 * 主体, 版记): issuing body, document number, date, title, recipients.
 * Returns which lines it read, so the outline does not take them for body
 * text. Pure; looks only at short lines, each with anchored patterns.
 */
import type { TPlanMeta } from '../draft-contract';
import { parseNumber } from './chinese-numbers';
import { matchHeading } from './headings';
import {
  COPY_LINE,
  DATE_LINE,
  DOC_NUMBER,
  ISSUED_LINE,
  ISSUER_HEAD,
  isTitleLine,
  MAX_SHAPE_LINE,
  NOTICE_TITLE,
  ORG_WORD,
  orgPrefix,
  PAREN_DATE_LINE,
  SENT_TO_LINE,
} from './line-shapes';

export type MetaResult = { meta: TPlanMeta; used: ReadonlySet<number> };

// The head of a document (版头 and title) is within its first lines; a body heading ends it.
const MAX_HEAD_LINES = 30;

/** 陕工办发 [ 2023 ] 12 号 → 陕工办发〔2023〕12号 (GB/T 9704-2012 §7.2.4: 六角括号, no 第, no leading zeros). */
export function normalizeDocNumber(line: string): string | null {
  if (line.length > MAX_SHAPE_LINE) return null;
  const match = DOC_NUMBER.exec(line.replace(/ /g, ''));
  if (!match) return null;
  return `${match[1]}〔${match[2]}〕${Number(match[3])}号`;
}

/** 2022年3月23日 or 二〇二三年三月一日 (in a match of DATE_LINE's parts) as 2022-03-23, if the day exists. */
function isoDate(year: string, month: string, day: string): string | null {
  const y = parseNumber(year);
  const m = parseNumber(month);
  const d = parseNumber(day);
  if (y === null || m === null || d === null || !Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (y < 1949 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  if (d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function dateOf(match: RegExpExecArray | null, offset: number): string | null {
  const [year, month, day] = [match?.[offset], match?.[offset + 1], match?.[offset + 2]];
  return year && month && day ? isoDate(year, month, day) : null;
}

/**
 * 主送机关 split into units: at ，and ；, and at 、 only before another 各…
 * (各市（区）总工会、各省级产业工会 are two lists of units; in
 * 省总各部门、直属单位 the 、 joins two kinds of unit under one 省总 and stays).
 */
export function splitRecipients(text: string): string[] {
  return text
    .replace(/^(?:主送|发至|印发至|送)[:：]?/, '')
    .replace(/[：:。]+$/, '')
    .split(/[，；,;]|、(?=各)/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** A 主送 line: ends with a colon, and each of its parts names a unit. */
function recipientsOf(line: string): string[] | null {
  if (line.length > MAX_SHAPE_LINE || !/[：:]$/.test(line) || /[。！？]/.test(line)) return null;
  const parts = splitRecipients(line);
  return parts.length > 0 && parts.every((part) => ORG_WORD.test(part) && part.length <= 40) ? parts : null;
}

/** A line that is only an org name (the 署名 above the date). */
const isOrgName = (line: string) => line.length <= 40 && ORG_WORD.test(line) && !/[，。；：！？、]/.test(line);

export function extractMeta(lines: readonly string[]): MetaResult {
  const used = new Set<number>();
  let headEnd = lines.findIndex((line) => matchHeading(line) !== null);
  if (headEnd < 0) headEnd = lines.length;
  headEnd = Math.min(headEnd, MAX_HEAD_LINES);

  let issuerHead: string | null = null;
  let docNumber: string | null = null;
  let noticeTitle: string | null = null;
  let attachedTitle: string | null = null;
  let title: string | null = null;
  let recipients: string[] | null = null;
  for (let i = 0; i < headEnd; i++) {
    const line = lines[i]!;
    if (line.length > MAX_SHAPE_LINE) continue;
    const head: RegExpExecArray | null = issuerHead === null ? ISSUER_HEAD.exec(line) : null;
    if (head?.[1] && !/[，。；：]/.test(head[1])) {
      issuerHead = head[1];
      used.add(i);
      continue;
    }
    const number: string | null = docNumber === null ? normalizeDocNumber(line) : null;
    if (number !== null && line.length <= number.length + 24) {
      docNumber = number;
      used.add(i);
      continue;
    }
    const notice: RegExpExecArray | null = noticeTitle === null ? NOTICE_TITLE.exec(line) : null;
    if (notice?.[1]) {
      noticeTitle = line;
      attachedTitle = notice[1];
      used.add(i);
      continue;
    }
    const units: string[] | null = recipients === null ? recipientsOf(line) : null;
    if (units !== null) {
      recipients = units;
      used.add(i);
      continue;
    }
    if (title === null && isTitleLine(line)) {
      title = line;
      used.add(i);
    }
  }

  let date: string | null = null;
  let signatureDate: string | null = null;
  let issuedBy: string | null = null;
  let issuedDate: string | null = null;
  let signature: string | null = null;
  let sentTo: string[] | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.length > MAX_SHAPE_LINE) continue;
    const paren = PAREN_DATE_LINE.exec(line);
    if (paren) {
      date ??= dateOf(paren, 1);
      used.add(i);
      continue;
    }
    const plain = DATE_LINE.exec(line);
    if (plain) {
      signatureDate = dateOf(plain, 1) ?? signatureDate;
      used.add(i);
      // The 署名 stands on the line above the date.
      const above = lines[i - 1];
      if (i > headEnd && above !== undefined && !used.has(i - 1) && isOrgName(above) && matchHeading(above) === null) {
        signature = above;
        used.add(i - 1);
      }
      continue;
    }
    const issued = line.endsWith('印发') ? ISSUED_LINE.exec(line) : null;
    if (issued?.[1]) {
      issuedBy = issued[1];
      issuedDate = dateOf(issued, 2);
      used.add(i);
      continue;
    }
    const sent = SENT_TO_LINE.exec(line);
    if (sent) {
      sentTo = splitRecipients(sent[1] ?? '');
      used.add(i);
      continue;
    }
    if (COPY_LINE.test(line)) used.add(i);
  }

  const planTitle = title ?? attachedTitle;
  return {
    meta: {
      title: planTitle,
      issuer: issuerHead ?? (planTitle !== null ? orgPrefix(planTitle) : null) ?? signature ?? issuedBy,
      docNumber,
      date: date ?? signatureDate ?? issuedDate,
      recipients: recipients ?? sentTo ?? [],
      noticeTitle,
    },
    used,
  };
}
