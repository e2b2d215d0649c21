import { orgPathInScope } from '../../../../core/access/scope';
import { AppError } from '../../../../core/http/errors';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import { subtreeOf } from '../../../../core/org/tree';
import type { TAccountList, TAccountListQuery } from '../../contract';
import { accountPhoneIndex } from '../account-phone';
import { loadAccountRows } from './account-row';

const encodeCursor = (login: string) => Buffer.from(login, 'utf8').toString('base64url');
const decodeCursor = (cursor: string): string => {
  const login = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[a-z0-9_.-]{1,64}$/.test(login)) {
    throw new AppError('VALIDATION_FAILED', '分页参数无效，请从第一页重新查询', { field: 'after' });
  }
  return login;
};

const escapeLike = (text: string) => text.replaceAll('\\', '\\\\').replaceAll('%', '\\%').replaceAll('_', '\\_');

/**
 * Accounts holding at least one role in a subtree of the caller's scope,
 * ordered by login, one keyset page at a time. A search term that is a mobile
 * number matches the phone exactly through its blind index; any other term is
 * a login or name prefix.
 */
export async function findAccounts(ctx: RequestContext, query: TAccountListQuery): Promise<TAccountList> {
  const rootPath = query.orgUnitId === undefined ? requireUser(ctx).org.path : await orgPathInScope(ctx, query.orgUnitId);
  let select = ctx.db
    .selectFrom('account as a')
    .select(['a.id', 'a.login'])
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('role_assignment as r')
          .innerJoin('org_unit as o', 'o.id', 'r.org_unit_id')
          .select('r.id')
          .whereRef('r.account_id', '=', 'a.id')
          .where(subtreeOf('o.path', rootPath)),
      ),
    );
  const term = query.q?.trim();
  if (term) {
    const phoneIndex = accountPhoneIndex(ctx.keys.ring, term);
    if (phoneIndex) {
      select = select.where('a.phone_index', '=', phoneIndex);
    } else {
      const prefix = `${escapeLike(term)}%`;
      select = select.where((eb) => eb.or([eb('a.login', 'like', prefix.toLowerCase()), eb('a.name', 'like', prefix)]));
    }
  }
  if (query.after) {
    select = select.where('a.login', '>', decodeCursor(query.after));
  }
  const rows = await select.orderBy('a.login').limit(query.limit + 1).execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: await loadAccountRows(ctx, page.map((row) => row.id)),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.login) : null,
  };
}
