import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allMeasures, isQualitative, ZPlanDraft, type TPlanDraft, type TPlanTarget } from '../draft-contract';
import { parseNumber } from './chinese-numbers';
import { matchHeading } from './headings';
import { parsePlan } from './parse-plan';

const fixture = (name: string) => readFileSync(new URL(`../server/fixtures/${name}`, import.meta.url), 'utf8');
const SEED_1 = fixture('seed-1-fed-2023-15-measures.txt');
const SEED_2 = fixture('seed-2-jkwwt-2022-work-points.txt');
const UNSEEN = fixture('unseen-city-2024-work-points.txt');

type Row = Omit<TPlanTarget, 'source'> & { measure: string };

/** Every target of a draft with the number of its measure, source left out (asserted separately). */
function targetRows(draft: TPlanDraft): Row[] {
  return allMeasures(draft.sections).flatMap((measure) => measure.targets.map(({ source: _source, ...target }) => ({ measure: measure.no, ...target })));
}

const t = (measure: string, value: number, unit: string, subject: string, extra: Partial<Row> = {}): Row => ({
  measure,
  value,
  approx: false,
  comparator: 'eq',
  unit,
  subject,
  period: null,
  ...extra,
});

describe('parsePlan: seed 1, the federation’s 2023 "15 measures" (markdown-ish)', () => {
  const draft = parsePlan(SEED_1);

  it('answers the contract’s shape', () => {
    expect(ZPlanDraft.parse(draft)).toEqual(draft);
  });

  it('reads the metadata', () => {
    expect(draft.meta).toEqual({
      title: '陕西省总工会贯彻落实省委省政府“三个年”活动15条措施',
      issuer: '陕西省总工会办公室',
      docNumber: '陕工办发〔2023〕12号',
      date: null, // the notice as given carries no 成文日期
      recipients: ['各市（区）总工会', '各省级产业工会', '单列单位工会', '省总各部门、直属单位'],
      noticeTitle: '关于印发《陕西省总工会贯彻落实省委省政府“三个年”活动15条措施》的通知',
    });
  });

  it('finds the three sections and all 15 measures, numbered and titled', () => {
    expect(draft.sections.map(({ no, title, sections }) => ({ no, title, sections }))).toEqual([
      { no: '一', title: '助力高质量项目推进年方面', sections: undefined },
      { no: '二', title: '推进营商环境突破年方面', sections: undefined },
      { no: '三', title: '深化干部作风能力提升年方面', sections: undefined },
    ]);
    expect(draft.sections.map((section) => section.measures.map((measure) => measure.no))).toEqual([
      ['1', '2', '3', '4'],
      ['5', '6', '7', '8', '9', '10', '11', '12'],
      ['13', '14', '15'],
    ]);
    expect(allMeasures(draft.sections).map((measure) => measure.title)).toEqual([
      '创新开展劳动和技能竞赛',
      '加强工匠人才培育选树',
      '深入推进产业工人队伍建设改革走深走实',
      '扎实推进工会重点工程建设任务',
      '加大工会经费向基层工会支持力度',
      '扎实做好厂务公开民主管理工作',
      '加大工会劳动保障地方法规源头参与力度',
      '持续推进新就业形态劳动者建会入会',
      '加强职工权益保障',
      '建立完善服务职工工作体系',
      '健全困难职工家庭常态化帮扶机制',
      '加大就业帮扶和就业培训力度',
      '加强干部培训教育',
      '提升干部实践本领',
      '从严抓好作风建设',
    ]);
  });

  it('keeps each measure’s full text, mending the paragraph the seed breaks in measure 9', () => {
    const measures = allMeasures(draft.sections);
    expect(measures[3]?.text).toBe('扎实推进工会重点工程建设任务。高质量建成南泥湾劳模工匠学院并投入使用。完成陕西省工人疗养院提升改造工程。');
    expect(measures[8]?.text).toContain('开展“尊法守法·携手筑梦”服务农民工公益法律服务行动。');
    expect(measures[14]?.text.endsWith('营造风清气正的政治生态。')).toBe(true);
  });

  it('finds every quantified target of the document — four, all in measure 2 — and nothing in the ordinals and slogans', () => {
    expect(targetRows(draft)).toEqual([
      t('2', 40, '人', '三秦工匠', { period: '2023' }),
      t('2', 100, '人', '陕西产业工匠人才', { approx: true, period: '2023' }),
      t('2', 20, '个', '示范性创新工作室'),
      t('2', 5, '个', '工作室联盟'),
    ]);
    const sources = allMeasures(draft.sections)[1]!.targets.map((target) => target.source);
    expect(sources[0]).toBe('2023年继续评选40名“三秦工匠”，培育100名左右“陕西产业工匠人才”。');
    expect(sources[2]).toMatch(/^持续开展陕西省示范性劳模和工匠人才创新工作室.*命名示范性创新工作室20个，工作室联盟5个。$/);
    expect(allMeasures(draft.sections).filter(isQualitative)).toHaveLength(14);
  });
});

describe('parsePlan: seed 2, an industry union’s 2022 work points (extracted from a PDF)', () => {
  const draft = parsePlan(SEED_2);

  it('reads the metadata', () => {
    expect(draft.meta).toEqual({
      title: '陕西省教科文卫体工会2022年工作要点',
      issuer: '陕西省教科文卫体工会',
      docNumber: '陕教科文卫体工发〔2022〕9号',
      date: '2022-03-23',
      recipients: ['各市教育（科文卫体）工会', '各直属基层工会'],
      noticeTitle: null,
    });
  });

  it('finds the four sections with their titles re-joined across the broken lines', () => {
    expect(draft.sections.map((section) => [section.no, section.title])).toEqual([
      ['一', '忠诚拥护“两个确立”、坚决做到“两个维护”，切实履行职工思想引领的政治责任'],
      ['二', '紧紧围绕推动高质量发展这个中心任务，广泛凝聚奋进新征程、建功新时代的强大力量'],
      ['三', '提升维权服务质量水平，切实增强职工群众的获得感、幸福感和安全感'],
      ['四', '牢固树立改革创新意识，不断增强工会组织的影响力和凝聚力'],
    ]);
  });

  it('finds all 18 items with their titles, each under its section', () => {
    expect(draft.sections.map((section) => section.measures.map((measure) => `${measure.no}.${measure.title}`))).toEqual([
      ['1.坚持加强科学理论武装', '2.切实增强思想引领实效', '3.不断强化工会干部队伍建设'],
      ['4.推动产业工人队伍建设改革走深走实', '5.广泛深入持久开展劳动和技能竞赛', '6.大力弘扬劳模精神、劳动精神、工匠精神', '7.进一步激发职工创新创造活力'],
      ['8.深入学习宣传贯彻《工会法》', '9.切实维护劳动领域政治安全', '10.落实好广大职工的民主权利', '11.做优做强工会维权服务品牌', '12.积极开展促进职工健康活动'],
      ['13.进一步扩大组织覆盖面', '14.加强基层工会规范化建设', '15.深入开展“结对共创”活动', '16.深入开展“大调研”工作', '17.提升工会财务和经审工作质效', '18.抓好工会系统党建工作'],
    ]);
  });

  it('re-joins each item’s text whole, and leaves the 版记 out of the last item', () => {
    const measures = allMeasures(draft.sections);
    expect(measures[1]?.text).toContain('广泛开展“中国梦·劳动美——喜迎二十大建功新时代”主题宣传教育活动。');
    expect(measures[1]?.text).toContain('\n加强职工文化建设，');
    expect(measures[4]?.text).toContain('积极动员职工参与全省一类职工职业技能竞赛，举办10项省级二类竞赛。');
    expect(measures[17]?.text.endsWith('推动工会自身建设和各项工作再上新台阶。')).toBe(true);
  });

  it('finds every quantified target: 10 项省级二类竞赛, and 一至两项 工建品牌 per unit (at least one)', () => {
    expect(targetRows(draft)).toEqual([t('5', 10, '项', '省级二类竞赛'), t('15', 1, '项', '工建品牌工作', { comparator: 'gte' })]);
    expect(allMeasures(draft.sections)[4]?.targets[0]?.source).toBe('广泛开展“建功‘十四五’、奋进新征程”主题技能竞赛，积极动员职工参与全省一类职工职业技能竞赛，举办10项省级二类竞赛。');
  });
});

describe('parsePlan: a document it has never seen (a city union’s 2024 work points with 第X章, 第X条 and （1） items)', () => {
  const draft = parsePlan(UNSEEN);

  it('reads the notice around the plan', () => {
    expect(draft.meta).toEqual({
      title: '宝鸡市总工会2024年工作要点',
      issuer: '宝鸡市总工会',
      docNumber: '宝工发〔2024〕3号',
      date: '2024-02-20',
      recipients: ['各县（区）总工会', '各产业工会', '市总机关各部室、直属单位'],
      noticeTitle: '宝鸡市总工会关于印发《宝鸡市总工会2024年工作要点》的通知',
    });
  });

  it('makes chapters sections and articles measures, folding the （1） items into their article', () => {
    expect(draft.sections.map((section) => [section.no, section.title, section.measures.map((measure) => `${measure.no}:${measure.title}`)])).toEqual([
      ['一', '组织建设', ['一:扩大工会组织覆盖', '二:加强基层工会规范化建设']],
      ['二', '维权服务', ['三:深化职工技能提升', '四:做好困难职工帮扶', '五:加强劳动保障法律监督']],
      ['三', '自身建设', ['六:加强工会干部队伍建设']],
    ]);
    expect(draft.sections[0]?.measures[0]?.text.split('\n')).toEqual([
      '扩大工会组织覆盖。全年新建基层工会组织不少于200家，新发展会员1.2万人，其中新就业形态劳动者不少于3000人。',
      '（1）推动货车司机、快递员、外卖配送员等群体集中入会；',
      '（2）新建工会联合会15个以上；',
      '（3）百人以上企业建会率达到95%以上。',
    ]);
    expect(allMeasures(draft.sections).at(-1)?.text).toBe('加强工会干部队伍建设。举办工会干部培训班4期，培训工会干部300人次。选派四十名优秀工会干部到基层挂职。');
  });

  it('reads its targets: 不少于, 以上, 万人, 百分之八十, 约, 左右, 两万人次, 万元, 四十名, the year of the sentence', () => {
    expect(targetRows(draft)).toEqual([
      t('一', 200, '家', '基层工会组织', { comparator: 'gte' }),
      t('一', 12_000, '人', '会员'),
      t('一', 3000, '人', '新就业形态劳动者', { comparator: 'gte' }),
      t('一', 15, '个', '工会联合会', { comparator: 'gte' }),
      t('一', 95, '%', '百人以上企业建会率', { comparator: 'gte' }),
      t('二', 80, '%', '达标率', { comparator: 'gte' }),
      t('二', 500, '人', '基层工会主席', { approx: true }),
      t('三', 12, '项', '市级职工技能竞赛', { period: '2024' }),
      t('三', 20_000, '人次', '参赛职工', { comparator: 'gte', period: '2024' }),
      t('三', 800, '人', '高技能人才', { approx: true, period: '2024' }),
      t('四', 1500, '户', '困难职工', { comparator: 'gte' }),
      t('四', 3_000_000, '元', '金秋助学金', { comparator: 'lte' }),
      t('六', 4, '期', '工会干部培训班'),
      t('六', 300, '人次', '工会干部'),
      t('六', 40, '人', '优秀工会干部'),
    ]);
    expect(isQualitative(draft.sections[1]!.measures[2]!)).toBe(true);
  });
});

// ---- robustness -------------------------------------------------------------

/** Seeded choices for the document rewrites (fast-check supplies the seed). */
function chooser(seed: number) {
  let state = seed >>> 0 || 1;
  return (n: number) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % n;
  };
}

const CN_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];

type Style = (n: number) => string;
const SECTION_STYLES: Record<string, Style> = {
  '一、': (n) => `${CN_DIGITS[n]}、`,
  '（一）': (n) => `（${CN_DIGITS[n]}）`,
  '(一)': (n) => `(${CN_DIGITS[n]})`,
  第一章: (n) => `第${CN_DIGITS[n]}章 `,
  第一部分: (n) => `第${CN_DIGITS[n]}部分\u3000`,
};
const MEASURE_STYLES: Record<string, Style> = {
  '1.': (n) => `${n}.`,
  '1、': (n) => `${n}、`,
  '1．': (n) => `${n}．`,
  '（1）': (n) => `（${n}）`,
  '(1)': (n) => `(${n})`,
  第一条: (n) => `第${CN_DIGITS[n]}条\u3000`,
  '①': (n) => String.fromCharCode(0x2460 + n - 1),
};

/** The seed with its 一、 and 1. markers rewritten in other styles. */
function restyle(text: string, section: Style, measure: Style): string {
  return text
    .split('\n')
    .map((line) => {
      const sectionMatch = /^(\s*#*\s*)([一二三四五六七八九十]+)、/.exec(line);
      if (sectionMatch) return `${sectionMatch[1]}${section(parseNumber(sectionMatch[2]!)!)}${line.slice(sectionMatch[0].length)}`;
      const measureMatch = /^(\s*)(\d{1,2})\./.exec(line);
      if (measureMatch) return `${measureMatch[1]}${measure(Number(measureMatch[2]))}${line.slice(measureMatch[0].length)}`;
      return line;
    })
    .join('\n');
}

const isIdeograph = (char: string | undefined) => char !== undefined && char >= '\u4e00' && char <= '\u9fff';

/**
 * Damage as copying and PDF extraction do it, in the body (from the first
 * heading on): line breaks between two Chinese characters, mid-sentence —
 * anywhere but inside a measure heading's title sentence (where a short cut
 * would be indistinguishable from a title standing on its own line), a
 * markdown heading (a line by definition) or the 版记 (a table row), and
 * never where the new line would start like a heading; spaces anywhere but
 * between two Latin letters or digits (which a document means); then,
 * optionally, every paragraph wrapped at a fixed width, with or without
 * blank lines between, as seed 2's PDF extraction did at ~30 characters.
 */
function damage(text: string, seed: number, breaks: number, spaces: number, wrapAt: number, blankBetween: boolean): string {
  const pick = chooser(seed);
  const bodyStart = text.search(/\n\s*#*\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|第[一二三四五六七八九十]+[章部])/);
  const chars = [...text];
  const offset = [...text.slice(0, Math.max(0, bodyStart))].length;
  // Positions inside a numbered line's first sentence are kept whole.
  const protectedAt = new Uint8Array(chars.length);
  for (let at = 0, lineStart = 0; at <= chars.length; at++) {
    if (at < chars.length && chars[at] !== '\n') continue;
    const raw = chars.slice(lineStart, at).join('');
    const line = raw.replace(/^\s*#*\s*/, '');
    if (raw.trimStart().startsWith('#') || /^\s*（此件|印发\s*$/.test(raw)) {
      // A markdown heading is one line by definition, and the 版记 sits in a table row: nothing cuts them.
      for (let p = lineStart; p < at; p++) protectedAt[p] = 1;
    } else if (matchHeading(line) !== null && line.includes('。')) {
      const titleEnd = lineStart + chars.slice(lineStart, at).indexOf('。');
      for (let p = lineStart; p <= titleEnd; p++) protectedAt[p] = 1;
    }
    lineStart = at + 1;
  }
  const inserts = new Map<number, string>();
  let placedBreaks = 0;
  for (let tries = 0; tries < breaks * 20 && placedBreaks < breaks; tries++) {
    const at = offset + pick(chars.length - offset);
    if (protectedAt[at] === 1 || !isIdeograph(chars[at - 1]) || !isIdeograph(chars[at])) continue;
    if (matchHeading(chars.slice(at, at + 12).join('')) !== null) continue;
    inserts.set(at, '\n');
    placedBreaks++;
  }
  for (let tries = 0; tries < spaces * 20 && inserts.size < placedBreaks + spaces; tries++) {
    const at = offset + pick(chars.length - offset);
    if (inserts.has(at) || /[\x21-\x7e]/.test(chars[at - 1] ?? '') || /[\x21-\x7e]/.test(chars[at] ?? '')) continue;
    inserts.set(at, pick(2) === 0 ? ' ' : '\u3000');
  }
  const damaged = chars.map((char, index) => (inserts.get(index) ?? '') + char).join('');
  if (wrapAt === 0) return damaged;
  const head = damaged.slice(0, bodyStart < 0 ? 0 : bodyStart);
  const body = damaged.slice(head.length);
  const wrapped = body.split('\n').flatMap((line) => {
    if (line.trim().startsWith('#')) return [line]; // markdown headings are not a PDF's
    const pieces: string[] = [];
    const lineChars = [...line];
    for (let i = 0; i < lineChars.length; i += wrapAt) pieces.push(lineChars.slice(i, i + wrapAt).join(''));
    return pieces.length > 0 ? pieces : [''];
  });
  return head + wrapped.join(blankBetween ? '\n\n' : '\n');
}

const FULL_WIDTH_DIGITS = (text: string) => text.replace(/[0-9]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0));

/** What must survive: sections' titles, measures' titles and text, targets (sources without whitespace). */
function essence(draft: TPlanDraft) {
  const squeeze = (text: string) => text.replace(/\s/g, '');
  return draft.sections.map((section) => ({
    title: section.title,
    measures: section.measures.map((measure) => ({
      title: measure.title,
      text: squeeze(measure.text),
      targets: measure.targets.map((target) => ({ ...target, source: squeeze(target.source) })),
    })),
  }));
}

describe('parsePlan: robustness', () => {
  it('keeps the same sections, measures and targets when a seed is renumbered, made full-width, broken mid-sentence and spaced', () => {
    for (const [seed, text] of [
      ['seed 1', SEED_1],
      ['seed 2', SEED_2],
    ] as const) {
      const expected = essence(parsePlan(text));
      fc.assert(
        fc.property(
          fc.constantFrom(...Object.keys(SECTION_STYLES)),
          fc.constantFrom(...Object.keys(MEASURE_STYLES)),
          fc.boolean(),
          fc.integer({ min: 1 }),
          fc.integer({ min: 0, max: 60 }),
          fc.integer({ min: 0, max: 60 }),
          // Seed 2 is a PDF's text already; seed 1 is wrapped as a PDF of it would be, at 20 to 40 characters.
          seed === 'seed 1' ? fc.oneof(fc.constant(0), fc.integer({ min: 20, max: 40 })) : fc.constant(0),
          fc.boolean(),
          (sectionStyle, measureStyle, fullWidth, damageSeed, breaks, spaces, wrapAt, blankBetween) => {
            let variant = restyle(text, SECTION_STYLES[sectionStyle]!, MEASURE_STYLES[measureStyle]!);
            variant = damage(variant, damageSeed, breaks, spaces, wrapAt, blankBetween);
            if (fullWidth) variant = FULL_WIDTH_DIGITS(variant);
            const draft = parsePlan(variant);
            expect(essence(draft), `${seed}: ${sectionStyle} ${measureStyle}`).toEqual(expected);
            // The numbers survive as numbers: 1…15 (or 1…18) in order, whatever their style.
            const numbers = allMeasures(draft.sections).map((measure) => (/^[\u2460-\u2473]$/.test(measure.no) ? measure.no.charCodeAt(0) - 0x245f : parseNumber(measure.no)));
            expect(numbers).toEqual(numbers.map((_, index) => index + 1));
          },
        ),
        { numRuns: 60 },
      );
    }
  });

  it('never throws and always answers the contract’s shape, on any string', () => {
    const structural = fc.constantFrom(...['一、', '（一）', '1.', '（1）', '第一条', '第一章', '\n', '\n\n', '。', '，', '：', '“', '”', '《', '》', '〔2023〕', '12号', '40名', '左右', '不少于', '%', '万人', '文件', '印发', '（', '）', ' ', '\u3000', '#', '2023年3月1日', '工会', '各市总工会', '措施', '—', '1', '十']);
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), fc.array(structural, { maxLength: 120 }).map((parts) => parts.join(''))), (text) => {
        const draft = parsePlan(text);
        expect(ZPlanDraft.safeParse(draft).success).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('reads 2 MB of noise with real measures in it, and a 2 MB line with nothing to read (the algorithms are linear)', () => {
    const pick = chooser(7);
    const noise = '的工会职工组织建设推进开展，、“”《》（）123456789万名个项%第届 \u3000'.split('');
    const parts: string[] = [];
    const titles: string[] = [];
    let size = 0;
    let chapters = 0;
    while (size < 2 * 1024 * 1024) {
      chapters++;
      parts.push(`\n第${chapters}章 第${chapters}部分\n`);
      for (let n = 1; n <= 100; n++) {
        let chunk = '';
        for (let i = 0; i < 400; i++) chunk += noise[pick(noise.length)];
        titles.push(`第${chapters}章第${n}项措施`);
        const measure = `${n}.第${chapters}章第${n}项措施。${chunk}。\n`;
        parts.push(measure);
        size += measure.length;
      }
    }
    const draft = parsePlan(parts.join(''));
    expect(draft.sections).toHaveLength(chapters);
    expect(allMeasures(draft.sections).map((measure) => measure.title)).toEqual(titles);

    // 2 MB of short lines that never end a sentence: one paragraph, built line by line.
    const runOn = parsePlan(Array.from({ length: 200_000 }, (_, index) => `工会职工${index % 10}`).join('\n'));
    expect(allMeasures(runOn.sections)).toEqual([expect.objectContaining({ no: '', targets: [] })]);

    const flat = parsePlan('工会'.repeat(1024 * 1024));
    expect(allMeasures(flat.sections)).toEqual([expect.objectContaining({ no: '', targets: [] })]);
    expect(allMeasures(flat.sections)[0]?.text.length).toBe(2 * 1024 * 1024);
  });

  it('answers an empty draft for an empty document', () => {
    expect(parsePlan('')).toEqual({ meta: { title: null, issuer: null, docNumber: null, date: null, recipients: [], noticeTitle: null }, sections: [] });
  });
});
