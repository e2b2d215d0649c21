import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../../core/db/schema';
import { addOwnCountsToStats } from '../stats/rebuild-stats';
import { type StatSubject, statKeys } from '../stats/stat-keys';

/**
 * The statistics of the memberships one run of an import job created,
 * counted in memory as their batches commit: the rows are at hand then.
 * Counting them again in SQL when the job ends (addImportedToStats) read a
 * million memberships and their people, 5–6 s on one core while the other
 * waited. Own counts per unit only (about 130,000 for a million members over
 * 2,000 unions); the ancestors are added at the end, along the tree as it is
 * then.
 *
 * Right only if this run wrote every membership of the job and no lifecycle
 * step adopted one meanwhile (loadStatSubjects); runImportJob checks both and
 * otherwise counts from the tables.
 */
export class ImportedStats {
  readonly #byUnit = new Map<number, Map<string, number>>();
  #memberships = 0;

  add(unitId: number, subject: StatSubject): void {
    let counts = this.#byUnit.get(unitId);
    if (!counts) {
      counts = new Map();
      this.#byUnit.set(unitId, counts);
    }
    for (const key of statKeys(subject)) counts.set(key, (counts.get(key) ?? 0) + 1);
    this.#memberships += 1;
  }

  /** How many memberships were counted. */
  get memberships(): number {
    return this.#memberships;
  }

  /** Adds the counts to the maintained statistics, in the caller's transaction. */
  async apply(db: Kysely<DB>): Promise<void> {
    const units: number[] = [];
    const keys: string[] = [];
    const values: number[] = [];
    for (const [unitId, counts] of this.#byUnit) {
      for (const [key, value] of counts) {
        units.push(unitId);
        keys.push(key);
        values.push(value);
      }
    }
    if (units.length === 0) return;
    await addOwnCountsToStats(db, sql`select * from unnest(${units}::int[], ${keys}::text[], ${values}::int[]) as own(org_unit_id, key, value)`);
  }
}
