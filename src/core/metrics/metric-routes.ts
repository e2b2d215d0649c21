import { AppError } from '../http/errors';
import { requireUser } from '../http/request-context';
import { defineRoute } from '../http/route';
import { ZMetricList, ZMetricValue, ZMetricValueParams, ZMetricValueQuery } from './contract';
import { evaluateMetric } from './evaluate-metric';
import { listMetrics } from './list-metrics';

/**
 * The metric registry over HTTP: the list a binding form renders, and a
 * preview of one value. Aggregate counts of the caller's own subtree, no
 * personal data, so any signed-in user may read them and nothing is audited
 * (like /members/stats); the value route's unit is checked against the scope.
 */
export const listMetricsRoute = defineRoute({
  method: 'GET',
  url: '/metrics',
  summary: '统计指标目录（可供工作计划的指标绑定）：名称、单位、说明与参数',
  access: 'signed-in',
  audit: 'none',
  response: ZMetricList,
  handler: async ({ ctx }) => listMetrics(ctx),
});

function parseParams(text: string | undefined): unknown {
  if (text === undefined || text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('VALIDATION_FAILED', '统计参数须为 JSON 对象，例如 {"year":2023}', { field: 'params' });
  }
}

export const metricValueRoute = defineRoute({
  method: 'GET',
  url: '/metrics/:metricId/value',
  summary: '统计指标的当前值（本组织及下级范围内的某一组织子树；params 为 JSON 参数）',
  access: 'signed-in',
  audit: 'none',
  params: ZMetricValueParams,
  query: ZMetricValueQuery,
  response: ZMetricValue,
  handler: async ({ params, query, ctx }) => {
    const metric = { metricId: params.metricId, params: parseParams(query.params) };
    const orgUnitId = query.orgUnitId ?? requireUser(ctx).org.id;
    const reading = await evaluateMetric(ctx, metric, orgUnitId);
    return { metricId: params.metricId, orgUnitId, value: reading.value, unit: ctx.platform.metrics.get(params.metricId)!.unit, asOf: reading.asOf };
  },
});
