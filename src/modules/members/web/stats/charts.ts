import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import { LineChart, PieChart } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { LegendComponent } from 'echarts/components';
import { type ComposeOption, use } from 'echarts/core';

// EChart.tsx registers bars, grid, tooltip and the canvas renderer; the dashboard
// adds lines, pies and legends. They are bundled into this page's chunk only.
use([LineChart, PieChart, LegendComponent]);

export type StatsChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/** Tooltip and legend defaults shared by the dashboard's charts. */
export const TOOLTIP_BASE = { confine: true, textStyle: { fontSize: 12 } } as const;
export const LEGEND_BASE = { itemWidth: 12, itemHeight: 8, itemGap: 12, textStyle: { fontSize: 12, color: '#333' } } as const;
