import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../../core/db/schema';
import type { StatDelta } from '../stats/stat-delta';
import type { StatSubject } from '../stats/stat-keys';

/**
 * The memberships' current state as the statistics see it, by membership id.
 *
 * Pass `adoptInto` when the caller is about to change them: a membership an
 * import created is not in the statistics until its job ends (the job adds
 * what it still holds in one statement, addImportedToStats). Changing one
 * before then would subtract what was never added and the job would then add
 * its new state — counted twice. So, while its job has not ended, it is
 * adopted first: counted in as it is now (into the caller's delta) and
 * released from the job. The job's row is share-locked until the caller
 * commits, and the job's end marks itself completed (a row lock) before it
 * counts, so exactly one of the two counts each membership.
 */
export async function loadStatSubjects(db: Kysely<DB>, membershipIds: readonly number[], adoptInto?: StatDelta): Promise<Map<number, StatSubject>> {
  if (membershipIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('members_membership as m')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .select(['m.id', 'm.org_path', 'm.status', 'm.joined_on', 'm.started_on', 'm.left_on', 'm.import_job_id', 'p.gender', 'p.birth_date', 'p.employment_form'])
    .where('m.id', 'in', membershipIds)
    .execute();
  const subjects = new Map<number, StatSubject>(
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
  const jobIds = [...new Set(rows.flatMap((row) => (row.import_job_id === null ? [] : [row.import_job_id])))];
  if (adoptInto && jobIds.length > 0) {
    // Which of those jobs have not ended, each locked against ending until this transaction does.
    const unfinished = await sql<{ id: number }>`select members_import_jobs_unfinished(${jobIds}::int[]) as id`.execute(db);
    const pending = new Set(unfinished.rows.map((row) => row.id));
    const adopted = rows.filter((row) => row.import_job_id !== null && pending.has(row.import_job_id)).map((row) => row.id);
    for (const id of adopted) adoptInto.add(subjects.get(id)!, 1);
    if (adopted.length > 0) await db.updateTable('members_membership').set({ import_job_id: null }).where('id', 'in', adopted).execute();
  }
  return subjects;
}
