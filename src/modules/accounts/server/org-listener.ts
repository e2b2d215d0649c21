import type { Kysely } from 'kysely';
import type { DB } from '../../../core/db/schema';
import type { OrgChangeListener, UnitHandover } from '../../../core/org/org-changes';

/**
 * A dissolved or merged union keeps no staff roles. They are revoked, not
 * handed to the receiving union: a clerk of a dissolved factory union must
 * not become a clerk of the county that takes its members over (access is
 * granted, never inherited — 等保 GB/T 22239-2019 8.1.4.2 最小权限). The orgs
 * module audits the dissolution; the result line tells how many were revoked.
 * A move needs nothing: roles point at the unit, whose subtree moves with it.
 */
async function unitHandedOver(db: Kysely<DB>, handover: UnitHandover) {
  const revoked = await db.deleteFrom('role_assignment').where('org_unit_id', '=', handover.from.id).executeTakeFirst();
  return { label: '撤销岗位授权', count: Number(revoked.numDeletedRows) };
}

export const accountsOrgListener: OrgChangeListener = { unitHandedOver };
