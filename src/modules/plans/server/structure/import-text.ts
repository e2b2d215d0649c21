import { orgPathInScope } from '../../../../core/access/scope';
import { AppError } from '../../../../core/http/errors';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import { PLAN_TEXT_MAX_CHARS, type TPlanDetail, allMeasures } from '../../contract';
import { parsePlan } from '../../parse/parse-plan';
import { getPlanDetail } from '../queries/get-plan-detail';
import { type DraftSource, storeDraft } from './store-draft';

/** The issuing union of a new draft: the one named (in the caller's subtree), else the one the user acts for. */
export async function draftOwner(ctx: RequestContext, orgUnitId: number | undefined): Promise<{ id: number; path: string }> {
  const org = requireUser(ctx).org;
  if (orgUnitId === undefined || orgUnitId === org.id) return { id: org.id, path: org.path };
  try {
    return { id: orgUnitId, path: await orgPathInScope(ctx, orgUnitId) };
  } catch {
    throw new AppError('NOT_FOUND', '发文单位不存在或不在管理范围内', { field: 'orgUnitId' });
  }
}

/** Parses the text, stores the draft and records the import. Shared by the pasted-text and the file route. */
export async function importText(ctx: RequestContext, owner: { id: number; path: string }, source: DraftSource): Promise<TPlanDetail> {
  const field = source.kind === 'text' ? 'text' : 'file';
  if (source.text.length > PLAN_TEXT_MAX_CHARS) {
    throw new AppError('VALIDATION_FAILED', `正文超过 ${PLAN_TEXT_MAX_CHARS / 10_000} 万字，请只导入工作部署正文`, { field });
  }
  const draft = parsePlan(source.text);
  const measures = allMeasures(draft.sections);
  if (measures.length === 0) {
    throw new AppError('VALIDATION_FAILED', '没有从正文中识别出任何措施，请检查文件内容', { field });
  }
  const planId = await storeDraft(ctx, owner, draft, source);
  await ctx.audit({
    action: 'plans.import',
    category: 'write',
    targetType: 'plans_plan',
    targetId: planId,
    details: {
      orgUnitId: owner.id,
      kind: source.kind,
      measures: measures.length,
      indicators: measures.reduce((sum, measure) => sum + measure.targets.length, 0),
    },
  });
  return getPlanDetail(ctx, planId);
}

