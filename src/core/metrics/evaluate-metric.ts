import type { z } from 'zod';
import { inCallerScope, orgPathInScope } from '../access/scope';
import { AppError, notFound } from '../http/errors';
import type { RequestContext } from '../http/request-context';
import type { AnyMetric } from './define-metric';
import { metricParamLabel } from './metric-params';

/** What an indicator stores to name its live figure: the metric and the parameters it fixes. */
export type MetricRef = { metricId: string; params?: unknown };

export type MetricReading = { value: number; asOf: string };

function findMetric(ctx: RequestContext, metricId: string): AnyMetric {
  const metric = ctx.platform.metrics.get(metricId);
  if (!metric) {
    throw new AppError('VALIDATION_FAILED', `未知的统计指标：${metricId}`, { field: 'metricId' });
  }
  if (!ctx.user?.permissions.has(metric.permission)) {
    throw new AppError('FORBIDDEN', `没有查看统计指标「${metric.label}」的权限`, { field: 'metricId' });
  }
  return metric;
}

/**
 * The binding's parameters checked with the metric's own schema; every error
 * names the parameter by its Chinese label. Keys the metric does not take are
 * refused rather than dropped: a binding that asks for "joined in 2023 as
 * couriers" must not silently get "joined in 2023".
 */
function checkParams(metric: AnyMetric, params: unknown): z.infer<AnyMetric['params']> {
  const given = params ?? {};
  if (typeof given !== 'object' || Array.isArray(given)) {
    throw new AppError('VALIDATION_FAILED', `统计指标「${metric.label}」的参数须为对象`, { field: 'params' });
  }
  const unknownKey = Object.keys(given).find((key) => !(key in metric.params.shape));
  if (unknownKey !== undefined) {
    throw new AppError('VALIDATION_FAILED', `统计指标「${metric.label}」没有参数「${unknownKey}」`, { field: `params.${unknownKey}` });
  }
  const parsed = metric.params.safeParse(given);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? '');
      return { field: `params.${name}`, code: issue.code, message: `${metricParamLabel(metric.params, name)}：${issue.message}` };
    });
    const first = details[0]!;
    throw new AppError('VALIDATION_FAILED', `统计参数有误：${first.message}`, { field: first.field, details });
  }
  return parsed.data;
}

/** Units of the caller's scope by id, in one query; any id outside it (or unknown) answers 404, as orgPathInScope does. */
async function scopesOf(ctx: RequestContext, orgUnitIds: readonly number[]): Promise<Map<number, string>> {
  const ids = [...new Set(orgUnitIds)];
  if (ids.length === 0) return new Map();
  const rows = await ctx.db
    .selectFrom('org_unit')
    .select(['id', 'path'])
    .where('id', 'in', ids)
    .where(inCallerScope(ctx, 'org_unit.path'))
    .execute();
  if (rows.length !== ids.length) {
    throw notFound('组织');
  }
  return new Map(rows.map((row) => [row.id, row.path]));
}

/**
 * The live value of a metric for the subtree of one unit in the caller's
 * scope, in the caller's transaction (ctx.db). Unknown metric or bad
 * parameters: 400 naming them; a unit outside the scope: 404, as if it did not
 * exist (the counters themselves carry no row-level security).
 */
export async function evaluateMetric(ctx: RequestContext, ref: MetricRef, orgUnitId: number): Promise<MetricReading> {
  const metric = findMetric(ctx, ref.metricId);
  const params = checkParams(metric, ref.params);
  const orgPath = await orgPathInScope(ctx, orgUnitId);
  return { value: await metric.compute(ctx.db, { orgUnitId, orgPath }, params), asOf: ctx.now().toISOString() };
}

/**
 * The same metric for several units (a roll-up's rows): the metric and its
 * parameters are checked once and the units' scope in one query; then one
 * `compute` per unit. That is cheap because a metric is a maintained counter
 * (one primary-key read) or an index range, and the calls share the caller's
 * transaction, which holds one connection, so running them in parallel would
 * gain nothing.
 */
export async function evaluateMetricForUnits(
  ctx: RequestContext,
  ref: MetricRef,
  orgUnitIds: readonly number[],
): Promise<{ asOf: string; values: { orgUnitId: number; value: number }[] }> {
  const metric = findMetric(ctx, ref.metricId);
  const params = checkParams(metric, ref.params);
  const paths = await scopesOf(ctx, orgUnitIds);
  const asOf = ctx.now().toISOString();
  const values: { orgUnitId: number; value: number }[] = [];
  for (const orgUnitId of orgUnitIds) {
    values.push({ orgUnitId, value: await metric.compute(ctx.db, { orgUnitId, orgPath: paths.get(orgUnitId)! }, params) });
  }
  return { asOf, values };
}
