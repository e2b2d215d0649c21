import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { openDatabase, type Database } from '../src/core/db/database';
import { runMigrations } from '../src/core/db/migrations';
import { createPostgresTestDatabase, databaseUrl, dropPostgresDatabase } from '../src/core/db/testing-postgres';
import { sealPersonField } from '../src/core/person/person-fields';
import { testPlatformKeys } from '../src/core/platform/test-keys';
import { createOrgUnit } from '../src/core/testing/factories';
import { sealBankAccount, sealMemberIdNumber } from '../src/modules/assistance/server/household/household-fields';
import { allMigrations } from '../src/server/modules';
import { freshDataDir } from './support/server-process';

// A person whose ID number and phone must appear nowhere in a dump in clear text,
// nor the bank account and the spouse's ID number of the person's hardship file.
const ID_NUMBER = '61011319850312123X';
const PHONE = '13991234567';
const BANK_ACCOUNT = '6222020200112233445';
const SPOUSE_ID_NUMBER = '610113198203091224';
const keys = testPlatformKeys();

async function storePerson(database: Database): Promise<void> {
  const db = database.kysely;
  const province = await createOrgUnit(db, { type: 'province' });
  const union = await createOrgUnit(db, { parent: province, name: '测试基层工会' });
  const id = sealPersonField(keys.ring, 'idNumber', ID_NUMBER);
  const phone = sealPersonField(keys.ring, 'phone', PHONE);
  const person = await db
    .insertInto('person')
    .values({
      id_number_envelope: id.envelope,
      id_number_index: id.index,
      id_number_masked: id.masked,
      name: '张三',
      gender: 'male',
      birth_date: '1985-03-12',
      phone_envelope: phone.envelope,
      phone_index: phone.index,
      phone_masked: phone.masked,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('members_membership')
    .values({ person_id: person.id, org_unit_id: union.id, org_path: union.path, status: 'active' })
    .execute();
  // The person's hardship file (一户一档), sealed as the assistance module seals it.
  const bank = sealBankAccount(keys.ring, BANK_ACCOUNT);
  const household = await db
    .insertInto('assistance_household')
    .values({
      person_id: person.id, org_unit_id: union.id, org_path: union.path, status: 'draft', region_code: '610113', dibao_area: 'urban', worker_type: 'worker',
      labor_relation_months: null, annual_income: 20000, sudden_event: null, main_cause: 'illness', bank_name: '工商银行',
      bank_account_envelope: bank.envelope, bank_account_masked: bank.masked, household_size: 2, tier: 'deep', per_capita_monthly: 833.33,
      dibao_monthly: 700, reasons: '[]', rules_day: '2026-11-21', classified_at: new Date(), figures_changed_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('assistance_household_member')
    .values(
      [
        { relation: 'self' as const, name: '张三', sealed: sealMemberIdNumber(keys.ring, ID_NUMBER), birth_date: '1985-03-12', gender: 'male' as const },
        { relation: 'spouse' as const, name: '李四', sealed: sealMemberIdNumber(keys.ring, SPOUSE_ID_NUMBER), birth_date: '1982-03-09', gender: 'female' as const },
      ].map(({ sealed, ...member }, index) => ({
        ...member, household_id: household.id, org_path: union.path, position: index + 1, employment: 'employed' as const,
        id_number_envelope: sealed.envelope, id_number_index: sealed.index, id_number_masked: sealed.masked,
      })),
    )
    .execute();
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const containsSecret = (bytes: Buffer) =>
  [ID_NUMBER, ID_NUMBER.toLowerCase(), PHONE, BANK_ACCOUNT, SPOUSE_ID_NUMBER].some((secret) => bytes.includes(Buffer.from(secret)));

describe('no ID number or phone in clear text at rest', () => {
  it('is absent from every file of the PGlite data directory', async () => {
    const dataDir = freshDataDir();
    const database = await openDatabase({ engine: 'pglite', dataDir });
    await runMigrations(database, allMigrations());
    await storePerson(database);
    await database.close();
    const files = filesUnder(dataDir);
    expect(files.length).toBeGreaterThan(100);
    // The test can find what it looks for: the masked form is stored in clear.
    expect(files.some((file) => readFileSync(file).includes(Buffer.from('610***********123X')))).toBe(true);
    expect(files.some((file) => readFileSync(file).includes(Buffer.from('6222***********3445')))).toBe(true);
    expect(files.filter((file) => containsSecret(readFileSync(file)))).toEqual([]);
  });

  const postgresTemplate = inject('postgresTemplate');
  if (postgresTemplate) {
    it('is absent from a pg_dump of the PostgreSQL database', async () => {
      const adminUrl = process.env.DATABASE_URL!;
      const name = await createPostgresTestDatabase(adminUrl, postgresTemplate);
      const url = databaseUrl(adminUrl, name);
      try {
        const database = await openDatabase({ engine: 'postgres', url, poolSize: 1 });
        await storePerson(database);
        await database.close();
        const pgDump = ['/usr/bin/pg_dump', ...readdirSync('/usr/lib/postgresql').map((v) => `/usr/lib/postgresql/${v}/bin/pg_dump`)].find(existsSync);
        expect(pgDump, 'pg_dump not found').toBeDefined();
        const dump = execFileSync(pgDump!, ['--dbname', url, '--data-only'], { maxBuffer: 64 * 1024 * 1024 });
        expect(dump.includes(Buffer.from('610***********123X'))).toBe(true);
        expect(dump.includes(Buffer.from('6222***********3445'))).toBe(true);
        expect(containsSecret(dump)).toBe(false);
      } finally {
        await dropPostgresDatabase(adminUrl, name);
      }
    });
  }
});
