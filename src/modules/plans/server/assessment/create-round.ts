import type { z } from 'zod';
import { AppError } from '../../../../core/http/errors';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import type { TAssessmentScheme, ZCreateRoundRequest } from '../../assessment-contract';
import { getScheme } from './get-scheme';
import { loadScheme, requireIssuer } from './scheme-access';

/** 新建考核轮次 (2026年度, 2026年上半年 …): scored live until published. */
export async function createRound(ctx: RequestContext, schemeId: number, request: z.output<typeof ZCreateRoundRequest>): Promise<TAssessmentScheme> {
  const user = requireUser(ctx);
  const scheme = await loadScheme(ctx, schemeId);
  requireIssuer(ctx, scheme, '新建考核轮次');
  const taken = await ctx.db.selectFrom('plans_assessment_round').select('id').where('scheme_id', '=', scheme.id).where('title', '=', request.title).executeTakeFirst();
  if (taken) throw new AppError('CONFLICT', `考核轮次「${request.title}」已存在`, { field: 'title' });
  const { id } = await ctx.db
    .insertInto('plans_assessment_round')
    .values({ scheme_id: scheme.id, issuer_path: scheme.org_path, title: request.title, created_by: user.account.id, created_at: ctx.now() })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.audit({ action: 'plans.assessment.create-round', category: 'write', targetType: 'plans_assessment_round', targetId: id, details: { schemeId: scheme.id, title: request.title } });
  return getScheme(ctx, scheme.id);
}
