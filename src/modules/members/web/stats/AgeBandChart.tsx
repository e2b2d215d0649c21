import { useMemo } from 'react';
import { EChart } from '../../../../web/components/EChart';
import type { TMemberStats } from '../../contract';
import { ChartCard } from './ChartCard';
import { type StatsChartOption, TOOLTIP_BASE } from './charts';
import { COLORS, TEXT, fmt } from './format';

function ageOption(rows: TMemberStats['byAgeBand'], narrow: boolean): StatsChartOption {
  return {
    grid: { left: 4, right: 4, top: 24, bottom: 4 },
    tooltip: {
      ...TOOLTIP_BASE,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value) => `${fmt(Number(value))} ${TEXT.personSuffix}`,
    },
    xAxis: {
      type: 'category',
      data: rows.map((row) => row.label),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: COLORS.axisLine } },
      axisLabel: { color: COLORS.label, fontSize: narrow ? 11 : 12, interval: 0 },
    },
    yAxis: {
      type: 'value',
      splitNumber: 3,
      minInterval: 1,
      axisLabel: { color: COLORS.muted, fontSize: 11, formatter: (value: number) => fmt(value) },
      splitLine: { lineStyle: { color: COLORS.splitLine } },
    },
    series: [
      {
        type: 'bar',
        name: TEXT.seriesMembers,
        data: rows.map((row) => row.count),
        barMaxWidth: 36,
        itemStyle: { color: COLORS.members, borderRadius: [2, 2, 0, 0] },
        label: { show: true, position: 'top', color: COLORS.muted, fontSize: 11, formatter: ({ value }: { value: unknown }) => fmt(Number(value)) },
      },
    ],
  };
}

/** Members by age band (from the birth date). */
export function AgeBandChart({ stats, height, narrow }: { stats: TMemberStats | undefined; height: number; narrow: boolean }) {
  const option = useMemo(() => ageOption(stats?.byAgeBand ?? [], narrow), [stats?.byAgeBand, narrow]);
  const empty = stats !== undefined && stats.byAgeBand.every((row) => row.count === 0);
  return (
    <ChartCard title={TEXT.byAgeBand} loading={!stats} empty={empty} height={height}>
      <EChart option={option} height={height} testId="age-chart" ariaLabel={TEXT.byAgeBand} />
    </ChartCard>
  );
}
