import { EChart, type BarChartOption } from '../../../web/components/EChart';
import { t } from '../../../web/i18n';
import type { TRollup } from '../contract';

const ROW_HEIGHT = 28;

/** 单位排名: the unions the plan was issued to, by mean completion (ECharts horizontal bars). */
export function UnitRankingChart({ rollup }: { rollup: TRollup }) {
  const rows = [...rollup.children].sort((a, b) => (b.completion ?? -1) - (a.completion ?? -1));
  const option: BarChartOption = {
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (value) => (value === null || value === undefined ? t('plans.dashboard.noFigure') : `${String(value)}%`) },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', inverse: true, data: rows.map((row) => row.name), axisTick: { show: false }, axisLabel: { width: 150, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 16,
        data: rows.map((row) => ({
          value: row.completion ?? 0,
          itemStyle: { color: row.counts.red > 0 ? '#cf1322' : row.counts.amber > 0 ? '#d48806' : '#389e0d', borderRadius: [0, 3, 3, 0] },
        })),
        label: { show: true, position: 'right', formatter: (params) => (rows[params.dataIndex]?.completion === null ? '—' : `${String(params.value)}%`) },
      },
    ],
  };
  return <EChart option={option} height={Math.max(120, rows.length * ROW_HEIGHT + 24)} testId="unit-ranking" ariaLabel={t('plans.dashboard.ranking')} />;
}
