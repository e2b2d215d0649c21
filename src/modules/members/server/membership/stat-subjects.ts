import type { Kysely } from 'kysely';
import type { DB } from '../../../../core/db/schema';
import type { StatSubject } from '../stats/stat-keys';

/** The memberships' current state as the statistics see it, by membership id. */
export async function loadStatSubjects(db: Kysely<DB>, membershipIds: readonly number[]): Promise<Map<number, StatSubject>> {
  if (membershipIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('members_membership as m')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .select(['m.id', 'm.org_path', 'm.status', 'm.joined_on', 'm.started_on', 'm.left_on', 'p.gender', 'p.birth_date', 'p.employment_form'])
    .where('m.id', 'in', membershipIds)
    .execute();
  return new Map(
    rows.map((row) => [
      row.id,
      {
        orgPath: row.org_path,
        status: row.status,
        joinedOn: row.joined_on,
        startedOn: row.started_on,
        leftOn: row.left_on,
        gender: row.gender,
        birthDate: row.birth_date,
        employmentForm: row.employment_form,
      },
    ]),
  );
}
