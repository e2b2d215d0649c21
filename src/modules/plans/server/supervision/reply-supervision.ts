import type { z } from 'zod';
import { AppError } from '../../../../core/http/errors';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import { PLANS_SUPERVISE } from '../../contract';
import { SUPERVISION_KIND_LABELS, type TSupervisionItem, type ZReplySupervisionRequest } from '../../supervision-contract';
import { listItems } from './get-supervision-board';
import { lockSupervision } from './load-supervision';
import { notifyUnit } from './supervision-notices';

/**
 * The supervised union answers a 督办: what it has done and when it expects to
 * finish. Only that union replies (a union above sees the item but answers
 * nothing for it); it may reply again while the item is open. The supervising
 * union's holders of plans.supervise are notified.
 */
export async function replySupervision(ctx: RequestContext, planId: number, supervisionId: number, body: z.output<typeof ZReplySupervisionRequest>): Promise<TSupervisionItem> {
  const user = requireUser(ctx);
  const row = await lockSupervision(ctx, planId, supervisionId, body.version);
  if (row.org_unit_id !== user.org.id) throw new AppError('FORBIDDEN', '只有被督办单位可以答复');
  const now = ctx.now();
  await ctx.db
    .updateTable('plans_supervision')
    .set({ status: 'replied', expected_completion_on: body.expectedCompletionOn, version: row.version + 1, updated_at: now })
    .where('id', '=', row.id)
    .execute();
  await ctx.db
    .insertInto('plans_supervision_action')
    .values({ supervision_id: row.id, org_path: row.org_path, action: 'reply', actor_account_id: user.account.id, actor_org_unit_id: user.org.id, at: now, comment: body.comment, expected_completion_on: body.expectedCompletionOn })
    .execute();
  const measure = await ctx.db.selectFrom('plans_measure').select(['no', 'title']).where('id', '=', row.measure_id).executeTakeFirstOrThrow();
  await notifyUnit(ctx, {
    planId,
    orgUnitId: row.from_org_unit_id,
    permission: PLANS_SUPERVISE,
    kind: 'plans.supervision.reply',
    title: `${user.org.name}答复${SUPERVISION_KIND_LABELS[row.kind]}：${measure.no} ${measure.title}`,
    body: `${body.comment}（预计 ${body.expectedCompletionOn} 完成）`,
  });
  await ctx.audit({ action: 'plans.supervision.reply', category: 'write', targetType: 'plans_supervision', targetId: row.id, details: { planId, expectedCompletionOn: body.expectedCompletionOn } });
  const [item] = await listItems(ctx, planId, row.id);
  return item!;
}
