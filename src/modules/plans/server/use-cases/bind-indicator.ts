import type { z } from 'zod';
import { AppError } from '../../../../core/http/errors';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import { evaluateMetric } from '../../../../core/metrics/evaluate-metric';
import type { TPlanDetail, ZBindIndicatorRequest } from '../../contract';
import { ownsPlanSide } from '../plan-access';
import { getPlanDetail } from '../queries/get-plan-detail';
import { loadIndicator } from '../queries/allocation-state';

/**
 * 绑定统计指标: an indicator's achieved value comes from a metric another
 * module publishes (members.joined for 2026 …) instead of reported figures —
 * live, for each union's subtree. The metric and its parameters are checked by
 * the registry (unknown metric or bad parameter: 400 naming it) by reading the
 * value once for the measure's union. `metricId: null` unbinds. The union whose
 * measure it is decides, before or after confirmation.
 */
export async function bindIndicator(ctx: RequestContext, id: number, request: z.output<typeof ZBindIndicatorRequest>): Promise<TPlanDetail> {
  const user = requireUser(ctx);
  const { indicator, measure, plan } = await loadIndicator(ctx, id);
  if (!ownsPlanSide(ctx, measure.org_path)) throw new AppError('FORBIDDEN', '只有制定该措施的单位可以绑定统计指标');
  let reading: number | null = null;
  if (request.metricId === null) {
    await ctx.db.updateTable('plans_indicator').set({ metric_id: null, metric_params: null, bound_at: null, bound_by: null }).where('id', '=', indicator.id).execute();
  } else {
    reading = (await evaluateMetric(ctx, { metricId: request.metricId, params: request.params }, measure.org_unit_id)).value;
    await ctx.db
      .updateTable('plans_indicator')
      .set({ metric_id: request.metricId, metric_params: JSON.stringify(request.params), bound_at: ctx.now(), bound_by: user.account.id })
      .where('id', '=', indicator.id)
      .execute();
  }
  await ctx.audit({
    action: request.metricId === null ? 'plans.unbind-indicator' : 'plans.bind-indicator',
    category: 'write',
    targetType: 'plans_indicator',
    targetId: indicator.id,
    details: { planId: plan.id, metricId: request.metricId, params: request.params, valueAtBinding: reading },
  });
  return getPlanDetail(ctx, plan.id);
}
