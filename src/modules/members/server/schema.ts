import type { Generated } from 'kysely';

export type MembersMembershipTable = {
  id: Generated<number>;
  person_id: number;
  org_unit_id: number;
  org_path: string;
  status: 'active' | 'retained' | 'transferring' | 'exited' | 'expelled' | 'deceased';
  card_number: string | null;
  joined_on: string | null;
  left_on: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};

declare module '../../../core/db/schema' {
  interface DB {
    members_membership: MembersMembershipTable;
  }
}
