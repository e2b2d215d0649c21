import { z } from 'zod';

/**
 * Shared by the server and the web console: what the metric registry tells a
 * binding form (which metrics exist, which parameters each takes) and what a
 * value preview answers.
 */

export const ZMetricParamType = z.enum(['integer', 'string', 'enum']);
export type TMetricParamType = z.infer<typeof ZMetricParamType>;

/** One parameter a binding fixes, described from the metric's zod schema. */
export const ZMetricParam = z.object({
  name: z.string(),
  /** The schema's `.describe()` label (入会年份). */
  label: z.string(),
  type: ZMetricParamType,
  /** False for `.optional()` and `.default()` parameters. */
  required: z.boolean(),
  /** Enum parameters: the allowed values, with their Chinese labels. */
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
  /** Integer parameters: the schema's bounds, when it sets them. */
  min: z.number().optional(),
  max: z.number().optional(),
});
export type TMetricParam = z.infer<typeof ZMetricParam>;

export const ZMetricDescription = z.object({
  id: z.string(),
  label: z.string(),
  unit: z.string(),
  description: z.string(),
  params: z.array(ZMetricParam),
});
export type TMetricDescription = z.infer<typeof ZMetricDescription>;

export const ZMetricList = z.array(ZMetricDescription);

export const ZMetricValueParams = z.object({
  metricId: z.string().min(1, '请选择统计指标').max(100, '统计指标编号过长'),
});

export const ZMetricValueQuery = z.object({
  /** A unit in the caller's scope; default: the caller's own unit. */
  orgUnitId: z.coerce.number().int().positive('组织编号须为正整数').optional(),
  /** The binding's parameters as a JSON object, e.g. `{"year":2023}`. */
  params: z.string().max(2000, '统计参数过长').optional(),
});

export const ZMetricValue = z.object({
  metricId: z.string(),
  orgUnitId: z.number().int(),
  value: z.number(),
  unit: z.string(),
  /** When the figure was read (ISO 8601): the counters are live. */
  asOf: z.string(),
});
export type TMetricValue = z.infer<typeof ZMetricValue>;
