import { useMemo } from 'react';
import { EChart } from '../../../../web/components/EChart';
import type { TMemberStats } from '../../contract';
import { ChartCard } from './ChartCard';
import { LEGEND_BASE, type StatsChartOption, TOOLTIP_BASE } from './charts';
import { COLORS, TEXT, fmt, percentText, shareOf } from './format';

const GENDER_COLORS: Readonly<Record<string, string>> = { male: COLORS.male, female: COLORS.female };

function genderOption(rows: TMemberStats['byGender']): StatsChartOption {
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  const counts = new Map(rows.map((row) => [row.label, row.count]));
  const share = (value: unknown) => percentText(shareOf(Number(value), total));
  return {
    tooltip: { ...TOOLTIP_BASE, trigger: 'item', valueFormatter: (value) => `${fmt(Number(value))} ${TEXT.personSuffix}（${share(value)}）` },
    // The counts go in the legend, the shares on the slices: nothing sticks out of a narrow panel.
    legend: {
      ...LEGEND_BASE,
      bottom: 0,
      left: 'center',
      formatter: (name: string) => `${name} ${fmt(counts.get(name) ?? 0)} ${TEXT.personSuffix}`,
    },
    series: [
      {
        type: 'pie',
        name: TEXT.byGender,
        radius: '72%',
        center: ['50%', '45%'],
        label: {
          position: 'inside',
          formatter: ({ name, value }: { name: string; value: unknown }) => `{name|${name}}\n{share|${share(value)}}`,
          rich: {
            name: { fontSize: 12, color: '#fff', lineHeight: 18 },
            share: { fontSize: 14, color: '#fff', fontWeight: 600 },
          },
        },
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
        data: rows
          .filter((row) => row.count > 0)
          .map((row) => ({ name: row.label, value: row.count, itemStyle: { color: GENDER_COLORS[row.key] ?? '#b8bfc9' } })),
      },
    ],
  };
}

/** Members by gender (from the ID number). */
export function GenderPie({ stats, height }: { stats: TMemberStats | undefined; height: number }) {
  const option = useMemo(() => genderOption(stats?.byGender ?? []), [stats?.byGender]);
  const empty = stats !== undefined && stats.byGender.every((row) => row.count === 0);
  return (
    <ChartCard title={TEXT.byGender} loading={!stats} empty={empty} height={height}>
      <EChart option={option} height={height} testId="gender-chart" ariaLabel={TEXT.byGender} />
    </ChartCard>
  );
}
