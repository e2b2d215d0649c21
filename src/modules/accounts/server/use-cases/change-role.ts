import { inCallerScope } from '../../../../core/access/scope';
import { AppError, notFound } from '../../../../core/http/errors';
import type { RequestContext } from '../../../../core/http/request-context';
import { isAdminRole, type TAccountRow, type TRoleChangeRequest } from '../../contract';
import {
  accountInScope,
  checkRoleMix,
  isSecondAdminRoleViolation,
  refuseAdminChangeBelowRoot,
  refuseSelf,
  SECOND_ADMIN_ROLE_MESSAGE,
} from '../account-guards';
import { loadAccountRow } from '../queries/account-row';

async function unitInScope(ctx: RequestContext, orgUnitId: number) {
  const unit = await ctx.db
    .selectFrom('org_unit')
    .select(['id', 'name'])
    .where('id', '=', orgUnitId)
    .where(inCallerScope(ctx, 'org_unit.path'))
    .executeTakeFirst();
  if (!unit) {
    throw notFound('组织');
  }
  return unit;
}

/**
 * Grants a role at a unit in the caller's scope. Granting a role the account
 * already holds there changes nothing (and is recorded as such).
 */
export async function grantRole(ctx: RequestContext, accountId: number, request: TRoleChangeRequest): Promise<TAccountRow> {
  const account = await accountInScope(ctx, accountId);
  refuseSelf(ctx, accountId, '修改自己的角色');
  const unit = await unitInScope(ctx, request.orgUnitId);
  if (isAdminRole(request.role)) {
    refuseAdminChangeBelowRoot(ctx, '授予管理员角色');
  }
  const held = account.roles.some((role) => role.orgUnitId === unit.id && role.role === request.role);
  if (!held) {
    checkRoleMix(account.roles, [{ role: request.role, orgName: unit.name }]);
    try {
      await ctx.db.insertInto('role_assignment').values({ account_id: accountId, org_unit_id: unit.id, role: request.role }).execute();
    } catch (error) {
      if (isSecondAdminRoleViolation(error)) {
        throw new AppError('CONFLICT', SECOND_ADMIN_ROLE_MESSAGE, { field: 'role' });
      }
      throw error;
    }
  }
  await ctx.audit({
    action: 'accounts.grant_role',
    category: 'admin',
    targetType: 'account',
    targetId: accountId,
    details: { role: request.role, orgUnitId: unit.id, changed: !held },
  });
  return loadAccountRow(ctx, accountId);
}

/**
 * Takes a role back. The account's last role stays: without one it could not
 * sign in and no administrator would see it again — disable it instead.
 * Revoking a role the account does not hold changes nothing.
 */
export async function revokeRole(ctx: RequestContext, accountId: number, request: TRoleChangeRequest): Promise<TAccountRow> {
  const account = await accountInScope(ctx, accountId);
  refuseSelf(ctx, accountId, '修改自己的角色');
  const unit = await unitInScope(ctx, request.orgUnitId);
  if (isAdminRole(request.role)) {
    refuseAdminChangeBelowRoot(ctx, '收回管理员角色');
  }
  const held = account.roles.some((role) => role.orgUnitId === unit.id && role.role === request.role);
  if (held) {
    if (account.roles.length === 1) {
      throw new AppError('CONFLICT', '这是该账号唯一的角色，收回后账号将无法登录，也不再出现在管理列表中；如不再使用，请停用该账号', {
        field: 'role',
      });
    }
    await ctx.db
      .deleteFrom('role_assignment')
      .where('account_id', '=', accountId)
      .where('org_unit_id', '=', unit.id)
      .where('role', '=', request.role)
      .execute();
  }
  await ctx.audit({
    action: 'accounts.revoke_role',
    category: 'admin',
    targetType: 'account',
    targetId: accountId,
    details: { role: request.role, orgUnitId: unit.id, changed: held },
  });
  // Without roles left in scope the row comes back with none: the account has left the caller's sight.
  return loadAccountRow(ctx, accountId);
}
