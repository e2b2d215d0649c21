import type { RequestContext } from '../http/request-context';
import type { TMetricDescription } from './contract';
import { describeMetricParams } from './metric-params';

/** The metrics the caller may read, with their parameters, in manifest order, for the form that binds an indicator to one. */
export function listMetrics(ctx: RequestContext): TMetricDescription[] {
  const permissions = ctx.user?.permissions ?? new Set<string>();
  return [...ctx.platform.metrics.values()].filter((metric) => permissions.has(metric.permission)).map((metric) => ({
    id: metric.id,
    label: metric.label,
    unit: metric.unit,
    description: metric.description,
    params: describeMetricParams(metric.id, metric.params),
  }));
}
