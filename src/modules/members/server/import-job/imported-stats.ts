import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../../core/db/schema';
import { GIG_EMPLOYMENT_FORMS } from '../../contract';
import { addOwnCountsToStats } from '../stats/rebuild-stats';

/** What the statistics need of a membership an import creates: active, started on its 入会日期. */
export type ImportedMember = { joinedOn: string; gender: 'male' | 'female'; birthDate: string; employmentForm: string | null };

// Each facet of such a membership is counted under a number (facet × 2^24 + value): strings
// per row, hashed into maps, cost 5 µs a row where these numbers cost a tenth of that.
const FACET = 2 ** 24;
const MONTH = 0;
const FORM = 1;
const GENDER = 2;
const BORN = 3;
const JOINED = 4;
const JOINED_FORM = 5;
const GIG = 6;
const MEMBERS = 7;
/** JOINED_FORM's value: year × FORMS + form (far more forms than the vocabulary has). */
const FORMS = 1024;

const GIG_FORMS: ReadonlySet<string> = new Set(GIG_EMPLOYMENT_FORMS);
const digit = (text: string, at: number) => text.charCodeAt(at) - 48;
const yearOf = (date: string) => digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3);
const monthOf = (date: string) => digit(date, 5) * 10 + digit(date, 6);
const year4 = (year: number) => String(year).padStart(4, '0');

function bump(counts: Map<number, number>, facet: number, value: number): void {
  const code = facet * FACET + value;
  counts.set(code, (counts.get(code) ?? 0) + 1);
}

/**
 * The statistics of the memberships one run of an import job created,
 * counted in memory as their batches commit: the rows are at hand then.
 * Counting them again in SQL when the job ends (addImportedToStats) read a
 * million memberships and their people, 5–7 s on one core while the other
 * waited. Own counts per unit only (about 130,000 for a million members over
 * 2,000 unions); the ancestors are added at the end, along the tree as it is
 * then. The keys are statKeys()' for an active membership; a property test
 * holds the two together.
 *
 * Right only if this run wrote every membership of the job and no lifecycle
 * step adopted one meanwhile (loadStatSubjects); runImportJob checks both and
 * otherwise counts from the tables.
 */
export class ImportedStats {
  readonly #byUnit = new Map<number, Map<number, number>>();
  readonly #formIndex = new Map<string, number>();
  readonly #forms: string[] = [];
  #memberships = 0;

  add(unitId: number, member: ImportedMember): void {
    let counts = this.#byUnit.get(unitId);
    if (!counts) {
      counts = new Map();
      this.#byUnit.set(unitId, counts);
    }
    const joined = yearOf(member.joinedOn);
    const form = this.#formOf(member.employmentForm ?? '');
    bump(counts, MEMBERS, 0);
    bump(counts, MONTH, joined * 12 + monthOf(member.joinedOn) - 1);
    bump(counts, FORM, form);
    bump(counts, GENDER, member.gender === 'male' ? 0 : 1);
    bump(counts, BORN, yearOf(member.birthDate));
    if (member.employmentForm !== null && GIG_FORMS.has(member.employmentForm)) bump(counts, GIG, 0);
    bump(counts, JOINED, joined);
    bump(counts, JOINED_FORM, joined * FORMS + form);
    this.#memberships += 1;
  }

  /** How many memberships were counted. */
  get memberships(): number {
    return this.#memberships;
  }

  /** The counts per unit, by the keys of statKeys(). */
  ownCounts(): Array<{ unitId: number; key: string; value: number }> {
    const rows: Array<{ unitId: number; key: string; value: number }> = [];
    for (const [unitId, counts] of this.#byUnit) {
      for (const [code, value] of counts) {
        for (const key of this.#keysOf(code)) rows.push({ unitId, key, value });
      }
    }
    return rows;
  }

  /** Adds the counts to the maintained statistics, in the caller's transaction. */
  async apply(db: Kysely<DB>): Promise<void> {
    const rows = this.ownCounts();
    if (rows.length === 0) return;
    await addOwnCountsToStats(
      db,
      sql`select * from unnest(${rows.map((row) => row.unitId)}::int[], ${rows.map((row) => row.key)}::text[], ${rows.map((row) => row.value)}::int[])
        as own(org_unit_id, key, value)`,
    );
  }

  #formOf(form: string): number {
    let index = this.#formIndex.get(form);
    if (index === undefined) {
      index = this.#forms.length;
      if (index >= FORMS) throw new Error(`more than ${FORMS} forms of employment`);
      this.#forms.push(form);
      this.#formIndex.set(form, index);
    }
    return index;
  }

  #keysOf(code: number): string[] {
    const facet = Math.floor(code / FACET);
    const value = code % FACET;
    switch (facet) {
      case MEMBERS:
        return ['members', 'status:active'];
      case MONTH:
        return [`in:${year4(Math.floor(value / 12))}-${String((value % 12) + 1).padStart(2, '0')}`];
      case FORM:
        return [`form:${this.#forms[value]}`];
      case GENDER:
        return [`gender:${value === 0 ? 'male' : 'female'}`];
      case BORN:
        return [`born:${year4(value)}`];
      case GIG:
        return ['gig'];
      case JOINED:
        return [`joined:${year4(value)}`];
      case JOINED_FORM:
        return [`joined_form:${year4(Math.floor(value / FORMS))}:${this.#forms[value % FORMS]}`];
      default:
        throw new Error(`unknown facet ${facet}`);
    }
  }
}
