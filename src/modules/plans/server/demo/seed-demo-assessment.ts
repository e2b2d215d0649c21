import type { RequestContext } from '../../../../core/http/request-context';
import type { TPlanIndicator } from '../../contract';
import { createRound } from '../assessment/create-round';
import { createScheme } from '../assessment/create-scheme';
import { enterScore } from '../assessment/enter-score';

/**
 * The demo plan's assessment (考核): the province assesses the cities that
 * signed for the plan on 三秦工匠 (completion of their share), new members
 * (bands on the live count), a manual score of their 督查 mechanism and a
 * bonus; one open round, with 西安's manual score entered.
 */
export async function seedDemoAssessment(province: RequestContext, planId: number, cityIds: number[], xianId: number, craftsmen: TPlanIndicator, joining: TPlanIndicator): Promise<void> {
  const scheme = await createScheme(province, {
    planId,
    year: 2026,
    title: '2026年度工作部署落实考核',
    fullScore: 100,
    orgUnitIds: cityIds,
    tree: [
      {
        key: 'd1',
        title: '工匠选树与组织发展',
        weight: 60,
        items: [
          {
            key: 'i1',
            title: '三秦工匠与新会员',
            weight: 60,
            rules: [
              { key: 'r1', title: '三秦工匠推荐完成率', description: '', kind: 'indicator', weight: 40, indicatorId: craftsmen.id, cap: 1 },
              { key: 'r2', title: '新会员发展', description: '', kind: 'bands', weight: 20, basis: 'completion', indicatorId: joining.id, bands: [{ atLeast: 100, points: 20 }, { atLeast: 50, points: 10 }] },
            ],
          },
        ],
      },
      {
        key: 'd2',
        title: '工作机制',
        weight: 40,
        items: [
          {
            key: 'i2',
            title: '考核督查机制',
            weight: 40,
            rules: [
              { key: 'r3', title: '机制建设情况', description: '', kind: 'manual', weight: 40 },
              { key: 'r4', title: '创新成果加分', description: '', kind: 'bonus', weight: 5, pointsEach: 1 },
            ],
          },
        ],
      },
    ],
  });
  const round = (await createRound(province, scheme.id, { title: '2026年度' })).rounds[0]!;
  await enterScore(province, round.id, { orgUnitId: xianId, ruleKey: 'r3', value: 36, note: '' });
}
