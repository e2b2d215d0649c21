import type { z } from 'zod';
import { AppError } from '../../../../core/http/errors';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import type { TAssessmentScheme, ZSaveSchemeRequest } from '../../assessment-contract';
import { checkVersion } from '../plan-access';
import { getScheme } from './get-scheme';
import { loadScheme, requireIssuer } from './scheme-access';
import { checkSchemeRequest, issuerOf, storeSchemeUnits } from './scheme-fields';

/**
 * 修改考核方案 (the whole tree, at the version it started from). Rules are
 * known by their keys, so entries and adjustments of a rule or item that stays
 * keep applying; published rounds keep their snapshot whatever changes here.
 */
export async function editScheme(ctx: RequestContext, id: number, request: z.output<typeof ZSaveSchemeRequest>): Promise<TAssessmentScheme> {
  const user = requireUser(ctx);
  const seen = await loadScheme(ctx, id);
  requireIssuer(ctx, seen, '修改考核方案');
  const scheme = await loadScheme(ctx, id, { lock: true });
  checkVersion(request.version, scheme.version, '该考核方案已被他人修改，请刷新后重试');
  if (request.planId !== scheme.plan_id) throw new AppError('CONFLICT', '考核方案关联的工作部署不能更改，请新建方案', { field: 'planId' });
  const { units } = await checkSchemeRequest(ctx, request, issuerOf(ctx));
  await ctx.db
    .updateTable('plans_assessment_scheme')
    .set({ year: request.year, title: request.title, full_score: request.fullScore, tree: JSON.stringify(request.tree), version: scheme.version + 1, updated_by: user.account.id, updated_at: ctx.now() })
    .where('id', '=', scheme.id)
    .execute();
  await storeSchemeUnits(ctx, scheme.id, scheme.org_path, units);
  await ctx.audit({ action: 'plans.assessment.edit-scheme', category: 'write', targetType: 'plans_assessment_scheme', targetId: scheme.id, details: { version: scheme.version + 1, units: units.length } });
  return getScheme(ctx, scheme.id);
}
