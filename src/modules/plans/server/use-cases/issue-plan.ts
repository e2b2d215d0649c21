import type { z } from 'zod';
import { AppError } from '../../../../core/http/errors';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import { subtreeOf } from '../../../../core/org/tree';
import type { ZIssuePlanRequest, ZIssueResult } from '../../contract';
import { loadPlan, requireConfirmed, requireParticipant } from '../plan-access';
import { findIssuesFrom } from '../queries/plan-issues';

/**
 * 下发: the union the user acts for passes a confirmed plan to unions below
 * it — named ones anywhere in its subtree, and/or all its direct subordinates
 * of the given types (a whole level). The owner issues; a recipient re-issues
 * once it has signed for the plan (the cascade: province → city → county). A
 * union receives a plan once: unions that already have it are reported, not
 * refused, so "issue to all cities" can be repeated after adding one.
 */
export async function issuePlan(ctx: RequestContext, id: number, request: z.output<typeof ZIssuePlanRequest>): Promise<z.output<typeof ZIssueResult>> {
  const user = requireUser(ctx);
  const plan = await loadPlan(ctx, id);
  requireConfirmed(plan, '下发');
  await requireParticipant(ctx, plan, '下发');

  const named = [...new Set(request.orgUnitIds)];
  const units = named.length === 0 ? [] : await ctx.db
    .selectFrom('org_unit')
    .select(['id', 'name', 'path', 'status'])
    .where('id', 'in', named)
    .where(subtreeOf('org_unit.path', user.org.path))
    .where('id', '!=', user.org.id)
    .execute();
  for (const [index, unitId] of request.orgUnitIds.entries()) {
    const unit = units.find((candidate) => candidate.id === unitId);
    const field = `orgUnitIds.${index}`;
    if (!unit) throw new AppError('VALIDATION_FAILED', '只能下发给本单位的下级单位', { field });
    if (unit.status !== 'active') throw new AppError('VALIDATION_FAILED', `「${unit.name}」已撤销，不能下发`, { field });
  }
  if (request.childTypes.length > 0) {
    const level = await ctx.db
      .selectFrom('org_unit')
      .select(['id', 'name', 'path', 'status'])
      .where('parent_id', '=', user.org.id)
      .where('type', 'in', request.childTypes)
      .where('status', '=', 'active')
      .execute();
    if (level.length === 0) throw new AppError('VALIDATION_FAILED', '本单位没有所选类型的直属下级单位', { field: 'childTypes' });
    for (const unit of level) if (!units.some((candidate) => candidate.id === unit.id)) units.push(unit);
  }

  const existing = await ctx.db
    .selectFrom('plans_issue as i')
    .innerJoin('org_unit as o', 'o.id', 'i.to_org_unit_id')
    .select(['i.to_org_unit_id', 'o.name'])
    .where('i.plan_id', '=', plan.id)
    .where('i.to_org_unit_id', 'in', units.map((unit) => unit.id))
    .execute();
  // A union may hold the plan through another issuer whose row the caller cannot see: the unique index decides then.
  const fresh = units.filter((unit) => !existing.some((row) => row.to_org_unit_id === unit.id));
  const now = ctx.now();
  if (fresh.length > 0) {
    await ctx.db
      .insertInto('plans_issue')
      .values(
        fresh.map((unit) => ({
          plan_id: plan.id,
          from_org_unit_id: user.org.id,
          from_path: user.org.path,
          to_org_unit_id: unit.id,
          to_path: unit.path,
          issued_at: now,
          issued_by: user.account.id,
        })),
      )
      .onConflict((conflict) => conflict.columns(['plan_id', 'to_org_unit_id']).doNothing())
      .execute();
  }
  await ctx.audit({
    action: 'plans.issue',
    category: 'write',
    targetType: 'plans_plan',
    targetId: plan.id,
    details: { from: user.org.id, to: fresh.map((unit) => unit.id), alreadyIssued: existing.length },
  });
  return {
    issued: await findIssuesFrom(ctx, plan.id, user.org.id, fresh.map((unit) => unit.id)),
    alreadyIssued: existing.map((row) => ({ id: row.to_org_unit_id, name: row.name })),
  };
}
