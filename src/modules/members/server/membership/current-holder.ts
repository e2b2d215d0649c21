import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../../core/db/schema';

export type CurrentHolder = {
  idNumberIndex: string;
  personId: number;
  membershipId: number | null;
  orgUnitId: number | null;
  orgName: string | null;
  orgCode: string | null;
  status: string | null;
};

/**
 * Who the people with these ID numbers (blind indexes) are and which union
 * holds their current membership — across the whole province, whatever the
 * caller's scope (migration 1320, `members_current_holders`): one person, one
 * record, and an attempt to add a second membership names the first union.
 */
export async function findCurrentHolders(db: Kysely<DB>, idNumberIndexes: readonly string[]): Promise<Map<string, CurrentHolder>> {
  if (idNumberIndexes.length === 0) return new Map();
  const result = await sql<{
    id_number_index: string;
    person_id: number;
    membership_id: number | null;
    org_unit_id: number | null;
    org_name: string | null;
    org_code: string | null;
    status: string | null;
  }>`select * from members_current_holders(${[...idNumberIndexes]}::text[])`.execute(db);
  return new Map(
    result.rows.map((row) => [
      row.id_number_index,
      {
        idNumberIndex: row.id_number_index,
        personId: row.person_id,
        membershipId: row.membership_id,
        orgUnitId: row.org_unit_id,
        orgName: row.org_name,
        orgCode: row.org_code,
        status: row.status,
      },
    ]),
  );
}

/** The refusal for a second current membership: it names the union holding the first. */
export const alreadyMemberMessage = (holder: Pick<CurrentHolder, 'orgName' | 'orgCode'>) =>
  `此人已是${holder.orgName ?? '其他工会'}（${holder.orgCode ?? '—'}）的会员，一人只能有一个会籍；如已换工作单位，请由原工会发起转会`;
