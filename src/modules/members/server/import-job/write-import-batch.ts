import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { dateArray, intArray, textArray } from '../../../../core/db/binary-array';
import type { DB } from '../../../../core/db/schema';
import type { SealedValue } from '../../../../core/person/person-fields';
import type { MemberImportRecord } from '../import/validate-member-row';
import { alreadyMemberMessage } from '../membership/current-holder';
import { StatDelta } from '../stats/stat-delta';
import type { StatSubject } from '../stats/stat-keys';
import type { FirstRowById } from './first-row-by-id';
import type { ImportedMember } from './imported-stats';
import type { ImportUnion } from './union-resolver';

/** A valid row, placed at its union, with the blind indexes it is matched by. */
export type PreparedRow = {
  rowNumber: number;
  record: MemberImportRecord;
  union: ImportUnion;
  idIndex: string;
  phoneIndex: string | null;
  /** Sealed while the previous batch is being written (the encryption overlaps the database's work). */
  sealedId: SealedValue;
  sealedPhone: SealedValue | null;
};

export type BatchError = { row: number; column: string; code: string; message: string };
export type BatchOutcome = {
  imported: number;
  updated: number;
  unchanged: number;
  errors: BatchError[];
  /** The rows written as new memberships (none in a dry run). */
  admitted: PreparedRow[];
};

export type BatchContext = {
  db: Kysely<DB>;
  jobId: number;
  today: string;
  /** Dry run: classify and count, write nothing. */
  dryRun: boolean;
  /**
   * Card numbers by the rule for unions that need them. One writer issues them in its own batch
   * transaction; several writers issue them in a short transaction of their own, so that the counter
   * rows do not make one batch wait for the other's commit (a crash then leaves a gap, as a
   * sequence does).
   */
  issueCards: (requests: ReadonlyArray<{ union: ImportUnion; count: number }>) => Promise<Map<number, string[]>>;
};

/** The first file row of each ID number and card number in a batch, claimed in file order across the job (see claimFirstRows). */
export type ClaimedRows = { byId: ReadonlyMap<string, number>; byCard: ReadonlyMap<string, number> };

/**
 * Where the job keeps the first row of each ID number and of each card number the file gives
 * (card numbers by a hash of them, so a million of them cost 24 MB, not a Map of strings).
 */
export type FirstRows = { byId: FirstRowById; byCard: FirstRowById };

const cardKey = (cardNumber: string) => createHash('sha256').update(cardNumber).digest('hex');

type Found = {
  id_number_index: string; person_id: number; membership_id: number | null; org_unit_id: number | null; org_name: string | null;
  org_code: string | null; in_scope: boolean;
} & { [K in keyof Omit<Existing, 'person_id' | 'membership_id'>]: Existing[K] | null };

type Existing = {
  person_id: number; membership_id: number; name: string; phone_index: string | null; ethnicity: string | null; education: string | null;
  political_status: string | null; household_type: string | null; employment_form: string | null; employer_name: string | null;
  occupation: string | null; joined_on: string | null; card_number: string | null; gender: 'male' | 'female'; birth_date: string;
  status: StatSubject['status']; org_path: string; started_on: string | null; left_on: string | null;
};

const ID_COLUMN = '公民身份号码';

/** The person's columns a row sets (sensitive values sealed only when written). */
function personValues(row: PreparedRow) {
  const { record } = row;
  const phone = row.sealedPhone;
  return {
    name: record.name,
    gender: record.gender,
    birth_date: record.birthDate,
    phone_envelope: phone?.envelope ?? null,
    phone_index: phone?.index ?? null,
    phone_masked: phone?.masked ?? null,
    ethnicity: record.ethnicity,
    education: record.education,
    political_status: record.politicalStatus,
    household_type: record.householdType,
    employment_form: record.employmentForm,
    employer_name: record.employer,
    occupation: record.occupation,
  };
}

/** Whether the row would change anything the file speaks about (empty cells leave values alone). */
function differs(row: PreparedRow, existing: Existing): boolean {
  const { record } = row;
  const given = <T>(value: T | null, current: T | null) => value !== null && value !== current;
  return (
    record.name !== existing.name ||
    given(row.phoneIndex, existing.phone_index) ||
    given(record.ethnicity, existing.ethnicity) ||
    given(record.education, existing.education) ||
    given(record.politicalStatus, existing.political_status) ||
    given(record.householdType, existing.household_type) ||
    given(record.employmentForm, existing.employment_form) ||
    given(record.employer, existing.employer_name) ||
    given(record.occupation, existing.occupation) ||
    given(record.joinedOn, existing.joined_on) ||
    given(record.cardNumber, existing.card_number)
  );
}

const subjectOf = (existing: Existing): StatSubject => ({
  orgPath: existing.org_path,
  status: existing.status,
  joinedOn: existing.joined_on,
  startedOn: existing.started_on,
  leftOn: existing.left_on,
  gender: existing.gender,
  birthDate: existing.birth_date,
  employmentForm: existing.employment_form,
});

/**
 * Writes one batch of valid rows in the caller's transaction: new members
 * (person and membership), updates of members this union already holds,
 * and refusals — duplicates in the file, people who are members elsewhere,
 * card numbers already taken — row by row. Set-based statements (unnest) keep
 * a batch to a handful of round trips.
 */
export async function writeImportBatch(context: BatchContext, rows: readonly PreparedRow[], claimed: ClaimedRows): Promise<BatchOutcome> {
  const { db } = context;
  const outcome: BatchOutcome = { imported: 0, updated: 0, unchanged: 0, errors: [], admitted: [] };
  const refuse = (row: PreparedRow, column: string, code: string, message: string) =>
    outcome.errors.push({ row: row.rowNumber, column, code, message });

  // 1. Duplicates inside the file: the first row with an ID number (or a card number) wins.
  let candidates = rows.filter((row) => {
    const first = claimed.byId.get(row.idIndex);
    if (first !== undefined && first !== row.rowNumber) {
      refuse(row, ID_COLUMN, 'DUPLICATE_IN_FILE', `与第 ${first} 行的公民身份号码重复，同一人只能导入一次`);
      return false;
    }
    const firstWithCard = row.record.cardNumber ? claimed.byCard.get(row.record.cardNumber) : undefined;
    if (firstWithCard !== undefined && firstWithCard !== row.rowNumber) {
      refuse(row, '会员证号', 'CARD_NUMBER_TAKEN', `会员证号 ${row.record.cardNumber} 与第 ${firstWithCard} 行重复，一个会员证号只能属于一名会员`);
      return false;
    }
    return true;
  });

  // 2. Who these people are, where they are members, and (inside the scope) what is recorded.
  const found = await lookupPeople(db, candidates.map((row) => row.idIndex));

  // 3. Card numbers from the file that a current membership of someone else already has.
  const cards = candidates.flatMap((row) => (row.record.cardNumber ? [row.record.cardNumber] : []));
  if (cards.length > 0) {
    const taken = await sql<{ card_number: string; person_id: number; org_name: string }>`
      select * from members_taken_card_numbers(${textArray(cards)}::text[])`.execute(db);
    const takenBy = new Map(taken.rows.map((row) => [row.card_number, row]));
    candidates = candidates.filter((row) => {
      const holder = row.record.cardNumber ? takenBy.get(row.record.cardNumber) : undefined;
      if (holder && holder.person_id !== found.get(row.idIndex)?.person_id) {
        refuse(row, '会员证号', 'CARD_NUMBER_TAKEN', `会员证号 ${row.record.cardNumber} 已属于${holder.org_name}的另一名会员`);
        return false;
      }
      return true;
    });
  }

  const fresh: PreparedRow[] = [];
  const returning: Array<{ row: PreparedRow; personId: number }> = [];
  const sameUnion: Array<{ row: PreparedRow; existing: Existing }> = [];
  for (const row of candidates) {
    const person = found.get(row.idIndex);
    if (!person) fresh.push(row);
    else if (person.membership_id === null) returning.push({ row, personId: person.person_id });
    else if (person.org_unit_id === row.union.id && person.in_scope) sameUnion.push({ row, existing: person as Existing });
    else refuse(row, ID_COLUMN, 'ALREADY_MEMBER', alreadyMemberMessage({ orgName: person.org_name, orgCode: person.org_code }));
  }

  const changed = sameUnion.filter((item) => differs(item.row, item.existing));
  outcome.unchanged = sameUnion.length - changed.length;
  outcome.updated = changed.length;
  outcome.imported = fresh.length + returning.length;
  if (context.dryRun) return outcome;

  const delta = new StatDelta();
  await insertMembers(context, fresh, returning);
  outcome.admitted = [...fresh, ...returning.map((item) => item.row)];
  await updateMembers(context, changed, delta);
  await delta.apply(db);
  return outcome;
}

/** A new member's 入会日期: the file's, or the day of the import. */
const joinedOn = (row: PreparedRow, today: string) => row.record.joinedOn ?? today;

/** What the statistics need of a row written as a new membership (insertMembers). */
export function admittedMember(row: PreparedRow, today: string): ImportedMember {
  const { record } = row;
  return { joinedOn: joinedOn(row, today), gender: record.gender, birthDate: record.birthDate, employmentForm: record.employmentForm };
}

/**
 * Each row's ID number's and card number's first row in the file (this batch's own, or an
 * earlier batch's). Called for the batches in file order, before any is written: two writers
 * then still refuse the later copy, although neither sees the other's uncommitted rows.
 * Claiming again (a batch retried) answers the same.
 */
export function claimFirstRows(firstRows: FirstRows, rows: readonly PreparedRow[]): ClaimedRows {
  const byId = new Map<string, number>();
  const byCard = new Map<string, number>();
  for (const row of rows) {
    byId.set(row.idIndex, firstRows.byId.claim(row.idIndex, row.rowNumber));
    const card = row.record.cardNumber;
    if (card) byCard.set(card, firstRows.byCard.claim(cardKey(card), row.rowNumber));
  }
  return { byId, byCard };
}

/** One call for the whole batch (members_import_lookup, migration 1400): holders everywhere, details inside the scope. */
async function lookupPeople(db: Kysely<DB>, idIndexes: readonly string[]): Promise<Map<string, Found>> {
  if (idIndexes.length === 0) return new Map();
  const result = await sql<Found>`select * from members_import_lookup(${textArray(idIndexes)}::text[])`.execute(db);
  return new Map(result.rows.map((row) => [row.id_number_index, row]));
}

async function insertMembers(
  context: BatchContext,
  fresh: readonly PreparedRow[],
  returning: ReadonlyArray<{ row: PreparedRow; personId: number }>,
): Promise<void> {
  const { db, today } = context;
  if (fresh.length + returning.length === 0) return;
  // Ids first: under row-level security a new person is invisible until their membership exists.
  // The sequence is named once (materialized: an inlined CTE evaluated pg_get_serial_sequence
  // for every row, 3 µs of the row's ~80; nextval itself costs 0.3 µs).
  const ids = await sql<{ id: number }>`
    with sequence as materialized (select pg_get_serial_sequence('person', 'id')::regclass as name)
    select nextval(sequence.name)::int as id from sequence, generate_series(1, ${fresh.length})`.execute(db);
  const personIds = ids.rows.map((row) => row.id);
  if (fresh.length > 0) {
    // The columns come from personValues, as for a returning member's update: one mapping of row to person.
    const people = fresh.map(personValues);
    const column = <K extends keyof (typeof people)[number]>(key: K) => people.map((person) => person[key]);
    const sealedId = <K extends keyof SealedValue>(key: K) => fresh.map((row) => row.sealedId[key]);
    const text = (key: Exclude<keyof (typeof people)[number], 'birth_date'>) => textArray(column(key));
    // One parameter per column (unnest), not one per value: a batch is a single short statement.
    // Binary arrays (binary-array.ts): nothing to escape here or to parse there.
    await sql`
      insert into person (id, id_number_envelope, id_number_index, id_number_masked, name, gender, birth_date, phone_envelope,
        phone_index, phone_masked, ethnicity, education, political_status, household_type, employment_form, employer_name, occupation)
      select * from unnest(
        ${intArray(personIds)}::int[], ${textArray(sealedId('envelope'))}::text[], ${textArray(sealedId('index'))}::text[],
        ${textArray(sealedId('masked'))}::text[], ${text('name')}::text[], ${text('gender')}::text[], ${dateArray(column('birth_date'))}::date[],
        ${text('phone_envelope')}::text[], ${text('phone_index')}::text[], ${text('phone_masked')}::text[], ${text('ethnicity')}::text[],
        ${text('education')}::text[], ${text('political_status')}::text[], ${text('household_type')}::text[],
        ${text('employment_form')}::text[], ${text('employer_name')}::text[], ${text('occupation')}::text[])`.execute(db);
  }
  const all = [...fresh.map((row, index) => ({ row, personId: personIds[index]! })), ...returning];
  const cardNumbers = await cardNumbersFor(context, all.map((item) => item.row));
  const joined = all.map(({ row }) => joinedOn(row, today));
  await sql`
    insert into members_membership (person_id, org_unit_id, org_path, status, joined_on, started_on, last_active_on, card_number, join_channel,
      import_job_id, import_row, person_name)
    select person_id, org_unit_id, org_path, 'active', joined_on, joined_on, ${today}::date, card_number, 'import', ${context.jobId}::int, import_row, person_name
    from unnest(${intArray(all.map((item) => item.personId))}::int[], ${intArray(all.map((item) => item.row.union.id))}::int[],
      ${textArray(all.map((item) => item.row.union.path))}::text[], ${dateArray(joined)}::date[], ${textArray(cardNumbers)}::text[],
      ${intArray(all.map((item) => item.row.rowNumber))}::int[], ${textArray(all.map((item) => item.row.record.name))}::text[])
      as t(person_id, org_unit_id, org_path, joined_on, card_number, import_row, person_name)`.execute(db);
  // People who were members before: their one record is brought up to date.
  for (const { row, personId } of returning) {
    await db.updateTable('person').set({ ...personValues(row), updated_at: new Date() }).where('id', '=', personId).execute();
  }
  // Their statistics are added when the job ends (see ImportedStats).
}

/** Card numbers from the file, or issued by the rule, per union, in row order. */
async function cardNumbersFor(context: BatchContext, rows: readonly PreparedRow[]): Promise<Array<string | null>> {
  const missing = new Map<number, { union: ImportUnion; indexes: number[] }>();
  const result: Array<string | null> = rows.map((row, index) => {
    if (row.record.cardNumber) return row.record.cardNumber;
    const entry = missing.get(row.union.id) ?? { union: row.union, indexes: [] };
    entry.indexes.push(index);
    missing.set(row.union.id, entry);
    return null;
  });
  if (missing.size === 0) return result;
  const issued = await context.issueCards([...missing.values()].map(({ union, indexes }) => ({ union, count: indexes.length })));
  for (const { union, indexes } of missing.values()) {
    const numbers = issued.get(union.id) ?? [];
    indexes.forEach((rowIndex, position) => {
      result[rowIndex] = numbers[position] ?? null;
    });
  }
  return result;
}

async function updateMembers(context: BatchContext, changed: ReadonlyArray<{ row: PreparedRow; existing: Existing }>, delta: StatDelta): Promise<void> {
  const { db } = context;
  for (const { row, existing } of changed) {
    const values = personValues(row);
    // Empty cells in the file leave the stored value alone.
    const set = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null));
    await db.updateTable('person').set({ ...set, updated_at: new Date() }).where('id', '=', existing.person_id).execute();
    if (row.record.joinedOn || row.record.cardNumber) {
      await db
        .updateTable('members_membership')
        .set({
          ...(row.record.joinedOn ? { joined_on: row.record.joinedOn } : {}),
          ...(row.record.cardNumber ? { card_number: row.record.cardNumber } : {}),
          updated_at: new Date(),
        })
        .where('id', '=', existing.membership_id)
        .execute();
    }
    const before = subjectOf(existing);
    delta.replace(before, {
      ...before,
      joinedOn: row.record.joinedOn ?? before.joinedOn,
      employmentForm: row.record.employmentForm ?? before.employmentForm,
    });
  }
}
