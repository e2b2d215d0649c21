import { AppError } from '../../../../core/http/errors';
import type { RequestContext } from '../../../../core/http/request-context';
import {
  checkVersion,
  isLocalMeasure,
  loadMeasure,
  loadPlan,
  type MeasureRow,
  ownsPlanSide,
  type PlanRow,
  requireDraft,
  requireOwnerSide,
  touchPlan,
} from '../plan-access';

export const STALE_MEASURE = '该措施已被他人修改，请刷新后重试';

/**
 * A measure whose text (or indicators) the caller may change, locked: in a
 * draft, a measure of the document, at the plan's version (the review screen
 * holds one version); in a confirmed plan, only a local measure (本级补充措施)
 * of a union on the caller's side, at the measure's own version — the issued
 * document itself is frozen.
 */
export async function lockMeasureForEdit(ctx: RequestContext, measureId: number, version: number | undefined): Promise<{ plan: PlanRow; measure: MeasureRow; touch: () => Promise<void> }> {
  const found = await loadMeasure(ctx, measureId);
  const seen = await loadPlan(ctx, found.plan_id);
  if (seen.status === 'draft') {
    requireOwnerSide(ctx, seen);
    const plan = await loadPlan(ctx, found.plan_id, { lock: true });
    requireDraft(plan);
    checkVersion(version, plan.version);
    const measure = await loadMeasure(ctx, measureId, { lock: true });
    return { plan, measure, touch: () => touchPlan(ctx, plan) };
  }
  const plan = seen;
  const measure = found;
  if (!isLocalMeasure(measure, plan)) {
    throw new AppError('CONFLICT', '工作部署已确认，文件中的措施不能再修改；如需修改，请在下发前撤回确认', { field: 'status' });
  }
  if (!ownsPlanSide(ctx, measure.org_path)) {
    throw new AppError('FORBIDDEN', '只有补充该措施的单位可以修改它');
  }
  const locked = await loadMeasure(ctx, measureId, { lock: true });
  checkVersion(version, locked.version, STALE_MEASURE);
  return {
    plan,
    measure: locked,
    touch: async () => {
      await ctx.db.updateTable('plans_measure').set({ version: locked.version + 1, updated_at: ctx.now() }).where('id', '=', measure.id).execute();
    },
  };
}
