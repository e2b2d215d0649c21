/**
 * The shapes of the lines an official document (党政机关公文, GB/T 9704-2012
 * 《党政机关公文格式》) is made of, besides its body: 发文机关标志 ("…文件"),
 * 发文字号, 标题, 主送机关, 成文日期, 印发机关和印发日期, and page numbers.
 * Shared by the line joiner (such lines stand alone) and the metadata reader.
 * Every test here runs on one normalised line (see normalize-text.ts) and only
 * on short lines, so none can take more than linear time.
 */

/** Lines longer than this are body text, whatever they look like. */
export const MAX_SHAPE_LINE = 200;

/** 发文字号: 机关代字 + 〔年份〕 + 序号 + 号; any of [ ] 〔 〕 ( ) （ ） 【 】 and stray spaces. */
export const DOC_NUMBER = /^([\u4e00-\u9fff]{1,16}) ?[〔[［(（【﹝] ?(\d{4}) ?[〕\]］)）】﹞] ?(\d{1,5}) ?号/;

/** A date as written in 成文日期: 2023年3月1日, 2022 年 3 月 23 日 (spaces gone), 二〇二三年三月一日. */
const DATE_PART = '([0-9〇零一二三四五六七八九]{4})年([0-9一二三四五六七八九十]{1,3})月([0-9一二三四五六七八九十]{1,3})日';
export const DATE_LINE = new RegExp(`^${DATE_PART}$`);
/** （2022年3月23日）: the date under the title of a plan adopted at a meeting or issued as an attachment. */
export const PAREN_DATE_LINE = new RegExp(`^[（(]${DATE_PART}[）)]$`);
/** 陕西省教科文卫体工会委员会2022年3月23日印发 (版记). */
export const ISSUED_LINE = new RegExp(`^(.{2,40}?)(?:${DATE_PART})?印发$`);

/** 公文种类 and the names plans go by, as the last word of a title. */
export const TITLE_ENDINGS =
  /(?:措施|要点|方案|意见|计划|规划|纲要|办法|规定|细则|清单|安排|任务|举措|决定|通知|通报|报告|总结|要求|制度|条例|规则|标准|实施方案|工作要点)$/;

/** (陕西省总工会)关于印发《…》的通知 and its kin: the covering notice of an attached plan. */
export const NOTICE_TITLE = /^(?:[^，。《》]{2,30}?)?关于(?:印发|转发|下发|发布|修订)?《(.+)》的(?:通知|通报|决定)$/;

/** "陕西省总工会办公室文件": the 发文机关标志 of a 红头 document. */
export const ISSUER_HEAD = /^(.{2,40}?)文件$/;

/** （此件发至…）, 主送：…, 抄送：… */
export const SENT_TO_LINE = /^[（(]此件(?:发至|公开发布|主动公开)(.*)[）)]$/;
export const COPY_LINE = /^(?:抄送|抄报|主题词|关键词|联系人|附件)[:：]/;

/** Words that make a line an org name (unit, department, or a set of them). */
export const ORG_WORD = /(?:工会|委员会|联合会|单位|部门|政府|办公厅|办公室|党组|党委|厅|局|委|办|公司|集团|企业|学校|院校|医院|机关)/;

/**
 * The issuing body at the start of a title: the shortest prefix ending in an
 * org suffix, extended by a following office (陕西省总工会 + 办公室).
 */
const ORG_PREFIX = /^(.{2,30}?(?:总工会|工会|联合会|委员会|人民政府|办公厅|办公室))/;
const ORG_EXTENSION = /^(?:工会委员会|委员会|办公厅|办公室|党组|机关)/;

export function orgPrefix(line: string): string | null {
  if (line.length > MAX_SHAPE_LINE || line.startsWith('关于')) return null;
  const withoutYear = line.replace(/^\d{4}年(?:度)?/, '');
  const match = ORG_PREFIX.exec(withoutYear);
  if (!match?.[1]) return null;
  let org = match[1];
  const more = ORG_EXTENSION.exec(withoutYear.slice(org.length));
  if (more) org += more[0];
  // The prefix must be a name, not a sentence that happens to contain 工会.
  return /[，。；：、《》“”]/.test(org) ? null : org;
}

/**
 * Page furniture left by PDF extraction: "— 3 —", "- 3 -", "3", "第 3 页",
 * "第3页 共5页", "3/5". Checked on the trimmed line.
 */
const PAGE_NUMBER = /^[-—–－_~·•]* ?(?:第 ?)?\d{1,4} ?(?:页)?(?: ?[/／共] ?\d{1,4} ?页?)?[-—–－_~·•]*$/;

export function isPageNumberLine(line: string): boolean {
  return line.length <= 24 && PAGE_NUMBER.test(line);
}

/** A line that is never the start or the continuation of a sentence: it stands alone. */
export function isStandaloneLine(line: string): boolean {
  if (line.length > MAX_SHAPE_LINE) return false;
  return (
    DOC_NUMBER.test(line) ||
    DATE_LINE.test(line) ||
    PAREN_DATE_LINE.test(line) ||
    SENT_TO_LINE.test(line) ||
    COPY_LINE.test(line) ||
    (line.endsWith('印发') && ISSUED_LINE.test(line)) ||
    (isWhollyBracketed(line) && !/^[（(][一二三四五六七八九十\d]{1,3}[）)]/.test(line))
  );
}

const isWhollyBracketed = (line: string) => (line.startsWith('（') && line.endsWith('）')) || (line.startsWith('(') && line.endsWith(')'));

/** A title-like line: no sentence punctuation and a document word at its end. */
export function isTitleLine(line: string): boolean {
  return line.length <= 80 && !/[。，；：！？]/.test(line) && TITLE_ENDINGS.test(line);
}

/** Sentence ends: 。！？；：and their ASCII forms, and an ellipsis. */
export const TERMINAL = new Set(['。', '！', '？', '；', '：', '!', '?', ';', ':', '…']);
/** Closing marks that may follow a sentence's end: “…。” （…。） */
export const CLOSERS = new Set(['”', '’', '）', ')', '》', '」', '』', '"', "'", '】']);

/** Whether the line ends a sentence, looking through closing quotes and brackets. */
export function endsSentence(line: string): boolean {
  for (let i = line.length - 1; i >= 0; i--) {
    const char = line[i]!;
    if (TERMINAL.has(char)) return true;
    if (!CLOSERS.has(char)) return false;
  }
  return false;
}
