import type { z } from 'zod';
import { beijingDate } from '../../../../core/files/beijing-time';
import { AppError } from '../../../../core/http/errors';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import { inCallerScope } from '../../../../core/access/scope';
import type { TAssessmentRule, ZSaveSchemeRequest } from '../../assessment-contract';
import { TARGET_COMPARATOR_LABELS } from '../../contract';
import { loadPlan } from '../plan-access';
import { assessmentPolicyOn } from './assessment-policy';
import { validateSchemeTree } from './validate-scheme';

type Issuer = { id: number; path: string; name: string };
export type CheckedScheme = { units: { id: number; path: string }[] };

/** Each rule with the field path the console shows its error at. */
function* rulesWithFields(tree: z.output<typeof ZSaveSchemeRequest>['tree']): Generator<[TAssessmentRule, string]> {
  for (const [d, dimension] of tree.entries()) for (const [i, item] of dimension.items.entries()) for (const [r, rule] of item.rules.entries()) yield [rule, `tree.${d}.items.${i}.rules.${r}`];
}

/**
 * A scheme as the issuing union may save it: a tree that holds together
 * (validate-scheme.ts), assessed unions strictly below the issuer, and — when
 * it belongs to a plan — a plan the issuer takes part in, with every measured
 * rule pointing at an indicator of that plan that applies to the issuer (and
 * a target that is a floor, for a completion-rate rule: a ceiling such as
 * 不超过 has no completion to score).
 */
export async function checkSchemeRequest(ctx: RequestContext, request: z.output<typeof ZSaveSchemeRequest>, issuer: Issuer): Promise<CheckedScheme> {
  validateSchemeTree(request.tree, request.fullScore, assessmentPolicyOn(beijingDate(ctx.now())));

  const seen = new Set<number>();
  for (const [index, id] of request.orgUnitIds.entries()) {
    if (seen.has(id)) throw new AppError('VALIDATION_FAILED', '被考核单位重复', { field: `orgUnitIds.${index}` });
    seen.add(id);
  }
  const found = await ctx.db.selectFrom('org_unit').select(['id', 'name', 'path']).where('id', 'in', request.orgUnitIds).where(inCallerScope(ctx, 'org_unit.path')).execute();
  const units = request.orgUnitIds.map((id, index) => {
    const unit = found.find((row) => row.id === id);
    if (!unit) throw new AppError('NOT_FOUND', '被考核单位不存在或无权访问', { field: `orgUnitIds.${index}` });
    if (unit.id === issuer.id || !unit.path.startsWith(issuer.path)) {
      throw new AppError('VALIDATION_FAILED', `「${unit.name}」不是${issuer.name}的下级单位，不能作为被考核单位`, { field: `orgUnitIds.${index}` });
    }
    return { id: unit.id, path: unit.path };
  });

  const measured = [...rulesWithFields(request.tree)].filter(([rule]) => (rule.kind === 'indicator' || rule.kind === 'bands') && rule.indicatorId !== null);
  if (request.planId === null) {
    const first = measured[0];
    if (first) throw new AppError('VALIDATION_FAILED', `评分规则「${first[0].title}」按指标计分，须先关联工作部署`, { field: `${first[1]}.indicatorId` });
    return { units };
  }
  const plan = await loadPlan(ctx, request.planId, { field: 'planId' });
  const takesPart =
    plan.org_unit_id === issuer.id ||
    (await ctx.db.selectFrom('plans_issue').select('id').where('plan_id', '=', plan.id).where('to_org_unit_id', '=', issuer.id).executeTakeFirst()) !== undefined;
  if (!takesPart) throw new AppError('CONFLICT', `${issuer.name}未收到该工作部署，不能据此制定考核方案`, { field: 'planId' });
  const ids = measured.map(([rule]) => (rule as { indicatorId: number }).indicatorId);
  const indicators = ids.length === 0 ? [] : await ctx.db.selectFrom('plans_indicator').select(['id', 'plan_id', 'org_path', 'subject', 'comparator']).where('id', 'in', ids).execute();
  for (const [rule, field] of measured) {
    const indicator = indicators.find((row) => row.id === (rule as { indicatorId: number }).indicatorId);
    if (!indicator || indicator.plan_id !== plan.id || !issuer.path.startsWith(indicator.org_path)) {
      throw new AppError('VALIDATION_FAILED', `评分规则「${rule.title}」所选指标不属于该工作部署或不适用于${issuer.name}`, { field: `${field}.indicatorId` });
    }
    if (rule.kind === 'indicator' && (indicator.comparator === 'lte' || indicator.comparator === 'lt')) {
      throw new AppError('VALIDATION_FAILED', `评分规则「${rule.title}」所选指标「${indicator.subject}」是「${TARGET_COMPARATOR_LABELS[indicator.comparator]}」类目标，没有完成率，请改用分档计分`, { field: `${field}.indicatorId` });
    }
  }
  return { units };
}

/** The assessed unions, replaced. */
export async function storeSchemeUnits(ctx: RequestContext, schemeId: number, issuerPath: string, units: CheckedScheme['units']): Promise<void> {
  await ctx.db.deleteFrom('plans_assessment_unit').where('scheme_id', '=', schemeId).execute();
  await ctx.db
    .insertInto('plans_assessment_unit')
    .values(units.map((unit) => ({ scheme_id: schemeId, org_unit_id: unit.id, org_path: unit.path, issuer_path: issuerPath })))
    .execute();
}

export const issuerOf = (ctx: RequestContext): Issuer => {
  const { org } = requireUser(ctx);
  return { id: org.id, path: org.path, name: org.name };
};
