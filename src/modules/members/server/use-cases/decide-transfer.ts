import type { z } from 'zod';
import { inCallerScope } from '../../../../core/access/scope';
import { AppError, notFound } from '../../../../core/http/errors';
import type { RequestContext } from '../../../../core/http/request-context';
import type { ZDecisionRequest } from '../../contract';
import { actorId, dateOfRecord } from '../membership/membership-guards';
import { recordMembershipEvents } from '../membership/membership-events';
import { loadStatSubjects } from '../membership/stat-subjects';
import { StatDelta } from '../stats/stat-delta';

type Side = 'receiving' | 'sending';

/** A pending transfer that the caller's union may decide on, from the given side. */
async function loadPendingTransfer(ctx: RequestContext, id: number, side: Side) {
  const transfer = await ctx.db
    .selectFrom('members_transfer')
    .selectAll()
    .where('id', '=', id)
    .where(inCallerScope(ctx, side === 'receiving' ? 'members_transfer.to_path' : 'members_transfer.from_path'))
    .forUpdate()
    .executeTakeFirst();
  if (!transfer) throw notFound('转会申请');
  if (transfer.status !== 'pending') throw new AppError('CONFLICT', '该转会申请已处理，请刷新后查看');
  return transfer;
}

/**
 * 接收: the receiving union registers the member. The old membership ends as
 * 'transferred'; a new one starts here with the same 入会日期 and 会员证号.
 */
export async function acceptTransfer(ctx: RequestContext, id: number, request: z.output<typeof ZDecisionRequest>) {
  const transfer = await loadPendingTransfer(ctx, id, 'receiving');
  const on = dateOfRecord(ctx, request.on);
  if (on < transfer.requested_on) throw new AppError('VALIDATION_FAILED', '接收日期不能早于转出日期', { field: 'on' });
  const old = await ctx.db
    .selectFrom('members_membership')
    .select(['id', 'joined_on', 'card_number'])
    .where('id', '=', transfer.membership_id)
    .executeTakeFirstOrThrow();
  const delta = new StatDelta();
  const before = (await loadStatSubjects(ctx.db, [old.id], delta)).get(old.id)!;
  const actor = actorId(ctx);
  // Events and the closing of the old membership come first: row-level
  // security lets the receiving union touch them only while the transfer is pending.
  await recordMembershipEvents(ctx.db, [
    { membershipId: old.id, personId: transfer.person_id, orgUnitId: transfer.from_org_unit_id, orgPath: transfer.from_path, kind: 'transfer_accepted', on, otherOrgUnitId: transfer.to_org_unit_id, actorAccountId: actor },
  ]);
  await ctx.db
    .updateTable('members_membership')
    .set({ status: 'transferred', left_on: on, card_number: old.card_number, updated_at: ctx.now() })
    .where('id', '=', old.id)
    .execute();
  const created = await ctx.db
    .insertInto('members_membership')
    .values({
      person_id: transfer.person_id,
      org_unit_id: transfer.to_org_unit_id,
      org_path: transfer.to_path,
      status: 'active',
      joined_on: old.joined_on,
      started_on: on,
      last_active_on: on,
      card_number: old.card_number,
      join_channel: 'transfer',
      transferred_from_id: old.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.db
    .updateTable('members_transfer')
    .set({ status: 'accepted', decided_on: on, decided_by: actor })
    .where('id', '=', id)
    .execute();
  await recordMembershipEvents(ctx.db, [
    { membershipId: created.id, personId: transfer.person_id, orgUnitId: transfer.to_org_unit_id, orgPath: transfer.to_path, kind: 'transferred_in', on, otherOrgUnitId: transfer.from_org_unit_id, actorAccountId: actor },
  ]);
  delta.replace(before, { ...before, status: 'transferred', leftOn: on });
  delta.add({ ...before, orgPath: transfer.to_path, status: 'active', startedOn: on, leftOn: null }, 1);
  await delta.apply(ctx.db);
  await ctx.audit({ action: 'members.transfer.accept', category: 'write', targetType: 'membership', targetId: created.id, details: { transferId: id, fromMembershipId: old.id } });
  return { transferId: id, membershipId: created.id };
}

/** 拒收 (receiving side, with a reason) or 撤回 (sending side): the member stays where they were. */
export async function closeTransfer(ctx: RequestContext, id: number, side: Side, request: z.output<typeof ZDecisionRequest>) {
  const transfer = await loadPendingTransfer(ctx, id, side);
  if (side === 'receiving' && !request.reason) throw new AppError('VALIDATION_FAILED', '请填写拒收原因', { field: 'reason' });
  const on = dateOfRecord(ctx, request.on);
  const actor = actorId(ctx);
  const kind = side === 'receiving' ? 'transfer_refused' : 'transfer_cancelled';
  // Row-level security lets the receiving union restore the membership only
  // while the transfer is pending: the membership first, then the transfer.
  const delta = new StatDelta();
  const before = (await loadStatSubjects(ctx.db, [transfer.membership_id], delta)).get(transfer.membership_id)!;
  await ctx.db.updateTable('members_membership').set({ status: 'active', updated_at: ctx.now() }).where('id', '=', transfer.membership_id).execute();
  await recordMembershipEvents(ctx.db, [
    { membershipId: transfer.membership_id, personId: transfer.person_id, orgUnitId: transfer.from_org_unit_id, orgPath: transfer.from_path, kind, on, reason: request.reason, otherOrgUnitId: transfer.to_org_unit_id, actorAccountId: actor },
  ]);
  await ctx.db
    .updateTable('members_transfer')
    .set({ status: side === 'receiving' ? 'refused' : 'cancelled', decided_on: on, decided_by: actor, refusal_reason: side === 'receiving' ? request.reason : null })
    .where('id', '=', id)
    .execute();
  delta.replace(before, { ...before, status: 'active' });
  await delta.apply(ctx.db);
  await ctx.audit({ action: `members.transfer.${side === 'receiving' ? 'refuse' : 'cancel'}`, category: 'write', targetType: 'transfer', targetId: id, details: { membershipId: transfer.membership_id } });
  return { transferId: id, membershipId: transfer.membership_id };
}
