import type { z } from 'zod';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import type { TReportRow, ZReportListQuery } from '../../contract';
import { loadPlan } from '../plan-access';
import { reportRows } from './report-rows';

/**
 * A plan's progress reports in the caller's subtree — its own union's and
 * those of the unions below it (never a sibling's) — filtered by measure,
 * union, period and state; `toReview`: the submitted reports the caller's
 * union is to review.
 */
export async function findReports(ctx: RequestContext, planId: number, query: z.output<typeof ZReportListQuery>): Promise<{ items: TReportRow[] }> {
  const org = requireUser(ctx).org;
  const plan = await loadPlan(ctx, planId);
  const items = await reportRows(ctx, (rows) => {
    let narrowed = rows.where('r.plan_id', '=', plan.id);
    if (query.measureId !== undefined) narrowed = narrowed.where('r.measure_id', '=', query.measureId);
    if (query.orgUnitId !== undefined) narrowed = narrowed.where('r.org_unit_id', '=', query.orgUnitId);
    if (query.period !== undefined) narrowed = narrowed.where('r.period', '=', query.period);
    if (query.state !== undefined) narrowed = narrowed.where('r.state', '=', query.state);
    if (query.box === 'toReview') narrowed = narrowed.where('r.state', '=', 'submitted').where('r.reviewer_org_unit_id', '=', org.id);
    return narrowed;
  });
  return { items };
}
