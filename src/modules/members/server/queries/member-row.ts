import type { Kysely } from 'kysely';
import type { DB } from '../../../../core/db/schema';
import type { TMemberRow } from '../../contract';

/** The columns of a member list row (masked fields only). */
export const MEMBER_ROW_COLUMNS = [
  'm.id',
  'm.person_id',
  'm.org_path',
  'm.org_unit_id',
  'm.status',
  'm.card_number',
  'm.joined_on',
  'p.name',
  'p.gender',
  'p.birth_date',
  'p.id_number_masked',
  'p.phone_masked',
  'p.employment_form',
  'o.name as org_name',
] as const;

/** Memberships with their person and union, in the shape of ZMemberRow (masked fields only). */
export const selectMemberRows = (db: Kysely<DB>) =>
  db
    .selectFrom('members_membership as m')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .innerJoin('org_unit as o', 'o.id', 'm.org_unit_id')
    .select(MEMBER_ROW_COLUMNS);

type MemberRowRecord = {
  id: number;
  person_id: number;
  org_unit_id: number;
  status: string;
  card_number: string | null;
  joined_on: string | null;
  name: string;
  gender: 'male' | 'female';
  birth_date: string;
  id_number_masked: string;
  phone_masked: string | null;
  employment_form: string | null;
  org_name: string;
};

export const toMemberRow = (row: MemberRowRecord): TMemberRow => ({
  id: row.id,
  personId: row.person_id,
  name: row.name,
  gender: row.gender,
  birthDate: row.birth_date,
  idNumberMasked: row.id_number_masked,
  phoneMasked: row.phone_masked,
  orgUnitId: row.org_unit_id,
  orgName: row.org_name,
  status: row.status,
  cardNumber: row.card_number,
  joinedOn: row.joined_on,
  employmentForm: row.employment_form,
});
