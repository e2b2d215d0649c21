import type { Kysely } from 'kysely';
import { subtreeOf } from '../../../../core/org/tree';
import type { DB } from '../../../../core/db/schema';
import type { TTransferRow } from '../../contract';

/** Transfers with both unions' names and the member's masked identity, as the caller sees them. */
export const selectTransferRows = (db: Kysely<DB>) =>
  db
    .selectFrom('members_transfer as t')
    .innerJoin('person as p', 'p.id', 't.person_id')
    .innerJoin('org_unit as f', 'f.id', 't.from_org_unit_id')
    .innerJoin('org_unit as r', 'r.id', 't.to_org_unit_id')
    .select([
      't.id', 't.membership_id', 't.from_org_unit_id', 't.to_org_unit_id', 't.from_path', 't.to_path', 't.reason', 't.note',
      't.status', 't.requested_on', 't.decided_on', 't.refusal_reason', 'p.name', 'p.id_number_masked',
      'f.name as from_name', 'r.name as to_name',
    ]);

type TransferRecord = {
  id: number; membership_id: number; from_org_unit_id: number; to_org_unit_id: number; from_path: string; to_path: string;
  reason: string; note: string | null; status: string; requested_on: string; decided_on: string | null;
  refusal_reason: string | null; name: string; id_number_masked: string; from_name: string; to_name: string;
};

export const toTransferRow = (row: TransferRecord, callerPath: string): TTransferRow => ({
  id: row.id,
  membershipId: row.membership_id,
  personName: row.name,
  idNumberMasked: row.id_number_masked,
  fromOrgUnitId: row.from_org_unit_id,
  fromOrgName: row.from_name,
  toOrgUnitId: row.to_org_unit_id,
  toOrgName: row.to_name,
  reason: row.reason,
  note: row.note,
  status: row.status,
  requestedOn: row.requested_on,
  decidedOn: row.decided_on,
  refusalReason: row.refusal_reason,
  side: row.to_path.startsWith(callerPath) && !row.from_path.startsWith(callerPath) ? 'receiving' : 'sending',
});

export const transfersInSubtree = (column: 't.from_path' | 't.to_path', rootPath: string) => subtreeOf(column, rootPath);
