import { sql } from 'kysely';
import { orgPathInScope } from '../../../../core/access/scope';
import { parseIdNumber } from '../../../../core/cn/id-number';
import { parseMobile } from '../../../../core/cn/mobile';
import { AppError } from '../../../../core/http/errors';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import { subtreeOf } from '../../../../core/org/tree';
import { personFieldIndex } from '../../../../core/person/person-fields';
import { GIG_EMPLOYMENT_FORMS, type TMemberList, type TMemberListQuery } from '../../contract';
import { selectMemberRows, toMemberRow } from './member-row';

const decodeCursor = (cursor: string): { path: string; id: number } => {
  const [path, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!path || !id || !/^\d+$/.test(id)) {
    throw new AppError('VALIDATION_FAILED', '分页参数无效，请从第一页重新查询', { field: 'after' });
  }
  return { path, id: Number(id) };
};
/** Up to this many people with a name prefix are looked up by id; more walk the subtree. */
const NAME_CANDIDATES = 20_000;

const encodeCursor = (path: string, id: number) => Buffer.from(`${path}|${id}`).toString('base64url');

/**
 * Members of a subtree, ordered by union then id, one keyset page at a time
 * (no OFFSET: page 500 costs what page 1 costs). A search term that is a valid
 * ID number or mobile number is matched exactly through its blind index; any
 * other term is a name prefix.
 */
export async function findMembers(ctx: RequestContext, query: TMemberListQuery): Promise<TMemberList> {
  const rootPath = query.orgUnitId === undefined ? requireUser(ctx).org.path : await orgPathInScope(ctx, query.orgUnitId);
  let select = selectMemberRows(ctx.db).where(subtreeOf('m.org_path', rootPath));
  if (query.status) {
    select = select.where('m.status', '=', query.status);
  }
  if (query.employmentForm === 'gig') {
    select = select.where('p.employment_form', 'in', GIG_EMPLOYMENT_FORMS);
  } else if (query.employmentForm) {
    select = select.where('p.employment_form', '=', query.employmentForm);
  }
  if (query.joinedYear) {
    select = select.where('m.joined_on', '>=', `${query.joinedYear}-01-01`).where('m.joined_on', '<=', `${query.joinedYear}-12-31`);
  }
  if (query.review === 'due') {
    const setting = await ctx.db.selectFrom('members_setting').select('value').where('key', '=', 'review_after_inactive_months').executeTakeFirst();
    const months = Number(setting?.value ?? 6) || 6;
    const cutoff = new Date(ctx.now());
    cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
    select = select.where('m.status', '=', 'active').where('m.last_active_on', '<', cutoff.toISOString().slice(0, 10));
  }
  const term = query.q?.trim();
  if (term) {
    const idNumber = parseIdNumber(term);
    const mobile = parseMobile(term);
    // Exact matches start from the person (a handful of rows, by the blind index), then their
    // memberships by person: the planner is never tempted to walk the subtree in list order.
    if (idNumber.ok || mobile.ok) {
      const people = await ctx.db
        .selectFrom('person')
        .select('id')
        .where(
          idNumber.ok ? 'id_number_index' : 'phone_index',
          '=',
          idNumber.ok
            ? personFieldIndex(ctx.keys.ring, 'idNumber', idNumber.value.idNumber)
            : personFieldIndex(ctx.keys.ring, 'phone', mobile.ok ? mobile.value.mobile : ''),
        )
        .limit(100)
        .execute();
      if (people.length === 0) return { items: [], nextCursor: null };
      select = select.where('m.person_id', 'in', people.map((person) => person.id));
    } else {
      // A name prefix: for a rare name, its few people first (the prefix index), then their
      // memberships; only a name shared by thousands (a common surname alone) walks the subtree
      // in list order, where matches are dense enough to fill a page quickly.
      const pattern = `${term.replaceAll('\\', '\\\\').replaceAll('%', '\\%').replaceAll('_', '\\_')}%`;
      const people = await sql<{ id: number }>`select id from members_people_named(${term}, ${NAME_CANDIDATES + 1}) as id`.execute(ctx.db);
      if (people.rows.length === 0) return { items: [], nextCursor: null };
      const ids = people.rows.map((person) => person.id);
      select =
        ids.length <= NAME_CANDIDATES
          ? select.where('m.person_id', '=', sql<number>`any(${ids}::int[])`)
          : select.where('p.name', 'like', pattern);
    }

  }
  if (query.after) {
    const cursor = decodeCursor(query.after);
    select = select.where((eb) =>
      eb.or([eb('m.org_path', '>', cursor.path), eb.and([eb('m.org_path', '=', cursor.path), eb('m.id', '>', cursor.id)])]),
    );
  }
  const rows = await select.orderBy('m.org_path').orderBy('m.id').limit(query.limit + 1).execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toMemberRow),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.org_path, last.id) : null,
  };
}
