import { sql, type Kysely } from 'kysely';
import { hashPassword } from '../auth/password';
import type { DB } from '../db/schema';
import { childPath } from '../org/tree';

/** Test factories for core rows; module tests build their worlds from these. */

export type TestOrg = { id: number; path: string; code: string; name: string };

let counter = 0;

export async function createOrgUnit(
  db: Kysely<DB>,
  options: { parent?: TestOrg; type?: string; name?: string; employeeCount?: number },
): Promise<TestOrg> {
  counter += 1;
  const { next } = await sql<{ next: number }>`select nextval(pg_get_serial_sequence('org_unit', 'id'))::int as next`
    .execute(db)
    .then((result) => result.rows[0] ?? { next: 0 });
  const path = childPath(options.parent?.path ?? null, next);
  const name = options.name ?? `测试工会${counter}`;
  const code = `T${next}`;
  await db
    .insertInto('org_unit')
    .values({
      id: next,
      parent_id: options.parent?.id ?? null,
      path,
      depth: path.split('.').length - 2,
      type: options.type ?? (options.parent ? 'grassroots' : 'province'),
      name,
      code,
      employee_count: options.employeeCount ?? null,
    })
    .execute();
  return { id: next, path, code, name };
}

/** Cheap hashing for tests: the iteration count travels with the hash. */
const TEST_ITERATIONS = 1_000;

export async function createStaff(
  db: Kysely<DB>,
  options: {
    login: string;
    password?: string;
    org: TestOrg;
    roles?: string[];
    name?: string;
    /** Default false: most tests are about something else than the second factor. */
    secondFactorRequired?: boolean;
  },
): Promise<{ id: number; login: string; password: string }> {
  const password = options.password ?? 'Correct-Horse-42';
  const account = await db
    .insertInto('account')
    .values({
      login: options.login,
      name: options.name ?? options.login,
      password_hash: await hashPassword(password, TEST_ITERATIONS),
      second_factor_required: options.secondFactorRequired ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('role_assignment')
    .values((options.roles ?? ['clerk']).map((role) => ({ account_id: account.id, org_unit_id: options.org.id, role })))
    .execute();
  return { id: account.id, login: options.login, password };
}
