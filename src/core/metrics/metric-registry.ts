import type { ModuleManifest } from '../module';
import type { AnyMetric } from './define-metric';
import { describeMetricParams } from './metric-params';

/**
 * The platform's metrics by id, from the module manifests. Start-up stops on
 * two metrics with one id (an indicator stores the id, so it must name one
 * count) and on a parameter a binding form could not render.
 */
export function collectMetrics(modules: readonly Pick<ModuleManifest, 'id' | 'metrics'>[]): ReadonlyMap<string, AnyMetric> {
  const metrics = new Map<string, AnyMetric>();
  const owners = new Map<string, string>();
  for (const module of modules) {
    for (const metric of module.metrics ?? []) {
      const owner = owners.get(metric.id);
      if (owner !== undefined) {
        throw new Error(`统计指标 ${metric.id} 重复声明（模块 ${owner} 与 ${module.id}）`);
      }
      describeMetricParams(metric.id, metric.params);
      owners.set(metric.id, module.id);
      metrics.set(metric.id, metric);
    }
  }
  return metrics;
}
