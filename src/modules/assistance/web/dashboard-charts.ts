import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import { LineChart, PieChart } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { LegendComponent } from 'echarts/components';
import { type ComposeOption, use } from 'echarts/core';
import { t } from '../../../web/i18n';
import type { TAssistanceDashboard } from '../dashboard-contract';

// EChart.tsx registers bars, grid, tooltip and the canvas renderer; this page adds pies, lines and legends.
use([LineChart, PieChart, LegendComponent]);

export type DashboardChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

type Board = TAssistanceDashboard;

const TIER_COLORS: Record<string, string> = { deep: '#cf1322', relative: '#fa8c16', accident: '#722ed1' };
const TOOLTIP = { confine: true, textStyle: { fontSize: 12 } } as const;
const LEGEND = { itemWidth: 12, itemHeight: 8, textStyle: { fontSize: 12 } } as const;

/** 在档 files by tier: a pie. */
export const tierPie = (board: Board): DashboardChartOption => ({
  tooltip: { ...TOOLTIP, trigger: 'item', formatter: '{b}：{c} 户（{d}%）' },
  legend: { ...LEGEND, bottom: 0 },
  series: [
    {
      type: 'pie',
      radius: ['38%', '70%'],
      center: ['50%', '45%'],
      // Counts on the slices, names in the legend: a narrow panel cuts no label; empty tiers draw no slice.
      label: { position: 'inside', formatter: '{c} 户', color: '#fff', fontWeight: 600 },
      data: board.households.byTier.filter((line) => line.count > 0).map((line) => ({ name: line.label, value: line.count, itemStyle: { color: TIER_COLORS[line.code] } })),
    },
  ],
});

/** 在档 files by main cause: horizontal bars, largest on top. */
export const causeBar = (board: Board): DashboardChartOption => {
  // Causes no file has are left out; the largest on top.
  const lines = board.households.byCause.filter((line) => line.count > 0).sort((a, b) => a.count - b.count);
  return {
    tooltip: { ...TOOLTIP, trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: lines.map((line) => line.label) },
    series: [{ type: 'bar', data: lines.map((line) => line.count), barMaxWidth: 28, itemStyle: { color: '#1677ff' }, label: { show: true, position: 'right' } }],
  };
};

/** One bar per child union, stacked by tier, with files in filing and in monitoring beside (the map-free regional breakdown). */
export const unitBar = (board: Board): DashboardChartOption => {
  const units = board.households.byUnit;
  const stack = (name: string, values: number[], color: string, group = 'filed'): BarSeriesOption => ({ type: 'bar', name, stack: group, data: values, itemStyle: { color }, barMaxWidth: 28 });
  const tiers = board.households.byTier;
  const label = (code: string) => tiers.find((line) => line.code === code)?.label ?? code;
  return {
    tooltip: { ...TOOLTIP, trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { ...LEGEND, top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: units.map((unit) => unit.name.replace(/总工会|工会/g, '') || unit.name), axisLabel: { interval: 0, rotate: units.length > 8 ? 35 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      stack(label('deep'), units.map((unit) => unit.deep), TIER_COLORS.deep!),
      stack(label('relative'), units.map((unit) => unit.relative), TIER_COLORS.relative!),
      stack(label('accident'), units.map((unit) => unit.accident), TIER_COLORS.accident!),
      stack(t('assist.dash.series.inProgress'), units.map((unit) => unit.inProgress), '#91caff', 'other'),
      stack(t('assist.dash.series.monitoring'), units.map((unit) => unit.monitoring), '#95de64', 'other'),
    ],
  };
};

/** Disbursed against budget, per funding source or per category. */
export const fundsBar = (lines: Board['funds']['bySource']): DashboardChartOption => ({
  tooltip: { ...TOOLTIP, trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (value) => `${Number(value).toLocaleString('zh-CN')} 元` },
  legend: { ...LEGEND, top: 0 },
  grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
  xAxis: { type: 'category', data: lines.map((line) => line.label) },
  yAxis: { type: 'value', axisLabel: { formatter: (value: number) => (value >= 10_000 ? `${value / 10_000}万` : String(value)) } },
  series: [
    { type: 'bar', name: t('assist.dash.series.disbursed'), data: lines.map((line) => line.amount), itemStyle: { color: '#1677ff' }, barMaxWidth: 28 },
    { type: 'bar', name: t('assist.dash.series.budget'), data: lines.map((line) => line.budget), itemStyle: { color: '#d9d9d9' }, barMaxWidth: 28 },
  ],
});

/** Exits, 稳定脱困 and returns per year. */
export const exitsChart = (board: Board): DashboardChartOption => {
  const years = board.monitoring.byYear;
  return {
    tooltip: { ...TOOLTIP, trigger: 'axis' },
    legend: { ...LEGEND, top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: years.map((row) => String(row.year)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'bar', name: t('assist.dash.series.exits'), data: years.map((row) => row.exits), itemStyle: { color: '#52c41a' }, barMaxWidth: 28 },
      { type: 'bar', name: t('assist.dash.series.stable'), data: years.map((row) => row.stable), itemStyle: { color: '#13c2c2' }, barMaxWidth: 28 },
      { type: 'line', name: t('assist.dash.series.returns'), data: years.map((row) => row.returns), itemStyle: { color: '#cf1322' } },
    ],
  };
};
