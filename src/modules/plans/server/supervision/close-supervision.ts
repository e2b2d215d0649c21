import type { z } from 'zod';
import { AppError } from '../../../../core/http/errors';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import { PLANS_WRITE } from '../../contract';
import { SUPERVISION_KIND_LABELS, type TSupervisionItem, type ZCloseSupervisionRequest } from '../../supervision-contract';
import { listItems } from './get-supervision-board';
import { lockSupervision } from './load-supervision';
import { notifyUnit } from './supervision-notices';

/** The supervising union (or one above it) closes a 督办 item (办结), replied or not; the supervised union is told. */
export async function closeSupervision(ctx: RequestContext, planId: number, supervisionId: number, body: z.output<typeof ZCloseSupervisionRequest>): Promise<TSupervisionItem> {
  const user = requireUser(ctx);
  const row = await lockSupervision(ctx, planId, supervisionId, body.version);
  if (!row.from_path.startsWith(user.org.path)) throw new AppError('FORBIDDEN', '只有督办单位可以办结督办事项');
  const now = ctx.now();
  await ctx.db.updateTable('plans_supervision').set({ status: 'closed', closed_at: now, version: row.version + 1, updated_at: now }).where('id', '=', row.id).execute();
  await ctx.db
    .insertInto('plans_supervision_action')
    .values({ supervision_id: row.id, org_path: row.org_path, action: 'close', actor_account_id: user.account.id, actor_org_unit_id: user.org.id, at: now, comment: body.comment })
    .execute();
  const measure = await ctx.db.selectFrom('plans_measure').select(['no', 'title']).where('id', '=', row.measure_id).executeTakeFirstOrThrow();
  await notifyUnit(ctx, {
    planId,
    orgUnitId: row.org_unit_id,
    permission: PLANS_WRITE,
    kind: 'plans.supervision.close',
    title: `${SUPERVISION_KIND_LABELS[row.kind]}已办结：${measure.no} ${measure.title}`,
    body: body.comment,
  });
  await ctx.audit({ action: 'plans.supervision.close', category: 'write', targetType: 'plans_supervision', targetId: row.id, details: { planId } });
  const [item] = await listItems(ctx, planId, row.id);
  return item!;
}
