import { type Expression, type SqlBool, sql } from 'kysely';
import { orgPathInScope } from '../../../../core/access/scope';
import { parseIdNumber } from '../../../../core/cn/id-number';
import { parseMobile } from '../../../../core/cn/mobile';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import { afterSubtreeCursor, decodeSubtreeCursor, encodeSubtreeCursor, type SubtreeCursor } from '../../../../core/org/subtree-cursor';
import { subtreeOf } from '../../../../core/org/tree';
import { personFieldIndex } from '../../../../core/person/person-fields';
import { GIG_EMPLOYMENT_FORMS, type TMemberList, type TMemberListQuery } from '../../contract';
import { MEMBER_ROW_COLUMNS, selectMemberRows, toMemberRow } from './member-row';

/**
 * A name prefix carried by at most this many memberships province-wide is read
 * from the name index (every match in the subtree, then sorted); a commoner
 * one walks the subtree in list order, where matches are dense enough (≥ 1 in
 * 350 at 10,000,000 members) to fill a page after a few thousand rows.
 */
const NAME_RANGE_LIMIT = 30_000;

/** The name range `[prefix, prefix + U+10FFFF)` on the C-collated `person_name`. */
const nameStartsWith = (column: 'm.person_name', prefix: string): Expression<SqlBool> =>
  sql<SqlBool>`(${sql.ref(column)} >= ${prefix} and ${sql.ref(column)} < ${prefix} || chr(1114111))`;

/**
 * Conditions on membership `m` and person `p`, written once for both page
 * strategies; `onPerson` says whether any reads `p` (joining person costs its
 * row-level policy per row, so the name range joins it only when asked).
 */
type Filters = { where: Array<Expression<SqlBool>>; onPerson: boolean };

/**
 * Members of a subtree, ordered by union then id, one keyset page at a time
 * (no OFFSET: page 500 costs what page 1 costs). A search term that is a valid
 * ID number or mobile number is matched exactly through its blind index; any
 * other term is a name prefix. (`nameRangeLimit` lets tests take either name
 * strategy.)
 */
export async function findMembers(
  ctx: RequestContext,
  query: TMemberListQuery,
  { nameRangeLimit = NAME_RANGE_LIMIT }: { nameRangeLimit?: number } = {},
): Promise<TMemberList> {
  const rootPath = query.orgUnitId === undefined ? requireUser(ctx).org.path : await orgPathInScope(ctx, query.orgUnitId);
  const cursor = query.after ? decodeSubtreeCursor(query.after) : null;
  const filters = await listFilters(ctx, query);
  const term = query.q?.trim();

  let byName = false;
  if (term) {
    const idNumber = parseIdNumber(term);
    const mobile = parseMobile(term);
    if (idNumber.ok || mobile.ok) {
      // Exact matches start from the person (a handful of rows, by the blind index), then their
      // memberships by person: the planner is never tempted to walk the subtree in list order.
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
      const ids = people.map((person) => person.id);
      filters.where.push(sql<SqlBool>`m.person_id = any(${ids}::int[])`);
    } else {
      const frequency = await sql<{ n: number }>`select members_name_frequency(${term}, ${nameRangeLimit + 1}) as n`.execute(ctx.db);
      const matches = frequency.rows[0]?.n ?? 0;
      if (matches === 0) return { items: [], nextCursor: null };
      byName = matches <= nameRangeLimit;
      if (!byName) filters.where.push(nameStartsWith('m.person_name', term));
    }
  }

  const rows = byName && term ? await pageByNameRange(ctx, rootPath, term, cursor, filters, query.limit) : await pageBySubtreeWalk(ctx, rootPath, cursor, filters, query.limit);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toMemberRow),
    nextCursor: rows.length > query.limit && last ? encodeSubtreeCursor({ path: last.org_path, id: last.id }) : null,
  };
}

/** The list filters other than the search term, as conditions on membership `m` and person `p`. */
async function listFilters(ctx: RequestContext, query: TMemberListQuery): Promise<Filters> {
  const where: Filters['where'] = [];
  let onPerson = false;
  if (query.status) {
    const status = query.status;
    where.push(sql<SqlBool>`m.status = ${status}`);
  }
  if (query.employmentForm === 'gig') {
    where.push(sql<SqlBool>`p.employment_form = any(${[...GIG_EMPLOYMENT_FORMS]}::text[])`);
    onPerson = true;
  } else if (query.employmentForm) {
    const form = query.employmentForm;
    where.push(sql<SqlBool>`p.employment_form = ${form}`);
    onPerson = true;
  }
  if (query.joinedYear) {
    const year = query.joinedYear;
    where.push(sql<SqlBool>`m.joined_on between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date`);
  }
  if (query.review === 'due') {
    const setting = await ctx.db.selectFrom('members_setting').select('value').where('key', '=', 'review_after_inactive_months').executeTakeFirst();
    const months = Number(setting?.value ?? 6) || 6;
    const cutoff = new Date(ctx.now());
    cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
    const before = cutoff.toISOString().slice(0, 10);
    where.push(sql<SqlBool>`m.status = 'active' and m.last_active_on < ${before}::date`);
  }
  return { where, onPerson };
}

/** The subtree in list order from the cursor: one range of the (org_path, id) index. */
function pageBySubtreeWalk(ctx: RequestContext, rootPath: string, cursor: SubtreeCursor | null, filters: Filters, limit: number) {
  return selectMemberRows(ctx.db)
    .where(subtreeOf('m.org_path', rootPath))
    .$if(cursor !== null, (select) => select.where(afterSubtreeCursor('m.org_path', 'm.id', cursor as SubtreeCursor)))
    .$if(filters.where.length > 0, (select) => select.where(sql<SqlBool>`${sql.join(filters.where.map((condition) => sql`(${condition})`), sql` and `)}`))
    .orderBy('m.org_path')
    .orderBy('m.id')
    .limit(limit + 1)
    .execute();
}

/**
 * Every membership in the subtree whose name has the prefix, read from the
 * (person_name, org_path, id) index without touching the table, sorted into
 * list order and cut to the page; only then joined to person and union. The
 * CTE is materialized so the planner can neither turn it back into a walk of
 * the subtree nor join every match before cutting the page.
 */
function pageByNameRange(ctx: RequestContext, rootPath: string, prefix: string, cursor: SubtreeCursor | null, filters: Filters, limit: number) {
  return ctx.db
    .with(
      (cte) => cte('hits').materialized(),
      (db) =>
        db
          .selectFrom('members_membership as m')
          .$if(filters.onPerson, (select) => select.innerJoin('person as p', 'p.id', 'm.person_id'))
          .select(['m.id', 'm.org_path'])
          .where(nameStartsWith('m.person_name', prefix))
          .where(subtreeOf('m.org_path', rootPath))
          .$if(cursor !== null, (select) => select.where(afterSubtreeCursor('m.org_path', 'm.id', cursor as SubtreeCursor)))
          .$if(filters.where.length > 0, (select) => select.where(sql<SqlBool>`${sql.join(filters.where.map((condition) => sql`(${condition})`), sql` and `)}`))
          // The page is cut here: the joins below (each person row costs its row-level policy) run for it only.
          .orderBy('m.org_path')
          .orderBy('m.id')
          .limit(limit + 1),
    )
    .selectFrom('hits as h')
    .innerJoin('members_membership as m', 'm.id', 'h.id')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .innerJoin('org_unit as o', 'o.id', 'm.org_unit_id')
    .select(MEMBER_ROW_COLUMNS)
    .orderBy('h.org_path')
    .orderBy('h.id')
    .execute();
}
