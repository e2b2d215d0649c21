import { type RequestContext, requireUser } from '../http/request-context';
import type { TMe } from './contract';
import { csrfTokenFor } from './csrf';

/** The signed-in user as the console sees them: orgs they may act for, permissions, navigation. */
export async function describeMe(ctx: RequestContext, sessionToken: string): Promise<TMe> {
  const user = requireUser(ctx);
  const assignments = await ctx.db
    .selectFrom('role_assignment')
    .innerJoin('org_unit', 'org_unit.id', 'role_assignment.org_unit_id')
    .select(['org_unit.id', 'org_unit.name', 'org_unit.type', 'org_unit.code', 'role_assignment.role'])
    .where('role_assignment.account_id', '=', user.account.id)
    .orderBy('org_unit.path')
    .execute();
  const orgs = new Map<number, TMe['orgs'][number]>();
  for (const row of assignments) {
    const org = orgs.get(row.id) ?? { id: row.id, name: row.name, type: row.type, code: row.code, roles: [] };
    org.roles.push(row.role);
    orgs.set(row.id, org);
  }
  return {
    account: user.account,
    org: { id: user.org.id, name: user.org.name, type: user.org.type, code: user.org.code },
    orgs: [...orgs.values()],
    roles: user.roles,
    permissions: [...user.permissions].sort(),
    nav: ctx.platform.nav
      .filter((entry) => !entry.permission || user.permissions.has(entry.permission))
      .map(({ path, label, icon }) => ({ path, label, icon })),
    csrfToken: csrfTokenFor(sessionToken),
  };
}
