import fc from 'fast-check';
import type { Kysely } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import { enterPlatformScope } from '../../../../core/access/row-security';
import type { DB } from '../../../../core/db/schema';
import { describeEachEngine, useFreshDatabase } from '../../../../core/db/testing';
import { createOrgUnit, type TestOrg } from '../../../../core/testing/factories';
import { CURRENT_STATUSES, type MembershipStatus } from '../../contract';
import { findStatDrift, rebuildStats } from './rebuild-stats';
import { type StatSubject, statKeys } from './stat-keys';

/**
 * The statistics computed from scratch in SQL (rebuildStats) are exactly what
 * statKeys() says each membership contributes, at its own unit and at every
 * ancestor: for a hand-written fixture that covers every status, missing and
 * present dates, unknown / gig / other employment forms, both genders and
 * shared facets (counts above one), and for random sets of memberships.
 */

type UnitName = 'province' | 'cityA' | 'cityB' | 'unionA1' | 'unionA2' | 'unionB1';
/** Units that hold memberships: the three grassroots unions, and a city with its own members beside its children's. */
const HOLDING_UNITS = ['unionA1', 'unionA2', 'unionB1', 'cityA'] as const satisfies readonly UnitName[];

type FixtureMembership = {
  unit: UnitName;
  status: MembershipStatus;
  joinedOn: string | null;
  startedOn: string | null;
  leftOn: string | null;
  hasCard: boolean;
};
type FixturePerson = {
  gender: 'male' | 'female';
  birthDate: string;
  employmentForm: string | null;
  /** At most one of them current (the unique index members_membership_one_current). */
  memberships: FixtureMembership[];
};

const NON_CURRENT_STATUSES: readonly MembershipStatus[] = ['pending', 'refused', 'transferred', 'exited', 'expelled', 'deceased'];

/** A membership of the hand-written fixture; dates default to none. */
const m = (
  unit: UnitName,
  status: MembershipStatus,
  dates: { joined?: string; started?: string; left?: string } = {},
): FixtureMembership => ({
  unit,
  status,
  joinedOn: dates.joined ?? null,
  startedOn: dates.started ?? null,
  leftOn: dates.left ?? null,
  hasCard: CURRENT_STATUSES.includes(status),
});
const p = (gender: 'male' | 'female', birthDate: string, employmentForm: string | null, ...memberships: FixtureMembership[]): FixturePerson => ({
  gender,
  birthDate,
  employmentForm,
  memberships,
});
const times = (count: number, make: () => FixturePerson) => Array.from({ length: count }, make);

/** 42 memberships of 38 people; every status, facet and null date, and facets shared within and across units. */
const FIXTURE: FixturePerson[] = [
  // unionA1: four alike (gig, female, 1990, joined 2020-03).
  ...times(4, () => p('female', '1990-06-15', 'courier', m('unionA1', 'active', { joined: '2020-03-15', started: '2020-03-15' }))),
  // Unknown employment form; started in a union later than the 入会日期.
  p('male', '1959-01-31', null, m('unionA1', 'active', { joined: '1985-07-01', started: '2019-11-30' })),
  p('male', '1959-12-01', 'standard', m('unionA1', 'retained', { joined: '1985-07-01', started: '1985-07-01' })),
  p('female', '2001-02-28', 'food_delivery', m('unionA1', 'transferring', { joined: '2023-01-09', started: '2023-01-09' })),
  // A current member with no dates at all (an old import).
  p('female', '2001-09-09', 'standard', m('unionA1', 'active')),
  // Applications: pending without and with a start date, refused with a left date — none of them counts.
  p('male', '1998-04-04', 'courier', m('unionA1', 'pending')),
  p('male', '1998-05-05', null, m('unionA1', 'pending', { started: '2024-05-02' })),
  p('female', '1995-03-03', 'standard', m('unionA1', 'refused', { started: '2024-06-01', left: '2024-06-10' })),
  // Transferred out of unionA1, now a member of unionB1: 入会日期 carried over.
  p(
    'male',
    '1990-11-11',
    'courier',
    m('unionA1', 'transferred', { joined: '2015-04-01', started: '2015-04-01', left: '2022-12-31' }),
    m('unionB1', 'active', { joined: '2015-04-01', started: '2023-01-05' }),
  ),
  // Exited twice in one month; one of them re-joined the same union.
  p(
    'female',
    '1970-08-08',
    'dispatched',
    m('unionA1', 'exited', { joined: '2010-02-14', started: '2010-02-14', left: '2021-08-20' }),
    m('unionA1', 'active', { joined: '2024-10-10', started: '2024-10-10' }),
  ),
  p('male', '1971-07-07', 'dispatched', m('unionA1', 'exited', { joined: '2010-02-01', started: '2010-02-01', left: '2021-08-03' })),
  // Ended without a left date, or without a start date.
  p('female', '1988-10-10', 'standard', m('unionA1', 'expelled', { joined: '2018-09-09', started: '2018-09-09' })),
  p('male', '1950-05-05', 'standard', m('unionA1', 'deceased', { left: '2024-12-31' })),
  p('male', '1966-06-06', null, m('unionA1', 'exited')),

  // unionA2.
  ...times(3, () => p('male', '1975-03-20', 'dispatched', m('unionA2', 'active', { joined: '2008-12-01', started: '2008-12-01' }))),
  ...times(2, () => p('female', '1962-12-31', 'flexible', m('unionA2', 'retained', { joined: '1990-01-15', started: '2016-06-30' }))),
  p('male', '1984-01-01', 'truck_driver', m('unionA2', 'transferring', { joined: '2012-05-05', started: '2012-05-05' })),
  p('female', '1993-07-19', null, m('unionA2', 'active', { joined: '2026-11-20', started: '2026-11-20' })),
  p('male', '1959-02-11', 'standard', m('unionA2', 'deceased', { joined: '1980-02-11', started: '1980-02-11', left: '2025-02-11' })),
  p('female', '1988-03-03', 'caregiver', m('unionA2', 'expelled', { joined: '2014-03-03', started: '2014-03-03', left: '2019-10-10' })),
  p('female', '2004-04-04', 'food_delivery', m('unionA2', 'pending')),

  // unionB1.
  ...times(3, () => p('female', '2001-05-20', 'ride_hailing_driver', m('unionB1', 'active', { joined: '2024-02-29', started: '2024-02-29' }))),
  // The same facets as in unionA1, but male: the sums meet at the province.
  p('male', '1990-06-15', 'courier', m('unionB1', 'active', { joined: '2020-03-15', started: '2020-03-15' })),
  p('male', '1959-08-08', 'standard', m('unionB1', 'retained', { joined: '1985-07-01', started: '1985-07-01' })),
  // Three memberships of one person: exited long ago, transferred, now transferring with no 入会日期 on record.
  p(
    'female',
    '1975-09-30',
    'security_guard',
    m('unionB1', 'exited', { joined: '1995-06-01', started: '1995-06-01', left: '1999-06-30' }),
    m('unionB1', 'transferred', { joined: '2000-01-01', started: '2000-01-01', left: '2020-12-31' }),
    m('unionB1', 'transferring', { started: '2021-01-01' }),
  ),
  p('male', '2000-10-01', 'courier', m('unionB1', 'refused')),
  p('female', '1981-11-11', 'domestic_worker', m('unionB1', 'deceased', { joined: '2005-05-05', started: '2005-05-05', left: '2023-03-03' })),

  // cityA's own members, beside its unions'.
  p('female', '1980-07-07', 'caregiver', m('cityA', 'active', { joined: '2017-07-07', started: '2017-07-07' })),
  p('male', '1980-01-17', 'standard', m('cityA', 'exited', { joined: '2017-07-07', started: '2017-07-07', left: '2023-03-03' })),
  p('female', '1980-12-12', 'domestic_worker', m('cityA', 'active', { joined: '2017-07-17', started: '2017-07-17' })),
];

/** `${org_unit_id}|${key}` → value: what statKeys() says, summed at each unit and every ancestor. */
function expectedStats(people: readonly FixturePerson[], units: Record<UnitName, TestOrg>): Record<string, number> {
  const expected: Record<string, number> = {};
  for (const person of people) {
    for (const membership of person.memberships) {
      const unit = units[membership.unit];
      const subject: StatSubject = {
        orgPath: unit.path,
        status: membership.status,
        joinedOn: membership.joinedOn,
        startedOn: membership.startedOn,
        leftOn: membership.leftOn,
        gender: person.gender,
        birthDate: person.birthDate,
        employmentForm: person.employmentForm,
      };
      const ancestors = unit.path.split('.').filter(Boolean);
      for (const key of statKeys(subject)) {
        for (const ancestor of ancestors) {
          const at = `${ancestor}|${key}`;
          expected[at] = (expected[at] ?? 0) + 1;
        }
      }
    }
  }
  return expected;
}

/** Inserts the people and their memberships, as the kernel's jobs write (platform scope). */
async function insertPeople(db: Kysely<DB>, people: readonly FixturePerson[], units: Record<UnitName, TestOrg>): Promise<void> {
  if (people.length === 0) return;
  await db.transaction().execute(async (tx) => {
    await enterPlatformScope(tx);
    const inserted = await tx
      .insertInto('person')
      .values(
        people.map((person, index) => ({
          // Sealed values are opaque here: distinct strings do.
          id_number_envelope: `envelope-${index}`,
          id_number_index: `index-${index}`,
          id_number_masked: `masked-${index}`,
          name: `会员${index + 1}`,
          gender: person.gender,
          birth_date: person.birthDate,
          employment_form: person.employmentForm,
        })),
      )
      .returning(['id', 'id_number_index', 'name'])
      .execute();
    const byIndex = new Map(inserted.map((row) => [row.id_number_index, row]));
    let card = 0;
    const memberships = people.flatMap((person, index) => {
      const row = byIndex.get(`index-${index}`)!;
      return person.memberships.map((membership) => {
        const unit = units[membership.unit];
        card += 1;
        return {
          person_id: row.id,
          person_name: row.name,
          org_unit_id: unit.id,
          org_path: unit.path,
          status: membership.status,
          card_number: membership.hasCard ? `6100002020${String(card).padStart(7, '0')}` : null,
          joined_on: membership.joinedOn,
          started_on: membership.startedOn,
          left_on: membership.leftOn,
        };
      });
    });
    if (memberships.length > 0) await tx.insertInto('members_membership').values(memberships).execute();
  });
}

/** Rebuilds in a transaction (as its doc asks), then reads members_stat as `${org_unit_id}|${key}` → value. */
async function rebuildAndRead(db: Kysely<DB>): Promise<Record<string, number>> {
  await db.transaction().execute(async (tx) => {
    await enterPlatformScope(tx);
    await rebuildStats(tx);
  });
  const rows = await db.selectFrom('members_stat').select(['org_unit_id', 'key', 'value']).where('value', '<>', 0).execute();
  return Object.fromEntries(rows.map((row) => [`${row.org_unit_id}|${row.key}`, row.value]));
}

async function drift(db: Kysely<DB>) {
  return db.transaction().execute(async (tx) => {
    await enterPlatformScope(tx);
    return findStatDrift(tx);
  });
}

/** The counters that differ, with the unit's name: empty when the rebuild agrees with statKeys(). */
function differences(actual: Record<string, number>, expected: Record<string, number>, units: Record<UnitName, TestOrg>) {
  const names = new Map(Object.entries(units).map(([name, unit]) => [String(unit.id), name]));
  return [...new Set([...Object.keys(actual), ...Object.keys(expected)])]
    .filter((at) => actual[at] !== expected[at])
    .sort()
    .map((at) => {
      const [unitId = '', ...key] = at.split('|');
      return { unit: names.get(unitId) ?? unitId, key: key.join('|'), rebuilt: actual[at] ?? 0, statKeys: expected[at] ?? 0 };
    });
}

describeEachEngine('members statistics rebuilt from scratch', (engine) => {
  const database = useFreshDatabase(engine);
  let units: Record<UnitName, TestOrg>;

  beforeEach(async () => {
    const db = database().kysely;
    const province = await createOrgUnit(db, { name: '省总工会' });
    const cityA = await createOrgUnit(db, { parent: province, type: 'city', name: '甲市总工会' });
    const cityB = await createOrgUnit(db, { parent: province, type: 'city', name: '乙市总工会' });
    const unionA1 = await createOrgUnit(db, { parent: cityA, name: '甲一厂工会' });
    const unionA2 = await createOrgUnit(db, { parent: cityA, name: '甲二厂工会' });
    const unionB1 = await createOrgUnit(db, { parent: cityB, name: '乙公司工会' });
    units = { province, cityA, cityB, unionA1, unionA2, unionB1 };
  });

  it('counts exactly what statKeys says for every status, facet and missing date, at each unit and its ancestors', async () => {
    const db = database().kysely;
    await insertPeople(db, FIXTURE, units);
    const expected = expectedStats(FIXTURE, units);
    const actual = await rebuildAndRead(db);

    expect(differences(actual, expected, units)).toEqual([]);
    expect(actual).toEqual(expected);
    expect(await drift(db)).toEqual([]);

    // The fixture is what it claims: shared facets, and every kind of key at the province.
    const province = (key: string) => actual[`${units.province.id}|${key}`];
    expect(province('members')).toBe(25);
    expect(province('gig')).toBe(14);
    expect(province('form:')).toBe(2);
    expect(province('joined_form:1985:standard')).toBe(2);
    expect(province('joined:2020')).toBe(5);
    expect(province('born:1959')).toBe(3);
    expect(province('born:2001')).toBe(5);
    expect(province('out:2021-08')).toBe(2);
    expect(province('in:2020-03')).toBe(5);
    expect(actual[`${units.unionA1.id}|gender:female`]).toBe(7);
    expect(actual[`${units.cityA.id}|members`]).toBe(18);
    const kinds = new Set(Object.keys(actual).map((at) => at.split('|')[1]!.replace(/:.*/, '')));
    expect([...kinds].sort()).toEqual(['born', 'form', 'gender', 'gig', 'in', 'joined', 'joined_form', 'members', 'out', 'status']);
  });

  it('agrees with statKeys for random memberships', async () => {
    const db = database().kysely;
    const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });
    // Few distinct values, so that counters often exceed one.
    const date = (years: readonly number[]) =>
      fc
        .tuple(fc.constantFrom(...years), fc.constantFrom(1, 2, 7, 12), fc.constantFrom(1, 15, 28))
        .map(([year, month, day]) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
    const membership = (statuses: readonly MembershipStatus[]) =>
      fc.record({
        unit: fc.constantFrom(...HOLDING_UNITS),
        status: fc.constantFrom(...statuses),
        joinedOn: maybe(date([1985, 2008, 2020, 2024])),
        startedOn: maybe(date([1985, 2008, 2020, 2024, 2026])),
        leftOn: maybe(date([1999, 2021, 2024, 2026])),
        hasCard: fc.boolean(),
      });
    const person = fc
      .record({
        gender: fc.constantFrom('male' as const, 'female' as const),
        birthDate: date([1959, 1962, 1975, 1990, 2001]),
        employmentForm: fc.constantFrom(null, 'standard', 'dispatched', 'courier', 'food_delivery', 'security_guard'),
        current: maybe(membership(CURRENT_STATUSES)),
        past: fc.array(membership(NON_CURRENT_STATUSES), { maxLength: 2 }),
      })
      .map(({ current, past, ...rest }): FixturePerson => ({ ...rest, memberships: current ? [...past, current] : past }));

    await fc.assert(
      fc.asyncProperty(fc.array(person, { maxLength: 40 }), async (people) => {
        await db.transaction().execute(async (tx) => {
          await enterPlatformScope(tx);
          await tx.deleteFrom('members_stat').execute();
          await tx.deleteFrom('members_membership').execute();
          await tx.deleteFrom('person').execute();
        });
        await insertPeople(db, people, units);
        const actual = await rebuildAndRead(db);
        expect(differences(actual, expectedStats(people, units), units)).toEqual([]);
        expect(await drift(db)).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });
});
