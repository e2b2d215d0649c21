import { notFound } from '../../../../core/http/errors';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import type { TMemberDetail } from '../../contract';
import { selectMemberRows, toMemberRow } from './member-row';
import { selectTransferRows, toTransferRow } from './transfer-rows';

/**
 * One membership with the person's profile (masked) and their whole history
 * across unions, oldest first. Row-level security hides a member outside the
 * caller's subtree (404); a member the caller's union is asked to receive is visible.
 */
export async function getMemberDetail(ctx: RequestContext, id: number): Promise<TMemberDetail> {
  const row = await selectMemberRows(ctx.db)
    .select([
      'p.ethnicity', 'p.education', 'p.political_status', 'p.household_type', 'p.employer_name', 'p.platform_name',
      'p.occupation', 'p.is_model_worker', 'p.is_hardship', 'm.started_on', 'm.left_on', 'm.retain_reason', 'm.last_active_on',
    ])
    .where('m.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('会员');
  const history = await ctx.db
    .selectFrom('members_membership_event as e')
    .innerJoin('org_unit as o', 'o.id', 'e.org_unit_id')
    .leftJoin('org_unit as other', 'other.id', 'e.other_org_unit_id')
    .leftJoin('account as a', 'a.id', 'e.actor_account_id')
    .select(['e.id', 'e.membership_id', 'e.kind', 'e.occurred_on', 'e.org_unit_id', 'o.name as org_name', 'other.name as other_name', 'e.reason', 'a.name as actor_name'])
    .where('e.person_id', '=', row.person_id)
    .orderBy('e.occurred_on')
    .orderBy('e.id')
    .execute();
  const pending = await selectTransferRows(ctx.db).where('t.membership_id', '=', id).where('t.status', '=', 'pending').executeTakeFirst();
  return {
    ...toMemberRow(row),
    ethnicity: row.ethnicity,
    education: row.education,
    politicalStatus: row.political_status,
    householdType: row.household_type,
    employer: row.employer_name,
    platform: row.platform_name,
    occupation: row.occupation,
    startedOn: row.started_on,
    leftOn: row.left_on,
    retainReason: row.retain_reason,
    lastActiveOn: row.last_active_on,
    isModelWorker: row.is_model_worker,
    isHardship: row.is_hardship,
    history: history.map((event) => ({
      id: String(event.id),
      membershipId: event.membership_id,
      kind: event.kind,
      on: event.occurred_on,
      orgUnitId: event.org_unit_id,
      orgName: event.org_name,
      otherOrgName: event.other_name,
      reason: event.reason,
      actorName: event.actor_name,
    })),
    pendingTransfer: pending ? toTransferRow(pending, requireUser(ctx).org.path) : null,
  };
}
