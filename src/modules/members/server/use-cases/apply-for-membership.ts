import type { z } from 'zod';
import { AppError } from '../../../../core/http/errors';
import type { RequestContext } from '../../../../core/http/request-context';
import type { ZApplyRequest } from '../../contract';
import { alreadyMemberMessage, findCurrentHolders } from '../membership/current-holder';
import { actorId, dateOfRecord, loadHolderUnit } from '../membership/membership-guards';
import { recordMembershipEvents } from '../membership/membership-events';
import { checkProfile, insertPerson, updatePerson } from '../membership/person-record';

/**
 * 入会申请: the worker's application, entered by the grassroots union (or
 * coming from the online channel). It becomes a membership only when the
 * union approves it (全总暂行规定: membership dates from approval).
 * Someone who left may apply again: their one person record is reused.
 */
export async function applyForMembership(ctx: RequestContext, request: z.output<typeof ZApplyRequest>): Promise<{ membershipId: number }> {
  const unit = await loadHolderUnit(ctx, request.orgUnitId, 'orgUnitId');
  const appliedOn = dateOfRecord(ctx, request.appliedOn, 'appliedOn');
  const checked = checkProfile(ctx.keys.ring, request.profile, ctx.now());

  const holder = (await findCurrentHolders(ctx.db, [checked.idNumberIndex])).get(checked.idNumberIndex);
  if (holder?.membershipId) {
    throw new AppError('CONFLICT', alreadyMemberMessage(holder), { field: 'profile.idNumber' });
  }
  if (holder) {
    const pending = await ctx.db
      .selectFrom('members_membership')
      .select('id')
      .where('person_id', '=', holder.personId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (pending) throw new AppError('CONFLICT', '此人已有待审批的入会申请，请勿重复提交', { field: 'profile.idNumber' });
  }

  const personId = holder?.personId ?? (await insertPerson(ctx.db, ctx.keys.ring, checked));
  const inserted = await ctx.db
    .insertInto('members_membership')
    .values({
      person_id: personId,
      org_unit_id: unit.id,
      org_path: unit.path,
      status: 'pending',
      applied_on: appliedOn,
      join_channel: request.channel,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // A returning member's record is brought up to date once it is visible through the new membership.
  if (holder) await updatePerson(ctx.db, ctx.keys.ring, personId, checked, ctx.now());
  await recordMembershipEvents(ctx.db, [
    { membershipId: inserted.id, personId, orgUnitId: unit.id, orgPath: unit.path, kind: 'applied', on: appliedOn, actorAccountId: actorId(ctx) },
  ]);
  await ctx.audit({
    action: 'members.apply',
    category: 'write',
    targetType: 'membership',
    targetId: inserted.id,
    details: { orgUnitId: unit.id, channel: request.channel, returning: Boolean(holder) },
  });
  return { membershipId: inserted.id };
}
