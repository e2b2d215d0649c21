import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractTargets, sentenceTargets, splitSentences } from './targets';

const brief = (text: string) =>
  extractTargets(text).map(({ value, approx, comparator, unit, subject, period }) => ({ value, approx, comparator, unit, subject, period }));

describe('quantified targets', () => {
  it('reads the issue’s example: 2023年继续评选40名“三秦工匠” → 40 人 三秦工匠, exact, 2023, with its sentence', () => {
    const sentence = '2023年继续评选40名“三秦工匠”，培育100名左右“陕西产业工匠人才”。';
    expect(extractTargets(`${sentence}持续组织开展学习培训活动。`)).toEqual([
      { value: 40, approx: false, comparator: 'eq', unit: '人', subject: '三秦工匠', period: '2023', source: sentence },
      { value: 100, approx: true, comparator: 'eq', unit: '人', subject: '陕西产业工匠人才', period: '2023', source: sentence },
    ]);
  });

  it('reads two indicators from one clause list, the subject before the figure: 命名示范性创新工作室20个，工作室联盟5个', () => {
    expect(brief('推动创建一批创新工作室联盟，命名示范性创新工作室20个，工作室联盟5个。')).toEqual([
      { value: 20, approx: false, comparator: 'eq', unit: '个', subject: '示范性创新工作室', period: null },
      { value: 5, approx: false, comparator: 'eq', unit: '个', subject: '工作室联盟', period: null },
    ]);
  });

  it('reads 举办10项省级二类竞赛 (spaces from the PDF already gone) and keeps 项', () => {
    expect(brief('积极动员职工参与，举办10项省级二类竞赛。')).toEqual([
      { value: 10, approx: false, comparator: 'eq', unit: '项', subject: '省级二类竞赛', period: null },
    ]);
  });

  it('reads the qualifiers: 不少于 and 以上 (at least), 超过 and 余 (more than), 不超过 and 以内 (at most), 左右 and 约 (approximately)', () => {
    expect(brief('全年培训职工不少于2万人次。')).toEqual([{ value: 20_000, approx: false, comparator: 'gte', unit: '人次', subject: '职工', period: null }]);
    expect(brief('新建工会组织500家以上。')).toEqual([{ value: 500, approx: false, comparator: 'gte', unit: '家', subject: '工会组织', period: null }]);
    expect(brief('走访慰问超过300户困难职工家庭。')[0]).toMatchObject({ value: 300, comparator: 'gt', unit: '户', subject: '困难职工家庭' });
    expect(brief('组织100余名劳模疗休养。')[0]).toMatchObject({ value: 100, comparator: 'gt', unit: '人', subject: '劳模疗休养' });
    expect(brief('工会经费支出不超过500万元。')[0]).toMatchObject({ value: 5_000_000, comparator: 'lte', unit: '元', subject: '工会经费支出' });
    expect(brief('劳动争议案件增幅控制在5%以内。')[0]).toMatchObject({ value: 5, comparator: 'lte', unit: '%', subject: '劳动争议案件增幅' });
    expect(brief('约300家企业开展集体协商。')[0]).toMatchObject({ value: 300, approx: true, comparator: 'eq', unit: '家', subject: '企业' });
  });

  it('reads rates and percentages: 达到…%, 覆盖率, 百分之八十, with the year the sentence names', () => {
    expect(brief('职工入会率达到90%以上。')).toEqual([{ value: 90, approx: false, comparator: 'gte', unit: '%', subject: '职工入会率', period: null }]);
    expect(brief('到2025年，新就业形态劳动者入会覆盖率达到百分之八十。')).toEqual([
      { value: 80, approx: false, comparator: 'gte', unit: '%', subject: '新就业形态劳动者入会覆盖率', period: '2025' },
    ]);
  });

  it('reads Chinese numerals and 万: 四十, 两万, 1.5万名, 万人', () => {
    expect(brief('全年发展会员四十名。')[0]).toMatchObject({ value: 40, unit: '人', subject: '会员' });
    expect(brief('服务惠及职工两万人。')[0]).toMatchObject({ value: 20_000, unit: '人', subject: '职工' });
    expect(brief('慰问困难职工1.5万名。')[0]).toMatchObject({ value: 15_000, unit: '人', subject: '困难职工' });
    expect(brief('开展技能培训3万人次。')[0]).toMatchObject({ value: 30_000, unit: '人次', subject: '技能培训' });
    expect(brief('覆盖职工一百二十万人。')[0]).toMatchObject({ value: 1_200_000, unit: '人' });
  });

  it('reads a range as its lower bound, at least: 创建一至两项 → ≥ 1 项', () => {
    expect(brief('力争每个基层单位工会创建一至两项在系统内外叫得响的工建品牌工作。')).toEqual([
      { value: 1, approx: false, comparator: 'gte', unit: '项', subject: '工建品牌工作', period: null },
    ]);
    expect(brief('每个县建成3-5个服务站点。')[0]).toMatchObject({ value: 3, comparator: 'gte', unit: '个', subject: '服务站点' });
  });

  it.each([
    '举办陕西省第二届“三秦工匠杯”职工职业技能大赛。',
    '办好陕西省第七届职工科技节。',
    '贯彻落实省委省政府“三个年”活动。',
    '现将《陕西省总工会贯彻落实省委省政府“三个年”活动15条措施》印发给你们。',
    '贯彻落实15条措施。',
    '落实省总工会十四届七次全委（扩大）会议部署要求。',
    '学习党的二十大精神，贯彻党的十九届六中全会精神。',
    '陕工办发〔2023〕12号文件要求。',
    '2022年3月23日印发。',
    '健全省市县三级产改考核督查机制。',
    '从职业院校和科技企业两个方面进行试点。',
    '加快建设一支宏大的知识型产业工人大军，培育一批示范单位。',
    '持续开展“12·4 国家宪法日”宪法宣传周等活动。',
    '实施劳动竞赛“十百千万”工程，做好三批产改试点经验的总结推广。',
    '深刻领会四个全面，增强四个意识，做到两个维护。',
    '组织职工参加第九届全国职工摄影展，办好省级二类大赛。',
    '加强职工思想政治引领。',
  ])('finds no target in %s', (sentence) => {
    expect(extractTargets(sentence)).toEqual([]);
  });

  it('splits sentences at 。！？ and line ends, keeping a closing quote with its sentence', () => {
    expect(splitSentences('第一句。第二句“引文。”第三句！\n第四句')).toEqual(['第一句。', '第二句“引文。”', '第三句！', '第四句']);
  });

  it('never throws and always answers well-formed targets, on any text (and on unbalanced quotes)', () => {
    const alphabet = [...'0123456789.%万千百十一二两三四五六七八九名个项家年月日第届“”《》〔〕，。、以上左右不少于达到约至-工会职工 \n'];
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 200 }), fc.string({ maxLength: 200 }), (made, random) => {
        for (const text of [made, random]) {
          for (const target of extractTargets(text)) {
            expect(Number.isFinite(target.value)).toBe(true);
            expect(target.value).toBeGreaterThan(0);
            expect(target.unit.length).toBeGreaterThan(0);
            expect(text).toContain(target.source.slice(0, 10));
          }
        }
      }),
      { numRuns: 500 },
    );
    expect(sentenceTargets('“评选40名“三秦工匠')).toEqual([expect.objectContaining({ value: 40, unit: '人' })]);
  });
});
