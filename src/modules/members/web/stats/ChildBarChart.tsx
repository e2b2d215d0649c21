import { type EChartsType, getInstanceByDom } from 'echarts/core';
import { useEffect, useMemo, useRef } from 'react';
import { EChart } from '../../../../web/components/EChart';
import type { TMemberStats } from '../../contract';
import { ChartCard } from './ChartCard';
import { LEGEND_BASE, type StatsChartOption, TOOLTIP_BASE } from './charts';
import { COLORS, TEXT, fmt } from './format';

export type ChildRow = TMemberStats['byChild'][number];

const ROW_HEIGHT = 22;

/** Height for `count` rows, at least `minHeight` (so the panel lines up with its neighbours). */
export const childChartHeight = (count: number, minHeight: number) => Math.max(minHeight, count * ROW_HEIGHT + 56);

function childOption(rows: readonly ChildRow[], narrow: boolean): StatsChartOption {
  const valueLabel = ({ value }: { value: unknown }) => fmt(Number(value));
  return {
    legend: { ...LEGEND_BASE, top: 0, left: 0, data: [TEXT.seriesMembers, TEXT.seriesGig] },
    grid: { left: 4, right: 52, top: 28, bottom: 4 },
    tooltip: {
      ...TOOLTIP_BASE,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value) => `${fmt(Number(value))} ${TEXT.personSuffix}`,
    },
    xAxis: {
      type: 'value',
      minInterval: 1,
      splitNumber: 4,
      // On a phone the bars carry their values; the scale's labels would collide.
      axisLabel: { show: !narrow, color: COLORS.muted, formatter: (value: number) => fmt(value), hideOverlap: true },
      splitLine: { lineStyle: { color: COLORS.splitLine } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((row) => row.name),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: COLORS.axisLine } },
      axisLabel: { color: COLORS.label, width: narrow ? 96 : 170, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: TEXT.seriesMembers,
        data: rows.map((row) => row.members),
        barMaxWidth: 14,
        barGap: '-100%',
        itemStyle: { color: COLORS.members, borderRadius: [0, 2, 2, 0] },
        label: { show: true, position: 'right', color: COLORS.muted, fontSize: 11, formatter: valueLabel },
      },
      {
        // Gig members are part of the members: drawn over the same bar, not next to it.
        type: 'bar',
        name: TEXT.seriesGig,
        data: rows.map((row) => row.gig),
        barMaxWidth: 14,
        barGap: '-100%',
        itemStyle: { color: COLORS.gig, borderRadius: [0, 2, 2, 0] },
      },
    ],
  };
}

/** The index of the category row at pixel height `y`, or undefined outside the plot's rows. */
function rowAt(chart: EChartsType, y: number, count: number): number | undefined {
  const left = chart.convertToPixel({ xAxisIndex: 0 }, 0) as number;
  if (!chart.containPixel({ gridIndex: 0 }, [left + 1, y])) return undefined;
  const index = Math.round(Number(chart.convertFromPixel({ yAxisIndex: 0 }, y)));
  return index >= 0 && index < count ? index : undefined;
}

/** Instances whose renders update `data-category-y`. */
const hooked = new WeakSet<EChartsType>();

/**
 * The live ECharts instance inside the box. EChart.tsx owns it and may replace it
 * (StrictMode runs its effects twice), so it is looked up at each use, never kept.
 */
function chartIn(element: HTMLElement): EChartsType | undefined {
  const host = element.firstElementChild;
  const chart = host instanceof HTMLElement ? getInstanceByDom(host) : undefined;
  return chart && !chart.isDisposed() ? chart : undefined;
}

/**
 * Members per child unit (gig members overlaid), largest first. A click anywhere
 * on a unit's row — bar, empty space or name — drills into that unit.
 *
 * The chart draws on a canvas, so the container exposes what it shows for tests
 * and tools: `data-categories` (the unit names, top to bottom) and `data-category-y`
 * (each row's centre in pixels from the container's top, updated after every render).
 */
export function ChildBarChart({
  stats,
  height,
  narrow,
  onDrill,
}: {
  stats: TMemberStats | undefined;
  height: number;
  narrow: boolean;
  onDrill: (row: ChildRow) => void;
}) {
  const rows = useMemo(() => [...(stats?.byChild ?? [])].sort((a, b) => b.members - a.members), [stats?.byChild]);
  const option = useMemo(() => childOption(rows, narrow), [rows, narrow]);
  const box = useRef<HTMLDivElement>(null);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const onDrillRef = useRef(onDrill);
  onDrillRef.current = onDrill;
  const hasChart = rows.length > 0;

  useEffect(() => {
    const element = box.current;
    if (!element) return undefined;
    const rowAtEvent = (chart: EChartsType, event: MouseEvent) =>
      rowAt(chart, event.clientY - element.getBoundingClientRect().top, rowsRef.current.length);
    const publish = () => {
      const chart = chartIn(element);
      if (!chart) return;
      const centres = rowsRef.current.map((_, index) => Math.round(Number(chart.convertToPixel({ yAxisIndex: 0 }, index))));
      element.dataset.categoryY = JSON.stringify(centres);
    };
    const hook = () => {
      const chart = chartIn(element);
      if (chart && !hooked.has(chart)) {
        hooked.add(chart);
        chart.on('finished', publish);
      }
      publish();
    };
    // DOM events on the box rather than zrender's: they outlive a replaced instance.
    const onClick = (event: MouseEvent) => {
      const chart = chartIn(element);
      const index = chart && rowAtEvent(chart, event);
      const row = index === undefined ? undefined : rowsRef.current[index];
      if (row) onDrillRef.current(row);
    };
    const onMove = (event: MouseEvent) => {
      const chart = chartIn(element);
      if (chart && rowAtEvent(chart, event) !== undefined) chart.getZr().setCursorStyle('pointer');
    };
    hook();
    // Once more after the commit: EChart may have replaced its instance since (StrictMode re-runs effects).
    const timer = window.setTimeout(hook, 0);
    element.addEventListener('click', onClick);
    element.addEventListener('mousemove', onMove);
    return () => {
      window.clearTimeout(timer);
      element.removeEventListener('click', onClick);
      element.removeEventListener('mousemove', onMove);
    };
  }, [hasChart, option]);

  return (
    <ChartCard
      title={TEXT.childChart}
      extra={hasChart ? <span className="card-note">{TEXT.childChartHint}</span> : undefined}
      loading={!stats}
      empty={!hasChart}
      emptyText={TEXT.childEmpty}
      height={height}
      testId="child-chart"
    >
      <div ref={box} data-testid="child-chart" data-categories={JSON.stringify(rows.map((row) => row.name))} className="stats-chart-box">
        <EChart option={option} height={height} ariaLabel={TEXT.childChartAria} />
      </div>
    </ChartCard>
  );
}
