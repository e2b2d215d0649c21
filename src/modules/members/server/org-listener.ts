import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../core/db/schema';
import type { OrgChangeListener, SubtreeMove, UnitHandover } from '../../../core/org/org-changes';
import { idsOnPath, subtreeOf } from '../../../core/org/tree';
import { CURRENT_STATUSES } from '../contract';
import { recordMembershipEvents } from './membership/membership-events';
import { loadStatSubjects } from './membership/stat-subjects';
import { StatDelta } from './stats/stat-delta';

/**
 * Keeps memberships in step with the org tree. A move rewrites the copied
 * paths and carries the subtree's figures from the old ancestors to the new
 * ones; a dissolution or merger hands every current membership (and pending
 * application) to the receiving union with an event in each member's history
 * (工会法 2021 第13条: members keep their membership when their union goes).
 */
async function subtreeMoved(db: Kysely<DB>, move: SubtreeMove): Promise<void> {
  const stats = await db.selectFrom('members_stat').select(['key', 'value']).where('org_unit_id', '=', move.unitId).execute();
  const totals = new Map(stats.filter((row) => row.value !== 0).map((row) => [row.key, row.value]));
  const oldAncestors = idsOnPath(move.fromPath).slice(0, -1);
  const newAncestors = idsOnPath(move.toPath).slice(0, -1);
  const delta = new StatDelta();
  delta.moveTotals(totals, oldAncestors, newAncestors);
  await delta.apply(db);

  const affected = await db
    .selectFrom('members_membership')
    .select(['id', 'person_id', 'org_unit_id'])
    .where(subtreeOf('org_path', move.fromPath))
    .where('status', 'in', CURRENT_STATUSES)
    .execute();
  await sql`
    update members_membership set org_path = ${move.toPath} || substr(org_path, ${move.fromPath.length + 1})
    where org_path >= ${move.fromPath} and org_path < ${`${move.fromPath.slice(0, -1)}/`}
  `.execute(db);
  await sql`
    update members_transfer set to_path = ${move.toPath} || substr(to_path, ${move.fromPath.length + 1})
    where status = 'pending' and to_path >= ${move.fromPath} and to_path < ${`${move.fromPath.slice(0, -1)}/`}
  `.execute(db);
  await sql`
    update members_transfer set from_path = ${move.toPath} || substr(from_path, ${move.fromPath.length + 1})
    where status = 'pending' and from_path >= ${move.fromPath} and from_path < ${`${move.fromPath.slice(0, -1)}/`}
  `.execute(db);
  const units = await db.selectFrom('org_unit').select(['id', 'path']).where('id', 'in', [...new Set(affected.map((row) => row.org_unit_id)), 0]).execute();
  const pathOf = new Map(units.map((unit) => [unit.id, unit.path]));
  await recordMembershipEvents(
    db,
    affected.map((row) => ({
      membershipId: row.id,
      personId: row.person_id,
      orgUnitId: row.org_unit_id,
      orgPath: pathOf.get(row.org_unit_id) ?? move.toPath,
      kind: 'unit_moved' as const,
      on: move.on,
      actorAccountId: move.actorAccountId,
    })),
  );
}

/** Transfers in flight follow the unit's records to the receiving union (one that would now point at itself is cancelled). */
async function redirectTransfers(db: Kysely<DB>, handover: UnitHandover): Promise<void> {
  const pending = (column: 'from_org_unit_id' | 'to_org_unit_id') =>
    db.updateTable('members_transfer').where('status', '=', 'pending').where(column, '=', handover.from.id);
  await pending('from_org_unit_id').where('to_org_unit_id', '=', handover.to.id).set({ status: 'cancelled', decided_on: handover.on }).execute();
  await pending('to_org_unit_id').where('from_org_unit_id', '=', handover.to.id).set({ status: 'cancelled', decided_on: handover.on }).execute();
  await pending('from_org_unit_id').set({ from_org_unit_id: handover.to.id, from_path: handover.to.path }).execute();
  await pending('to_org_unit_id').set({ to_org_unit_id: handover.to.id, to_path: handover.to.path }).execute();
}

async function unitHandedOver(db: Kysely<DB>, handover: UnitHandover) {
  const memberships = await db
    .selectFrom('members_membership')
    .select(['id', 'person_id'])
    // The unit's own memberships: its exact path (the scope index), not the subtree.
    .where('org_path', '=', handover.from.path)
    .where('org_unit_id', '=', handover.from.id)
    .where('status', 'in', [...CURRENT_STATUSES, 'pending'])
    .execute();
  await redirectTransfers(db, handover);
  if (memberships.length === 0) return { label: '会员', count: 0 };
  const ids = memberships.map((row) => row.id);
  const delta = new StatDelta();
  const before = await loadStatSubjects(db, ids, delta);
  await db
    .updateTable('members_membership')
    .set({ org_unit_id: handover.to.id, org_path: handover.to.path, updated_at: new Date() })
    .where('id', 'in', ids)
    .execute();
  for (const subject of before.values()) delta.replace(subject, { ...subject, orgPath: handover.to.path });
  await delta.apply(db);
  await recordMembershipEvents(
    db,
    memberships.map((row) => ({
      membershipId: row.id,
      personId: row.person_id,
      orgUnitId: handover.to.id,
      orgPath: handover.to.path,
      kind: handover.kind === 'dissolved' ? ('unit_dissolved' as const) : ('unit_merged' as const),
      on: handover.on,
      otherOrgUnitId: handover.from.id,
      actorAccountId: handover.actorAccountId,
    })),
  );
  return { label: '会员', count: memberships.length };
}

export const membersOrgListener: OrgChangeListener = { subtreeMoved, unitHandedOver };
