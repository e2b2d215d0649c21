import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { AppError } from '../http/errors';
import { childPath } from '../org/tree';
import { hashPassword } from './password';
import { checkPasswordPolicy } from './password-policy';

export type CreateAdminOptions = {
  login: string;
  name: string;
  password: string;
  /** Code of the org unit the administrator works at; default: the root of the tree. */
  orgCode?: string;
  /** Name of the root union, created when the platform is empty. */
  rootName: string;
  rootCode: string;
};

export type CreateAdminResult = { accountId: number; login: string; org: { id: number; code: string; name: string }; createdRoot: boolean };

/**
 * The first administrator of a platform started without demo data. There is
 * no default password: the person running the CLI sets one. On an empty
 * platform the root union (the provincial federation) is created too.
 */
export async function createAdmin(db: Kysely<DB>, options: CreateAdminOptions): Promise<CreateAdminResult> {
  const login = options.login.trim().toLowerCase();
  if (!/^[a-z0-9_.-]{3,64}$/.test(login)) {
    throw new AppError('VALIDATION_FAILED', '账号须为 3–64 位小写字母、数字或 _ . -', { field: 'login' });
  }
  const policy = checkPasswordPolicy(options.password, { login });
  if (policy) {
    throw new AppError('VALIDATION_FAILED', policy, { field: 'password' });
  }
  const passwordHash = await hashPassword(options.password);

  return db.transaction().execute(async (tx) => {
    const taken = await tx.selectFrom('account').select('id').where('login', '=', login).executeTakeFirst();
    if (taken) {
      throw new AppError('CONFLICT', `账号 ${login} 已存在`, { field: 'login' });
    }
    let createdRoot = false;
    let org = options.orgCode
      ? await tx.selectFrom('org_unit').select(['id', 'code', 'name']).where('code', '=', options.orgCode).executeTakeFirst()
      : await tx.selectFrom('org_unit').select(['id', 'code', 'name']).where('parent_id', 'is', null).orderBy('id').executeTakeFirst();
    if (!org && options.orgCode) {
      throw new AppError('NOT_FOUND', `组织代码 ${options.orgCode} 不存在`, { field: 'org' });
    }
    if (!org) {
      const inserted = await tx
        .insertInto('org_unit')
        .values({ path: 'pending', depth: 0, type: 'province', name: options.rootName, code: options.rootCode })
        .returning(['id', 'code', 'name'])
        .executeTakeFirstOrThrow();
      await tx.updateTable('org_unit').set({ path: childPath(null, inserted.id) }).where('id', '=', inserted.id).execute();
      org = inserted;
      createdRoot = true;
    }
    const account = await tx
      .insertInto('account')
      .values({ login, name: options.name, password_hash: passwordHash })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('role_assignment')
      .values(['head', 'reviewer', 'clerk'].map((role) => ({ account_id: account.id, org_unit_id: org.id, role })))
      .execute();
    return { accountId: account.id, login, org, createdRoot };
  });
}
