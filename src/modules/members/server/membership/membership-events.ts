import type { Kysely } from 'kysely';
import type { DB } from '../../../../core/db/schema';
import type { MembershipEventKind } from '../../contract';

export type MembershipEvent = {
  membershipId: number;
  personId: number;
  orgUnitId: number;
  orgPath: string;
  kind: MembershipEventKind;
  on: string;
  reason?: string | null;
  otherOrgUnitId?: number | null;
  actorAccountId: number | null;
};

/** Appends to the member's history timeline (never updated, never deleted). */
export async function recordMembershipEvents(db: Kysely<DB>, events: readonly MembershipEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db
    .insertInto('members_membership_event')
    .values(
      events.map((event) => ({
        membership_id: event.membershipId,
        person_id: event.personId,
        org_unit_id: event.orgUnitId,
        org_path: event.orgPath,
        kind: event.kind,
        occurred_on: event.on,
        reason: event.reason ?? null,
        other_org_unit_id: event.otherOrgUnitId ?? null,
        actor_account_id: event.actorAccountId,
      })),
    )
    .execute();
}
