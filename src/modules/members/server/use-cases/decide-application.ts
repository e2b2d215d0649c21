import type { z } from 'zod';
import { AppError } from '../../../../core/http/errors';
import type { RequestContext } from '../../../../core/http/request-context';
import type { ZDecisionRequest } from '../../contract';
import { issueCardNumbers, loadCardRule } from '../membership/card-number';
import { alreadyMemberMessage, findCurrentHolders } from '../membership/current-holder';
import { actorId, dateOfRecord, loadMembership, requireStatus } from '../membership/membership-guards';
import { recordMembershipEvents } from '../membership/membership-events';
import { loadStatSubjects } from '../membership/stat-subjects';
import { StatDelta } from '../stats/stat-delta';

const isUniqueViolation = (error: unknown) => (error as { code?: unknown } | null)?.code === '23505';

/**
 * 批准入会: the membership starts on the approval date (入会日期 = 批准日期)
 * and a 会员证号 is issued by the configured rule.
 */
export async function approveApplication(ctx: RequestContext, id: number, request: z.output<typeof ZDecisionRequest>) {
  const membership = await loadMembership(ctx, id);
  requireStatus(membership, ['pending'], '批准入会');
  const on = dateOfRecord(ctx, request.on);
  if (membership.applied_on && on < membership.applied_on) {
    throw new AppError('VALIDATION_FAILED', `批准日期不能早于申请日期（${membership.applied_on}）`, { field: 'on' });
  }
  const person = await ctx.db.selectFrom('person').select('id_number_index').where('id', '=', membership.person_id).executeTakeFirstOrThrow();
  const holder = (await findCurrentHolders(ctx.db, [person.id_number_index])).get(person.id_number_index);
  if (holder?.membershipId) throw new AppError('CONFLICT', alreadyMemberMessage(holder));

  const unit = await ctx.db.selectFrom('org_unit').select(['id', 'path', 'code']).where('id', '=', membership.org_unit_id).executeTakeFirstOrThrow();
  const [cardNumber] = await issueCardNumbers(ctx.db, await loadCardRule(ctx.db), unit, on, 1);
  try {
    await ctx.db
      .updateTable('members_membership')
      .set({ status: 'active', joined_on: on, started_on: on, last_active_on: on, card_number: cardNumber, updated_at: ctx.now() })
      .where('id', '=', id)
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', '此人已在其他工会入会，请刷新后查看');
    throw error;
  }
  const delta = new StatDelta();
  delta.add((await loadStatSubjects(ctx.db, [id])).get(id)!, 1);
  await delta.apply(ctx.db);
  await recordMembershipEvents(ctx.db, [
    { membershipId: id, personId: membership.person_id, orgUnitId: membership.org_unit_id, orgPath: membership.org_path, kind: 'approved', on, reason: request.reason, actorAccountId: actorId(ctx) },
  ]);
  await ctx.audit({ action: 'members.approve', category: 'write', targetType: 'membership', targetId: id, details: { on } });
  return { membershipId: id, cardNumber: cardNumber ?? null };
}

/** 不予批准: the application ends; the person may apply again later. */
export async function refuseApplication(ctx: RequestContext, id: number, request: z.output<typeof ZDecisionRequest>) {
  const membership = await loadMembership(ctx, id);
  requireStatus(membership, ['pending'], '不予批准');
  if (!request.reason) throw new AppError('VALIDATION_FAILED', '请填写不予批准的原因', { field: 'reason' });
  const on = dateOfRecord(ctx, request.on);
  await ctx.db.updateTable('members_membership').set({ status: 'refused', end_reason: request.reason, left_on: on, updated_at: ctx.now() }).where('id', '=', id).execute();
  await recordMembershipEvents(ctx.db, [
    { membershipId: id, personId: membership.person_id, orgUnitId: membership.org_unit_id, orgPath: membership.org_path, kind: 'refused', on, reason: request.reason, actorAccountId: actorId(ctx) },
  ]);
  await ctx.audit({ action: 'members.refuse', category: 'write', targetType: 'membership', targetId: id, details: { on } });
  return { membershipId: id, cardNumber: null };
}
