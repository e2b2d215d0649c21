import { AppError, notFound } from '../../../core/http/errors';
import { type RequestContext, requireUser } from '../../../core/http/request-context';
import { idsOnPath, isWithin } from '../../../core/org/tree';
import { isAdminRole, ROLE_LABELS, type Role } from '../contract';

export type HeldRole = { orgUnitId: number; orgName: string; orgPath: string; role: string };

export type ManagedAccount = {
  id: number;
  login: string;
  status: string;
  roles: HeldRole[];
  /** Every role is at a unit inside the caller's scope. */
  whollyInScope: boolean;
  /** The one administrator role the account holds, if any. */
  adminRole: HeldRole | undefined;
};

const roleLabel = (role: string) => ROLE_LABELS[role as Role] ?? role;

/**
 * An account the caller may manage: it holds at least one role inside the
 * caller's subtree. Any other account does not exist for the caller (404,
 * like every row outside the scope).
 */
export async function accountInScope(ctx: RequestContext, accountId: number): Promise<ManagedAccount> {
  const scope = requireUser(ctx).org.path;
  const account = await ctx.db.selectFrom('account').select(['id', 'login', 'status']).where('id', '=', accountId).executeTakeFirst();
  const roles = account
    ? await ctx.db
        .selectFrom('role_assignment as r')
        .innerJoin('org_unit as o', 'o.id', 'r.org_unit_id')
        .select(['r.org_unit_id as orgUnitId', 'o.name as orgName', 'o.path as orgPath', 'r.role'])
        .where('r.account_id', '=', accountId)
        .execute()
    : [];
  if (!account || !roles.some((role) => isWithin(scope, role.orgPath))) {
    throw notFound('账号');
  }
  // Units outside the scope are not named to the caller, not even in an error message.
  const held = roles.map((role) => (isWithin(scope, role.orgPath) ? role : { ...role, orgName: '管理范围外的组织' }));
  return {
    ...account,
    roles: held,
    whollyInScope: roles.every((role) => isWithin(scope, role.orgPath)),
    adminRole: held.find((role) => isAdminRole(role.role)),
  };
}

/** The caller acts for the root of the tree (the provincial federation). */
export const actsAtRoot = (ctx: RequestContext) => idsOnPath(requireUser(ctx).org.path).length === 1;

/** Administrators do not change their own account: another administrator must (separation of duties). */
export function refuseSelf(ctx: RequestContext, accountId: number, what: string): void {
  if (requireUser(ctx).account.id === accountId) {
    throw new AppError('FORBIDDEN', `不能${what}，请由其他管理员办理`);
  }
}

/**
 * Account-wide changes (disable, enable, unlock, reset of the second factor)
 * reach roles the caller does not manage when the account also works
 * elsewhere; those are for an administrator whose scope covers them all.
 */
export function refusePartlyOutside(account: ManagedAccount): void {
  if (!account.whollyInScope) {
    throw new AppError('FORBIDDEN', '该账号在您的管理范围之外也有角色，请由上级工会的管理员操作');
  }
}

/**
 * Administrator roles and administrator accounts are managed only from the
 * root unit: a city administrator cannot appoint, remove or switch off the
 * administrators who check on him (GB/T 22239-2019 8.1.5).
 */
export function refuseAdminChangeBelowRoot(ctx: RequestContext, what: string): void {
  if (!actsAtRoot(ctx)) {
    throw new AppError('FORBIDDEN', `${what}只能由省总工会的系统管理员办理`);
  }
}

/**
 * Separation of duties in the roles an account holds (GB/T 22239-2019 8.1.5):
 * at most one administrator role, and an administrator holds no business role
 * (a system or audit administrator must not read or change member data).
 */
export function checkRoleMix(
  held: readonly HeldRole[],
  adding: readonly { role: string; orgName: string }[],
  field: 'role' | 'roles' = 'role',
): void {
  const all = [...held.map((role) => ({ ...role, held: true })), ...adding.map((role) => ({ ...role, held: false }))];
  const admins = all.filter((entry) => isAdminRole(entry.role));
  const [first, second] = admins;
  if (first && second) {
    const message = first.held
      ? `该账号已在${first.orgName}担任${roleLabel(first.role)}，不能再在${second.orgName}担任${roleLabel(second.role)}`
      : `不能同时担任${roleLabel(first.role)}和${roleLabel(second.role)}`;
    throw new AppError('CONFLICT', `${message}：一个账号只能担任系统管理员、安全管理员、审计管理员中的一个角色（三员分立）`, { field });
  }
  const business = all.find((entry) => !isAdminRole(entry.role));
  if (first && business) {
    const message = first.held
      ? `该账号已担任${roleLabel(first.role)}，不能再担任业务角色${roleLabel(business.role)}`
      : business.held
        ? `该账号已担任业务角色${roleLabel(business.role)}，不能再担任${roleLabel(first.role)}`
        : `${roleLabel(first.role)}不能同时担任业务角色${roleLabel(business.role)}`;
    throw new AppError('CONFLICT', `${message}：管理员账号与业务账号须分开（三员分立）`, { field });
  }
}

type PgError = { code?: unknown; constraint?: unknown };

/** The database's own guard (unique index role_assignment_one_admin_role), for a concurrent grant that slipped past checkRoleMix. */
export function isSecondAdminRoleViolation(error: unknown): boolean {
  const pg = error as PgError | null;
  return typeof pg === 'object' && pg !== null && pg.code === '23505' && pg.constraint === 'role_assignment_one_admin_role';
}

export const SECOND_ADMIN_ROLE_MESSAGE =
  '该账号已担任一个管理员角色，不能再担任另一个：一个账号只能担任系统管理员、安全管理员、审计管理员中的一个（三员分立）';

