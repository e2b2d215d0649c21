import type { z } from 'zod';
import { AppError, notFound } from '../../../../core/http/errors';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import type { TPlanDetail, ZAddMeasureRequest } from '../../contract';
import { titleOf } from '../../parse/parse-plan';
import { checkVersion, loadPlan, requireDraft, requireOwnerSide, requireParticipant, touchPlan } from '../plan-access';
import { getPlanDetail } from '../queries/get-plan-detail';

/**
 * 新增措施 (a qualitative task; indicators are added to it afterwards). In a
 * draft the measure joins the document, at the plan's version. In a confirmed
 * plan it is a local measure (本级补充措施) of the union the user acts for,
 * which must have received and signed for the plan; it is visible to that
 * union's side of the tree only.
 */
export async function addMeasure(ctx: RequestContext, planId: number, request: z.output<typeof ZAddMeasureRequest>): Promise<TPlanDetail> {
  const user = requireUser(ctx);
  const seen = await loadPlan(ctx, planId);
  const section = await ctx.db.selectFrom('plans_section').select(['id']).where('id', '=', request.sectionId).where('plan_id', '=', seen.id).executeTakeFirst();
  if (!section) throw new AppError('NOT_FOUND', '所选部分不存在', { field: 'sectionId' });

  let owner: { id: number; path: string };
  let plan = seen;
  if (seen.status === 'draft') {
    requireOwnerSide(ctx, seen);
    plan = await loadPlan(ctx, planId, { lock: true });
    requireDraft(plan);
    checkVersion(request.version, plan.version);
    owner = { id: plan.org_unit_id, path: plan.org_path };
  } else {
    if ((await requireParticipant(ctx, plan, '补充本级措施')) === 'owner') {
      throw new AppError('CONFLICT', '工作部署已确认，文件中的措施不能再增加；如需修改，请在下发前撤回确认', { field: 'status' });
    }
    owner = { id: user.org.id, path: user.org.path };
  }

  let position: number;
  if (request.afterMeasureId !== undefined && request.afterMeasureId !== null) {
    const after = await ctx.db
      .selectFrom('plans_measure')
      .select(['position'])
      .where('id', '=', request.afterMeasureId)
      .where('section_id', '=', section.id)
      .executeTakeFirst();
    if (!after) throw notFound('所选措施');
    position = after.position + 1;
    await ctx.db
      .updateTable('plans_measure')
      .set((eb) => ({ position: eb('position', '+', 1) }))
      .where('section_id', '=', section.id)
      .where('position', '>=', position)
      .where('org_path', '=', owner.path)
      .execute();
  } else {
    const last = await ctx.db.selectFrom('plans_measure').select((eb) => eb.fn.max('position').as('max')).where('section_id', '=', section.id).executeTakeFirst();
    position = last?.max === null || last?.max === undefined ? 0 : Number(last.max) + 1;
  }
  const now = ctx.now();
  const created = await ctx.db
    .insertInto('plans_measure')
    .values({
      plan_id: plan.id,
      section_id: section.id,
      org_unit_id: owner.id,
      org_path: owner.path,
      position,
      no: request.no ?? '',
      title: (request.title || titleOf(request.text) || request.text.slice(0, 80)).slice(0, 300),
      text: request.text,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (plan.status === 'draft') await touchPlan(ctx, plan);
  await ctx.audit({
    action: plan.status === 'draft' ? 'plans.add-measure' : 'plans.add-local-measure',
    category: 'write',
    targetType: 'plans_measure',
    targetId: created.id,
    details: { planId: plan.id, orgUnitId: owner.id },
  });
  return getPlanDetail(ctx, plan.id);
}
