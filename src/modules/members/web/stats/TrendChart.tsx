import { useMemo } from 'react';
import { EChart } from '../../../../web/components/EChart';
import type { TMemberStats } from '../../contract';
import { ChartCard } from './ChartCard';
import { LEGEND_BASE, type StatsChartOption, TOOLTIP_BASE } from './charts';
import { COLORS, TEXT, fmt, monthLabel } from './format';

/** "2026年1月" -> "1月\n2026年" at January and the first month, "3月" otherwise. */
const shortMonth = (label: string, index: number) => {
  const [year, month] = label.split('年') as [string, string];
  return index === 0 || month === '1月' ? `${month}\n${year}年` : month;
};

const NICE = [1, 2, 2.5, 5, 10];

/** The "nice" step (1, 2, 2.5 or 5 times a power of ten) at or above `raw`. */
function niceStep(raw: number): number {
  if (raw <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  return (NICE.find((factor) => factor * power >= raw) ?? 10) * power;
}

type AxisRange = { min: number; max: number; interval: number };

/** The left axis: the line in the upper half of the plot, on round steps; else from zero. */
function memberAxis(low: number, high: number): AxisRange & { splits: number } {
  const span = Math.max(high - low, Math.ceil(high * 0.02), 5);
  let step = niceStep(span / 3);
  for (let attempt = 0; attempt < 4; attempt += 1, step = niceStep(step * 1.01)) {
    for (const splits of [5, 6, 4]) {
      const max = Math.ceil(high / step) * step;
      const min = max - splits * step;
      if (min >= 0 && low - min >= 0.45 * splits * step && high - min <= 0.95 * splits * step + step) {
        return { min, max, interval: step, splits };
      }
    }
  }
  const zeroStep = niceStep(high / 5);
  const max = Math.max(zeroStep, Math.ceil(high / zeroStep) * zeroStep);
  return { min: 0, max, interval: zeroStep, splits: Math.round(max / zeroStep) };
}

/**
 * Axis ranges that keep the two series apart: the line in the upper half
 * (left axis), the monthly bars under it (right axis), with as many round
 * steps on both so their grid lines coincide.
 */
export function trendAxes(trend: TMemberStats['trend']): { left: AxisRange; right: AxisRange } {
  const members = trend.map((row) => row.members);
  const { splits, ...left } = memberAxis(Math.min(...members), Math.max(...members));
  const changes = Math.max(...trend.map((row) => Math.max(row.started, row.ended)), 0);
  const step = niceStep((changes * 2.2) / splits);
  return { left, right: { min: 0, max: step * splits, interval: step } };
}

function trendOption(trend: TMemberStats['trend']): StatsChartOption {
  const people = (value: unknown) => `${fmt(Number(value))} ${TEXT.personSuffix}`;
  const axes = trend.length > 0 ? trendAxes(trend) : undefined;
  return {
    legend: { ...LEGEND_BASE, bottom: 0, data: [TEXT.seriesMonthEnd, TEXT.seriesStarted, TEXT.seriesEnded] },
    // Room under the axis for two-line month labels, then the legend.
    grid: { left: 4, right: 4, top: 30, bottom: 56 },
    tooltip: { ...TOOLTIP_BASE, trigger: 'axis', valueFormatter: people },
    xAxis: {
      type: 'category',
      data: trend.map((row) => monthLabel(row.month)),
      axisTick: { alignWithLabel: true },
      axisLine: { lineStyle: { color: COLORS.axisLine } },
      axisLabel: { color: COLORS.muted, fontSize: 11, formatter: shortMonth, hideOverlap: true },
    },
    yAxis: [
      {
        type: 'value',
        name: TEXT.axisMembers,
        ...axes?.left,
        nameTextStyle: { color: COLORS.muted, align: 'left' },
        axisLabel: { color: COLORS.muted, fontSize: 11, formatter: (value: number) => fmt(value) },
        splitLine: { lineStyle: { color: COLORS.splitLine } },
      },
      {
        type: 'value',
        name: TEXT.axisChanges,
        ...axes?.right,
        nameTextStyle: { color: COLORS.muted, align: 'right' },
        axisLabel: { color: COLORS.muted, fontSize: 11, formatter: (value: number) => fmt(value) },
        splitLine: { show: false },
      },
    ],
    series: [
      {
        type: 'line',
        name: TEXT.seriesMonthEnd,
        yAxisIndex: 0,
        data: trend.map((row) => row.members),
        symbol: 'circle',
        symbolSize: 6,
        lineStyle: { width: 2, color: COLORS.members },
        itemStyle: { color: COLORS.members },
        z: 3,
      },
      {
        type: 'bar',
        name: TEXT.seriesStarted,
        yAxisIndex: 1,
        data: trend.map((row) => row.started),
        barMaxWidth: 10,
        itemStyle: { color: COLORS.started, opacity: 0.85 },
      },
      {
        type: 'bar',
        name: TEXT.seriesEnded,
        yAxisIndex: 1,
        data: trend.map((row) => row.ended),
        barMaxWidth: 10,
        itemStyle: { color: COLORS.ended, opacity: 0.85 },
      },
    ],
  };
}

/** Members at each month's end (line, left axis) with the month's new and ended memberships (bars, right axis). */
export function TrendChart({ stats, height }: { stats: TMemberStats | undefined; height: number }) {
  const option = useMemo(() => trendOption(stats?.trend ?? []), [stats?.trend]);
  return (
    <ChartCard title={TEXT.trend} loading={!stats} empty={stats?.trend.length === 0} height={height}>
      <EChart option={option} height={height} testId="trend-chart" ariaLabel={TEXT.trend} />
    </ChartCard>
  );
}
