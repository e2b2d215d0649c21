import type { z } from 'zod';
import { AppError, notFound } from '../../../../core/http/errors';
import type { RequestContext } from '../../../../core/http/request-context';
import type { ZTransferRequest } from '../../contract';
import { actorId, checkHolder, dateOfRecord, loadMembership, requireStatus } from '../membership/membership-guards';
import { recordMembershipEvents } from '../membership/membership-events';
import { loadStatSubjects } from '../membership/stat-subjects';
import { StatDelta } from '../stats/stat-delta';

/**
 * 会员组织关系接转, sending side: "劳动关系在哪里，会员组织关系就在哪里".
 * The receiving union may be anywhere in the province; it accepts or refuses.
 * When the new employer has no union, the union where the member lives holds
 * the membership until one is set up (reason 'residence').
 */
export async function requestTransfer(ctx: RequestContext, id: number, request: z.output<typeof ZTransferRequest>) {
  const membership = await loadMembership(ctx, id);
  requireStatus(membership, ['active'], '发起转会');
  const on = dateOfRecord(ctx, request.on);
  // The union directory is province-wide: the receiving union is usually outside the sender's subtree.
  const target = await ctx.db
    .selectFrom('org_unit')
    .select(['id', 'path', 'name', 'code', 'type', 'status'])
    .where('id', '=', request.toOrgUnitId)
    .executeTakeFirst();
  if (!target) throw notFound('接收工会');
  checkHolder(target, 'toOrgUnitId');
  if (target.id === membership.org_unit_id) throw new AppError('VALIDATION_FAILED', '接收工会与当前工会相同', { field: 'toOrgUnitId' });

  const delta = new StatDelta();
  const before = (await loadStatSubjects(ctx.db, [id], delta)).get(id)!;
  const inserted = await ctx.db
    .insertInto('members_transfer')
    .values({
      membership_id: id,
      person_id: membership.person_id,
      from_org_unit_id: membership.org_unit_id,
      from_path: membership.org_path,
      to_org_unit_id: target.id,
      to_path: target.path,
      reason: request.reason,
      note: request.note,
      requested_on: on,
      requested_by: actorId(ctx),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.db.updateTable('members_membership').set({ status: 'transferring', updated_at: ctx.now() }).where('id', '=', id).execute();
  delta.replace(before, { ...before, status: 'transferring' });
  await delta.apply(ctx.db);
  await recordMembershipEvents(ctx.db, [
    { membershipId: id, personId: membership.person_id, orgUnitId: membership.org_unit_id, orgPath: membership.org_path, kind: 'transfer_requested', on, reason: request.note, otherOrgUnitId: target.id, actorAccountId: actorId(ctx) },
  ]);
  await ctx.audit({
    action: 'members.transfer.request',
    category: 'write',
    targetType: 'membership',
    targetId: id,
    details: { transferId: inserted.id, toOrgUnitId: target.id, reason: request.reason },
  });
  return { membershipId: id, transferId: inserted.id };
}
