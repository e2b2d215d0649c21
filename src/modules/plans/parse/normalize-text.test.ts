import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collapseSpaces, normalizeText, toHalfWidth } from './normalize-text';

const seed = (name: string) => readFileSync(new URL(`../server/fixtures/${name}`, import.meta.url), 'utf8');

describe('normalizeText', () => {
  it('makes full-width digits, letters, ％ and ． half-width, and keeps Chinese punctuation as written', () => {
    expect(toHalfWidth('２０２３年评选４０名，达到９０％；１．ＡＢｃ（一）：“”')).toBe('2023年评选40名，达到90%；1.ABc（一）：“”');
  });

  it('drops spaces next to Chinese text and keeps one between Latin words or figures', () => {
    expect(collapseSpaces('2022 年 3 月 23 日')).toBe('2022年3月23日');
    expect(collapseSpaces('举办  10 项省级二类竞赛')).toBe('举办10项省级二类竞赛');
    expect(collapseSpaces('推广 Office   365 应用')).toBe('推广Office 365应用');
    expect(normalizeText('陕教科文卫体工发〔2022〕9\u3000号\n\u00a0陕西\u200b省总工会')).toEqual(['陕教科文卫体工发〔2022〕9号', '陕西省总工会']);
  });

  it('drops page numbers left by PDF extraction, in their usual forms', () => {
    const text = ['1.加强职工权益保障。开展服务农', '— 3 —', '民工公益法律服务行动。', '- 12 -', '第 4 页 共 9 页', '5/9', '\f2.下一项。'].join('\n');
    expect(normalizeText(text)).toEqual(['1.加强职工权益保障。开展服务农民工公益法律服务行动。', '2.下一项。']);
  });

  it('strips markdown # and never joins a markdown heading with its neighbours', () => {
    expect(normalizeText('# 陕西省总工会办公室文件\n\n陕工办发〔2023〕12号\n\n## 一、助力高质量项目推进年方面\n\n1.创新开展劳动和技能竞赛。')).toEqual([
      '陕西省总工会办公室文件',
      '陕工办发〔2023〕12号',
      '一、助力高质量项目推进年方面',
      '1.创新开展劳动和技能竞赛。',
    ]);
  });

  it('mends seed 1’s one broken paragraph (measure 9, across a blank line) and keeps every other boundary', () => {
    const lines = normalizeText(seed('seed-1-fed-2023-15-measures.txt'));
    expect(lines).toHaveLength(25);
    expect(lines.slice(0, 7)).toEqual([
      '陕西省总工会办公室文件',
      '陕工办发〔2023〕12号',
      '关于印发《陕西省总工会贯彻落实省委省政府“三个年”活动15条措施》的通知',
      '各市（区）总工会，各省级产业工会，单列单位工会，省总各部门、直属单位：',
      '现将《陕西省总工会贯彻落实省委省政府“三个年”活动15条措施》印发给你们，请认真组织实施，抓好贯彻落实。',
      '陕西省总工会贯彻落实省委省政府“三个年”活动15条措施',
      '为贯彻落实好省委省政府开展“三个年”活动的部署和要求，确保全省工会工作围绕中心、服务大局，高标准起步、高质量开局、高水平推进，制定本工作措施。',
    ]);
    expect(lines[17]).toMatch(/^9\.加强职工权益保障。开展“尊法守法·携手筑梦”服务农民工公益法律服务行动。加大对灵活就业人员/);
  });

  it('re-joins seed 2’s PDF lines (broken every ~30 characters, a blank line after each) into headings and paragraphs', () => {
    const lines = normalizeText(seed('seed-2-jkwwt-2022-work-points.txt'));
    expect(lines).toHaveLength(29);
    expect(lines.slice(0, 3)).toEqual(['陕教科文卫体工发〔2022〕9号', '陕西省教科文卫体工会2022年工作要点', '（2022年3月23日）']);
    expect(lines[4]).toBe('一、忠诚拥护“两个确立”、坚决做到“两个维护”，切实履行职工思想引领的政治责任');
    expect(lines[20]).toBe('四、牢固树立改革创新意识，不断增强工会组织的影响力和凝聚力');
    expect(lines[5]).toMatch(/^1\.坚持加强科学理论武装。以学习宣传贯彻党的十九届六中全会和二十大精神为重点，全面贯彻.*“两个维护”的坚定践行者。$/);
    // The page-break space inside "喜迎二十大 建功新时代" and the one before "发挥产业特色" are gone.
    expect(lines[6]).toContain('“中国梦·劳动美——喜迎二十大建功新时代”主题宣传教育活动。');
    expect(lines[11]).toContain('举办10项省级二类竞赛。');
    expect(lines.slice(-2)).toEqual(['（此件发至各市教育（科文卫体）工会，各直属基层工会）', '陕西省教科文卫体工会委员会2022年3月23日印发']);
  });

  it('keeps a short heading apart from the paragraph under it, but joins a heading cut in two', () => {
    expect(normalizeText('一、指导思想\n以习近平新时代中国特色社会主义思想为指导，深入贯彻落实。')).toEqual([
      '一、指导思想',
      '以习近平新时代中国特色社会主义思想为指导，深入贯彻落实。',
    ]);
    expect(normalizeText('一、助力高质量\n项目推进年方面\n1.创新开展劳动和技能竞赛。')).toEqual(['一、助力高质量项目推进年方面', '1.创新开展劳动和技能竞赛。']);
  });

  it('ends a block after a title, but not after the same words inside a paragraph', () => {
    expect(normalizeText('陕西省总工会贯彻落实省委省政府“三个年”活动\n15条措施\n为贯彻落实好部署，制定本措施。')).toEqual([
      '陕西省总工会贯彻落实省委省政府“三个年”活动15条措施',
      '为贯彻落实好部署，制定本措施。',
    ]);
    expect(normalizeText('1.推进改革。成立工作机构并制定试点方案\n从职业院校和科技企业两个方面进行试点。')).toEqual([
      '1.推进改革。成立工作机构并制定试点方案从职业院校和科技企业两个方面进行试点。',
    ]);
  });

  it('handles Windows and old Mac line ends, and a document of nothing', () => {
    expect(normalizeText('第一行。\r\n第二行。\r第三行。')).toEqual(['第一行。', '第二行。', '第三行。']);
    expect(normalizeText('')).toEqual([]);
    expect(normalizeText(' \n\u3000\n\t')).toEqual([]);
  });
});
