import type { z } from 'zod';
import { AppError } from '../../../../core/http/errors';
import type { RequestContext } from '../../../../core/http/request-context';
import type { MembershipEventKind, MembershipStatus, ZEndRequest, ZRetainRequest } from '../../contract';
import { actorId, dateOfRecord, loadMembership, type MembershipInScope, requireStatus } from '../membership/membership-guards';
import { recordMembershipEvents } from '../membership/membership-events';
import { loadStatSubjects } from '../membership/stat-subjects';
import { StatDelta } from '../stats/stat-delta';

type Change = {
  to: MembershipStatus;
  kind: MembershipEventKind;
  on: string;
  reason: string | null;
  set: Partial<{ retain_reason: 'retired' | 'laid_off' | 'unemployed' | null; left_on: string | null; end_reason: string | null; last_active_on: string }>;
};

async function applyChange(ctx: RequestContext, membership: MembershipInScope, change: Change, action: string) {
  const delta = new StatDelta();
  const before = (await loadStatSubjects(ctx.db, [membership.id], delta)).get(membership.id)!;
  await ctx.db
    .updateTable('members_membership')
    .set({ status: change.to, ...change.set, updated_at: ctx.now() })
    .where('id', '=', membership.id)
    .execute();
  delta.replace(before, { ...before, status: change.to, leftOn: change.set.left_on === undefined ? before.leftOn : change.set.left_on });
  await delta.apply(ctx.db);
  await recordMembershipEvents(ctx.db, [
    { membershipId: membership.id, personId: membership.person_id, orgUnitId: membership.org_unit_id, orgPath: membership.org_path, kind: change.kind, on: change.on, reason: change.reason, actorAccountId: actorId(ctx) },
  ]);
  await ctx.audit({ action, category: 'write', targetType: 'membership', targetId: membership.id, details: { to: change.to, on: change.on } });
  return { membershipId: membership.id, status: change.to };
}

/** 保留会籍: retired, laid off or unemployed members keep membership, without dues or vote. */
export async function retainMembership(ctx: RequestContext, id: number, request: z.output<typeof ZRetainRequest>) {
  const membership = await loadMembership(ctx, id);
  requireStatus(membership, ['active'], '保留会籍');
  const on = dateOfRecord(ctx, request.on);
  return applyChange(ctx, membership, { to: 'retained', kind: 'retained', on, reason: null, set: { retain_reason: request.reason } }, 'members.retain');
}

/** Back to a normal membership (re-employed at a unit of this union). */
export async function reactivateMembership(ctx: RequestContext, id: number) {
  const membership = await loadMembership(ctx, id);
  requireStatus(membership, ['retained'], '恢复正常会籍');
  const on = dateOfRecord(ctx, undefined);
  return applyChange(ctx, membership, { to: 'active', kind: 'reactivated', on, reason: null, set: { retain_reason: null, last_active_on: on } }, 'members.reactivate');
}

/**
 * Ends a membership: 退会 (voluntary, on a written application), 开除会籍
 * (with the reason, 全总暂行规定) or death. Never silently: each needs a
 * decision by staff and leaves its event; the person may apply again (not after death).
 */
export async function endMembership(ctx: RequestContext, id: number, request: z.output<typeof ZEndRequest>) {
  const membership = await loadMembership(ctx, id);
  requireStatus(membership, ['active', 'retained'], request.kind === 'deceased' ? '登记去世' : request.kind === 'expelled' ? '开除会籍' : '办理退会');
  if (request.kind === 'expelled' && !request.reason) {
    throw new AppError('VALIDATION_FAILED', '开除会籍须写明原因', { field: 'reason' });
  }
  const on = dateOfRecord(ctx, request.on);
  if (request.kind === 'deceased') {
    await ctx.db.updateTable('person').set({ deceased_on: on, updated_at: ctx.now() }).where('id', '=', membership.person_id).execute();
  }
  return applyChange(
    ctx,
    membership,
    { to: request.kind, kind: request.kind, on, reason: request.reason, set: { left_on: on, end_reason: request.reason } },
    `members.${request.kind === 'exited' ? 'exit' : request.kind === 'expelled' ? 'expel' : 'decease'}`,
  );
}
