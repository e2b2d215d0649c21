import { BarChart, type BarSeriesOption } from 'echarts/charts';
import { GridComponent, type GridComponentOption, TooltipComponent, type TooltipComponentOption } from 'echarts/components';
import { type ComposeOption, type EChartsCoreOption, type EChartsType, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { type CSSProperties, useEffect, useRef } from 'react';
import { usePrefersReducedMotion } from '../hooks/usePrefersReducedMotion';
import { FONT_FAMILY } from '../theme';

// Only what the console draws is bundled; a module needing more charts calls `use` with them.
use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export type BarChartOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

export type EChartProps = {
  option: EChartsCoreOption;
  height: number | string;
  className?: string;
  style?: CSSProperties;
  testId?: string;
  ariaLabel?: string;
};

/** An ECharts canvas that follows its container's size and is disposed with the component. */
export function EChart({ option, height, className, style, testId, ariaLabel }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const reducedMotion = usePrefersReducedMotion();

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ textStyle: { fontFamily: FONT_FAMILY }, ...(reducedMotion ? { animation: false } : {}), ...option }, { notMerge: true });
  }, [option, reducedMotion]);

  return (
    <div
      ref={container}
      className={className}
      style={{ width: '100%', height, ...style }}
      data-testid={testId}
      role="img"
      aria-label={ariaLabel}
    />
  );
}
