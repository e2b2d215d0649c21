import type { z } from 'zod';
import type { Executor } from '../db/transaction';

/**
 * The metric registry (issue 5): a module publishes named, scoped,
 * parameterized counts — "members who joined in 2023, by employment form",
 * "三秦工匠 nominations" — so that other modules (a work plan's indicators) can
 * bind to them and update themselves instead of waiting for reported figures.
 *
 * A metric is always answered for an org subtree: the union at `scope` and
 * everything under it. It must be cheap (a maintained counter, an index
 * range), because dashboards evaluate it for every unit of a roll-up.
 */
export type MetricScope = { orgUnitId: number; orgPath: string };

export type MetricDefinition<P extends z.ZodObject = z.ZodObject> = {
  /** Stable id, `module.name` (`members.joined`). Indicators store it. */
  id: string;
  /** Chinese label shown when binding an indicator (当年新入会会员数). */
  label: string;
  /** The unit of the value (人, 个, 家, %). */
  unit: string;
  /** What the count means and where it comes from, shown beside the binding. */
  description: string;
  /**
   * The permission a caller needs to read this figure (`members.read`): a
   * metric is the publishing module's data, and the 等保 administrators, who
   * hold no business permissions, must not read it through the registry.
   */
  permission: string;
  /**
   * The parameters a binding fixes (year, employment form…); `.describe('中文名')` names each.
   * Integers, strings and enums only (metricEnumParam gives the options Chinese labels).
   */
  params: P;
  /** The value for the subtree at `scope`, as of now. Runs in the caller's transaction. */
  compute(db: Executor, scope: MetricScope, params: z.infer<P>): Promise<number>;
};

/**
 * Any metric, whatever its parameters (manifests and the registry hold these;
 * `compute` is a method, so a metric with narrower params still fits, and the
 * registry re-validates params with the metric's own schema before calling it).
 */
export type AnyMetric = MetricDefinition<z.ZodObject>;

/** Declares a metric; list it in the module manifest's `metrics`. */
export function defineMetric<P extends z.ZodObject>(metric: MetricDefinition<P>): MetricDefinition<P> {
  if (!/^[a-z][a-z0-9_]*\.[a-z][a-z0-9_.]*$/.test(metric.id)) {
    throw new Error(`metric id must look like module.name: ${metric.id}`);
  }
  return metric;
}
