import { sql } from 'kysely';
import { hashPassword } from '../../../../core/auth/password';
import type { SeedContext } from '../../../../core/module';
import { buildDemoProvince } from './demo-province';
import { demoStaff } from './demo-staff';

/** Every demo account signs in with this password; the console prints it at start-up. */
export const DEMO_PASSWORD = 'Gonghui@2026';

const BATCH = 500;

/** The demo province's org tree and its staff accounts (deterministic). */
export async function seedDemoOrgs({ db, log }: SeedContext): Promise<void> {
  const units = buildDemoProvince();
  for (let start = 0; start < units.length; start += BATCH) {
    await db
      .insertInto('org_unit')
      .values(
        units.slice(start, start + BATCH).map((unit) => ({
          id: unit.id,
          parent_id: unit.parentId,
          path: unit.path,
          depth: unit.depth,
          type: unit.type,
          name: unit.name,
          short_name: unit.shortName,
          code: unit.code,
          credit_code: unit.creditCode,
          region_code: unit.regionCode,
          employee_count: unit.employeeCount,
          sort_order: unit.sortOrder,
        })),
      )
      .execute();
  }
  // Explicit ids were inserted: move the identity past them.
  await sql`select setval(pg_get_serial_sequence('org_unit', 'id'), (select max(id) from org_unit))`.execute(db);
  log(`组织机构：${units.length} 个`);

  const unitIdByCode = new Map(units.map((unit) => [unit.code, unit.id]));
  for (const staff of demoStaff(units)) {
    const account = await db
      .insertInto('account')
      // Demo accounts skip the second factor so a new user can look around at once;
      // accounts made by create-admin or the account screens always require it.
      .values({
        login: staff.login,
        name: staff.name,
        password_hash: await hashPassword(DEMO_PASSWORD),
        second_factor_required: false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const orgUnitId = unitIdByCode.get(staff.orgCode);
    if (orgUnitId === undefined) {
      throw new Error(`demo staff ${staff.login} names unknown org ${staff.orgCode}`);
    }
    await db
      .insertInto('role_assignment')
      .values(staff.roles.map((role) => ({ account_id: account.id, org_unit_id: orgUnitId, role })))
      .execute();
  }
  log(`演示账号：${demoStaff(units).length} 个`);
}
