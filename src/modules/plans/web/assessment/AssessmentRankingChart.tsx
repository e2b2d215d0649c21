import { type BarChartOption, EChart } from '../../../../web/components/EChart';
import { t } from '../../../../web/i18n';
import type { TRanking } from '../../assessment-contract';

const ROW_HEIGHT = 28;

/** 考核排名 as horizontal bars (total score of each union, highest first). */
export function AssessmentRankingChart({ ranking }: { ranking: TRanking }) {
  const rows = ranking.rows;
  const option: BarChartOption = {
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', max: Math.max(ranking.scheme.fullScore, ...rows.map((row) => row.total)) },
    yAxis: { type: 'category', inverse: true, data: rows.map((row) => row.orgUnit.name), axisTick: { show: false }, axisLabel: { width: 150, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 16,
        data: rows.map((row) => ({ value: row.total, itemStyle: { color: row.rank === 1 ? '#c41d7f' : '#1677ff', borderRadius: [0, 3, 3, 0] } })),
        label: { show: true, position: 'right', formatter: (params) => `${String(params.value)} 分` },
      },
    ],
  };
  return <EChart option={option} height={Math.max(120, rows.length * ROW_HEIGHT + 24)} testId="assessment-ranking-chart" ariaLabel={t('plans.assessment.ranking')} />;
}
