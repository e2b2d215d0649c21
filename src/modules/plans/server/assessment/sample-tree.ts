import { type TAssessmentTree, ZAssessmentTree } from '../../assessment-contract';

/** For tests: a 产改-style evaluation in miniature, 100 points over two dimensions (indicator 1 measured; manual, bands, bonus, deduction). */
export function sampleTree(): TAssessmentTree {
  return ZAssessmentTree.parse([
    {
      key: 'd1',
      title: '组织推进',
      weight: 40,
      items: [
        { key: 'i1', title: '工匠选树', weight: 25.5, rules: [{ key: 'r1', title: '三秦工匠推荐完成率', kind: 'indicator', weight: 25.5, indicatorId: 1, cap: 1 }] },
        {
          key: 'i2',
          title: '机制建设',
          weight: 14.5,
          rules: [
            { key: 'r2', title: '考核督查机制', kind: 'manual', weight: 10.3 },
            { key: 'r3', title: '培训覆盖率', kind: 'bands', weight: 4.2, basis: 'entered', bands: [{ atLeast: 90, points: 4.2 }, { atLeast: 60, points: 2.1 }] },
            { key: 'r4', title: '创新成果加分', kind: 'bonus', weight: 3, pointsEach: 1 },
          ],
        },
      ],
    },
    {
      key: 'd2',
      title: '作用发挥',
      weight: 60,
      items: [
        { key: 'i3', title: '劳动竞赛', weight: 60, rules: [{ key: 'r5', title: '竞赛开展', kind: 'manual', weight: 60 }, { key: 'r6', title: '安全事故扣分', kind: 'deduction', weight: 5, pointsEach: 2.5 }] },
      ],
    },
  ]);
}

