import type { Insertable } from 'kysely';
import { makeIdNumber, parseIdNumber } from '../../../../core/cn/id-number';
import type { PersonTable } from '../../../../core/db/schema';
import { createRandom } from '../../../../core/demo/random';
import type { SeedContext } from '../../../../core/module';
import { sealPersonField } from '../../../../core/person/person-fields';
import { GIG_EMPLOYMENT_FORMS } from '../../contract';
import type { MembersMembershipTable } from '../schema';
import { rebuildStats } from '../stats/rebuild-stats';
import { seedDemoEmployers } from './seed-demo-employers';
import { seedDemoHistories } from './seed-demo-histories';
import { GIVEN_FEMALE, GIVEN_MALE, SURNAMES } from './person-names';

const GIG_FORMS = GIG_EMPLOYMENT_FORMS;

const DEMO_SEED = 2026_1121;
const BATCH = 500;
const DEMO_TODAY = '2026-11-20';

/** Members per grassroots union: about one in ten employees is in the demo, between 3 and 90 (≈ 50,000 in all). */
const membersFor = (employees: number | null) => Math.max(3, Math.min(90, Math.round((employees ?? 20) / 10)));

/**
 * The demo province's members: realistic names, valid ID numbers consistent
 * with the union's region, birth date and gender, phones, employment forms
 * with the gig groups, all sealed like real data. Deterministic.
 */
export async function seedDemoMembers({ db, keys, log }: SeedContext): Promise<void> {
  const random = createRandom(DEMO_SEED);
  const unions = await db
    .selectFrom('org_unit')
    .select(['id', 'path', 'name', 'region_code', 'credit_code', 'employee_count'])
    .where('type', 'in', ['grassroots', 'joint_grassroots'])
    .orderBy('id')
    .execute();

  const usedIdNumbers = new Set<string>();
  let people = 0;
  let persons: Insertable<PersonTable>[] = [];
  let memberships: Insertable<MembersMembershipTable>[] = [];

  const flush = async () => {
    if (persons.length === 0) return;
    const inserted = await db.insertInto('person').values(persons).returning('id').execute();
    await db
      .insertInto('members_membership')
      .values(memberships.map((membership, index) => ({ ...membership, person_id: inserted[index]!.id })))
      .execute();
    persons = [];
    memberships = [];
  };

  for (const union of unions) {
    // ID numbers carry a GB/T 2260 code: the union's own, or the one in its credit code.
    const region = /^\d{6}$/.test(union.region_code ?? '') ? union.region_code! : (union.credit_code?.slice(2, 8) ?? '610100');
    const isGigUnion = /快递|外卖|网约车|货运|配送|司机/.test(union.name);
    for (let index = 0; index < membersFor(union.employee_count); index += 1) {
      const isMale = random.next() < 0.55;
      const year = random.int(1962, 2004);
      const birthDate = `${year}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
      let idNumber = '';
      do {
        const sequence = random.int(0, 499) * 2 + (isMale ? 1 : 0);
        idNumber = makeIdNumber(region, birthDate, sequence);
      } while (usedIdNumbers.has(idNumber));
      usedIdNumbers.add(idNumber);
      const parsed = parseIdNumber(idNumber);
      if (!parsed.ok) throw new Error(`demo ID number invalid: ${parsed.message}`);

      const given = isMale ? GIVEN_MALE : GIVEN_FEMALE;
      const name = random.weighted(SURNAMES) + [...Array(random.next() < 0.7 ? 2 : 1)].map(() => random.pick([...given])).join('');
      const phone = `1${random.pick(['3', '5', '7', '8', '9'])}${String(random.int(0, 999_999_999)).padStart(9, '0')}`;
      const form = isGigUnion && random.next() < 0.8 ? random.pick(GIG_FORMS) : random.weighted([['standard', 80], ['dispatched', 8], ['flexible', 5], ...GIG_FORMS.map((gig) => [gig, 1] as const)] as const);
      const sealedId = sealPersonField(keys.ring, 'idNumber', idNumber);
      const sealedPhone = sealPersonField(keys.ring, 'phone', phone);
      persons.push({
        id_number_envelope: sealedId.envelope,
        id_number_index: sealedId.index,
        id_number_masked: sealedId.masked,
        name,
        gender: parsed.value.gender,
        birth_date: parsed.value.birthDate,
        phone_envelope: sealedPhone.envelope,
        phone_index: sealedPhone.index,
        phone_masked: sealedPhone.masked,
        employment_form: form,
        household_type: random.next() < 0.35 ? 'agricultural' : 'non_agricultural',
      });
      const joinedYear = random.int(Math.max(year + 18, 1985), 2026);
      const drawn = `${joinedYear}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
      // The demo's "today" is 2026-11-21: nobody joins in the future.
      const joinedOn = drawn > DEMO_TODAY ? DEMO_TODAY : drawn;
      memberships.push({
        person_id: 0,
        org_unit_id: union.id,
        org_path: union.path,
        status: year < 1966 && random.next() < 0.5 ? 'retained' : 'active',
        card_number: `61${String(union.id).padStart(6, '0')}${String(index + 1).padStart(4, '0')}`,
        joined_on: joinedOn,
        started_on: joinedOn,
        last_active_on: joinedOn,
        join_channel: 'unit',
      });
      people += 1;
      if (persons.length >= BATCH) await flush();
    }
  }
  await flush();
  const histories = await seedDemoHistories(db);
  await seedDemoEmployers({ db, keys, log });
  await rebuildStats(db);
  log(`会员：${people} 人；会籍历史：${histories}`);
}
