import type { z } from 'zod';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import type { TAssessmentScheme, ZSaveSchemeRequest } from '../../assessment-contract';
import { getScheme } from './get-scheme';
import { checkSchemeRequest, issuerOf, storeSchemeUnits } from './scheme-fields';

/** 新建考核方案: issued by the union the user acts for, to unions below it. */
export async function createScheme(ctx: RequestContext, request: z.output<typeof ZSaveSchemeRequest>): Promise<TAssessmentScheme> {
  const user = requireUser(ctx);
  const issuer = issuerOf(ctx);
  const { units } = await checkSchemeRequest(ctx, request, issuer);
  const now = ctx.now();
  const { id } = await ctx.db
    .insertInto('plans_assessment_scheme')
    .values({
      plan_id: request.planId,
      org_unit_id: issuer.id,
      org_path: issuer.path,
      year: request.year,
      title: request.title,
      full_score: request.fullScore,
      tree: JSON.stringify(request.tree),
      created_by: user.account.id,
      created_at: now,
      updated_by: user.account.id,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await storeSchemeUnits(ctx, id, issuer.path, units);
  await ctx.audit({ action: 'plans.assessment.create-scheme', category: 'write', targetType: 'plans_assessment_scheme', targetId: id, details: { planId: request.planId, year: request.year, units: units.length } });
  return getScheme(ctx, id);
}
