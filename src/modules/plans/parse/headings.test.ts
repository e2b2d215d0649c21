import { describe, expect, it } from 'vitest';
import { buildOutline, matchHeading, type OutlineNode } from './headings';

/** The outline as nested [label, first line] pairs. */
function shape(node: OutlineNode): unknown[] {
  return node.children.map((child) => (child.children.length > 0 ? [child.marker?.label, child.lines[0], shape(child)] : [child.marker?.label, child.lines[0]]));
}

describe('heading markers', () => {
  it.each([
    ['一、总体要求', 'cn-dun', '一', 1, '总体要求'],
    ['十二、其他', 'cn-dun', '十二', 12, '其他'],
    ['（三）工作任务', 'cn-paren', '三', 3, '工作任务'],
    ['(三)工作任务', 'cn-paren', '三', 3, '工作任务'],
    ['1.创新开展劳动和技能竞赛。', 'digit-dot', '1', 1, '创新开展劳动和技能竞赛。'],
    ['15、从严抓好作风建设', 'digit-dot', '15', 15, '从严抓好作风建设'],
    ['（2）开展培训；', 'digit-paren', '2', 2, '开展培训；'],
    ['2）开展培训', 'digit-half', '2', 2, '开展培训'],
    ['第三条 加强培训。', 'article', '三', 3, '加强培训。'],
    ['第十二条加强培训。', 'article', '十二', 12, '加强培训。'],
    ['第二章 主要任务', 'chapter', '二', 2, '主要任务'],
    ['第一部分 总体要求', 'part', '一', 1, '总体要求'],
    ['③建设职工书屋', 'circled', '③', 3, '建设职工书屋'],
  ])('reads %s', (line, style, label, value, rest) => {
    expect(matchHeading(line)).toMatchObject({ style, label, value, rest });
  });

  it.each(['1.5万名职工参加培训。', '3、4月份开展活动。', '一、二级工会同步推进。', '2023年继续评选。', '第二届“三秦工匠杯”大赛。', '十四届七次全委会议。', '一线职工。', '（此件发至各市工会）'])(
    'does not take %s for a heading',
    (line) => {
      expect(matchHeading(line)).toBeNull();
    },
  );
});

describe('outline', () => {
  it('nests by the order styles first appear: 一、 then 1. (seed style)', () => {
    const outline = buildOutline(['前言。', '一、甲方面', '1.第一项。', '2.第二项。', '二、乙方面', '3.第三项。']);
    expect(outline.lines).toEqual(['前言。']);
    expect(shape(outline)).toEqual([
      ['一', '甲方面', [['1', '第一项。'], ['2', '第二项。']]],
      ['二', '乙方面', [['3', '第三项。']]],
    ]);
  });

  it('takes whatever order a document uses: 第X章 → 第X条 → （一）, and （1） under 1. when 1. came first', () => {
    expect(shape(buildOutline(['第一章 总则', '第一条 目的。', '（一）甲；', '（二）乙。', '第二条 范围。', '第二章 任务', '第三条 培训。']))).toEqual([
      ['一', '总则', [['一', '目的。', [['一', '甲；'], ['二', '乙。']]], ['二', '范围。']]],
      ['二', '任务', [['三', '培训。']]],
    ]);
    expect(shape(buildOutline(['1.甲', '（1）子一', '（2）子二', '2.乙']))).toEqual([['1', '甲', [['1', '子一'], ['2', '子二']]], ['2', '乙']]);
    // The same styles the other way round nest the other way round.
    expect(shape(buildOutline(['（1）甲', '1.子一', '（2）乙']))).toEqual([['1', '甲', [['1', '子一']]], ['2', '乙']]);
  });

  it('keeps paragraphs with the heading above them', () => {
    const outline = buildOutline(['一、总体要求', '以习近平新时代中国特色社会主义思想为指导。', '二、任务']);
    expect(outline.children[0]?.lines).toEqual(['总体要求', '以习近平新时代中国特色社会主义思想为指导。']);
  });
});
