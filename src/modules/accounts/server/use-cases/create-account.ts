import type { z } from 'zod';
import { inCallerScope } from '../../../../core/access/scope';
import { hashPassword } from '../../../../core/auth/password';
import { parseIdNumber } from '../../../../core/cn/id-number';
import { parseMobile } from '../../../../core/cn/mobile';
import { AppError, notFound } from '../../../../core/http/errors';
import type { RequestContext } from '../../../../core/http/request-context';
import { isAdminRole, type TCreatedAccount, type ZCreateAccountRequest } from '../../contract';
import { checkRoleMix, isSecondAdminRoleViolation, refuseAdminChangeBelowRoot, SECOND_ADMIN_ROLE_MESSAGE } from '../account-guards';
import { sealAccountPhone } from '../account-phone';
import { generateInitialPassword } from '../initial-password';
import { loadAccountRow } from '../queries/account-row';

const isUniqueViolation = (error: unknown) => (error as { code?: unknown } | null)?.code === '23505';

/**
 * Creates a staff account at a unit in the caller's scope, with its roles
 * there and a one-time initial password, returned once and stored only as a
 * hash. The holder must change it and enrol a second factor at first sign-in.
 */
export async function createAccount(ctx: RequestContext, request: z.output<typeof ZCreateAccountRequest>): Promise<TCreatedAccount> {
  const unit = await ctx.db
    .selectFrom('org_unit')
    .select(['id', 'name'])
    .where('id', '=', request.orgUnitId)
    .where(inCallerScope(ctx, 'org_unit.path'))
    .executeTakeFirst();
  if (!unit) {
    throw notFound('组织');
  }
  // The login shows in the audit trail and on screens: no phone or ID number in it.
  if (parseMobile(request.login).ok || parseIdNumber(request.login).ok) {
    throw new AppError('VALIDATION_FAILED', '账号不得使用手机号或身份证号', { field: 'login' });
  }
  if (request.roles.some(isAdminRole)) {
    refuseAdminChangeBelowRoot(ctx, '授予管理员角色');
  }
  checkRoleMix(
    [],
    request.roles.map((role) => ({ role, orgName: unit.name })),
    'roles',
  );
  const taken = await ctx.db.selectFrom('account').select('id').where('login', '=', request.login).executeTakeFirst();
  if (taken) {
    throw new AppError('CONFLICT', `账号 ${request.login} 已被使用，请换一个`, { field: 'login' });
  }

  const phone = request.phone ? sealAccountPhone(ctx.keys.ring, request.phone) : undefined;
  const initialPassword = generateInitialPassword({ login: request.login, phone: phone?.mobile ?? null });
  const now = ctx.now();
  let accountId: number;
  try {
    const inserted = await ctx.db
      .insertInto('account')
      .values({
        login: request.login,
        name: request.name,
        password_hash: await hashPassword(initialPassword),
        must_change_password: true,
        second_factor_required: true,
        created_at: now,
        updated_at: now,
        ...phone?.sealed,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    accountId = inserted.id;
    await ctx.db
      .insertInto('role_assignment')
      .values(request.roles.map((role) => ({ account_id: inserted.id, org_unit_id: unit.id, role })))
      .execute();
  } catch (error) {
    if (isSecondAdminRoleViolation(error)) {
      throw new AppError('CONFLICT', SECOND_ADMIN_ROLE_MESSAGE, { field: 'roles' });
    }
    if (isUniqueViolation(error)) {
      throw new AppError('CONFLICT', `账号 ${request.login} 已被使用，请换一个`, { field: 'login' });
    }
    throw error;
  }

  await ctx.audit({
    action: 'accounts.create',
    category: 'admin',
    targetType: 'account',
    targetId: accountId,
    details: { login: request.login, orgUnitId: unit.id, roles: request.roles },
  });
  return { account: await loadAccountRow(ctx, accountId), initialPassword };
}
