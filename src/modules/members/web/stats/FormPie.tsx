import { useMemo } from 'react';
import { EChart } from '../../../../web/components/EChart';
import type { TMemberStats } from '../../contract';
import { ChartCard } from './ChartCard';
import { LEGEND_BASE, type StatsChartOption, TOOLTIP_BASE } from './charts';
import { FORM_COLORS, TEXT, UNKNOWN_COLOR, fmt, percentText, shareOf } from './format';

/** Outer radius of the ring on a phone, in pixels. */
const NARROW_RING = 90;

/** The panel height a phone needs: the ring, then one legend line per form. */
export const formHeightNarrow = (forms: number) => NARROW_RING * 2 + 32 + Math.max(forms, 1) * 20;

function formOption(rows: TMemberStats['byForm'], narrow: boolean): StatsChartOption {
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  const byName = new Map(rows.map((row) => [row.label, row.count]));
  const legendText = (name: string) => {
    const count = byName.get(name) ?? 0;
    return `{name|${name}}{count|${fmt(count)}}{share|${percentText(shareOf(count, total))}}`;
  };
  return {
    tooltip: {
      ...TOOLTIP_BASE,
      trigger: 'item',
      valueFormatter: (value) => `${fmt(Number(value))} ${TEXT.personSuffix}（${percentText(shareOf(Number(value), total))}）`,
    },
    legend: {
      ...LEGEND_BASE,
      // Wide: beside the ring, scrolling if there are many forms. Narrow: all of them under it.
      type: narrow ? 'plain' : 'scroll',
      orient: 'vertical',
      ...(narrow ? { left: 'center', top: NARROW_RING * 2 + 16 } : { right: 0, top: 'middle' }),
      itemGap: 8,
      formatter: legendText,
      textStyle: {
        rich: {
          name: { width: 76, color: '#333', fontSize: 12 },
          count: { width: 52, align: 'right', color: '#333', fontSize: 12 },
          share: { width: 50, align: 'right', color: '#5c6370', fontSize: 12 },
        },
      },
    },
    series: [
      {
        type: 'pie',
        name: TEXT.byForm,
        radius: narrow ? [NARROW_RING * 0.6, NARROW_RING] : ['48%', '74%'],
        center: narrow ? ['50%', NARROW_RING + 8] : ['28%', '50%'],
        avoidLabelOverlap: true,
        label: { show: false },
        labelLine: { show: false },
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
        data: rows.map((row) => ({ name: row.label, value: row.count, itemStyle: { color: FORM_COLORS[row.key] ?? UNKNOWN_COLOR } })),
      },
    ],
  };
}

/** Members by employment form: the standard forms in blues, the 新就业形态 groups in warm tones. */
export function FormPie({ stats, height, narrow }: { stats: TMemberStats | undefined; height: number; narrow: boolean }) {
  const option = useMemo(() => formOption(stats?.byForm ?? [], narrow), [stats?.byForm, narrow]);
  return (
    <ChartCard title={TEXT.byForm} loading={!stats} empty={stats?.byForm.length === 0} height={height}>
      <EChart option={option} height={height} testId="form-chart" ariaLabel={TEXT.byForm} />
    </ChartCard>
  );
}
