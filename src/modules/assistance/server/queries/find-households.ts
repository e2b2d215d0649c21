import { type Expression, type SqlBool, sql } from 'kysely';
import { orgPathInScope } from '../../../../core/access/scope';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import { afterSubtreeCursor, decodeSubtreeCursor, encodeSubtreeCursor } from '../../../../core/org/subtree-cursor';
import { subtreeOf } from '../../../../core/org/tree';
import { HARDSHIP_TIER_LABELS } from '../../contract';
import type { THouseholdList, THouseholdListQuery } from '../../household-contract';
import { HARDSHIP_CAUSE_LABELS, HOUSEHOLD_STATUS_LABELS } from '../../vocabulary';

/**
 * Files of a subtree, masked (the worker's name, masked ID number, union,
 * tier, status, main cause, size, per-capita income), ordered by union then
 * id, one keyset page at a time from the (org_path, id) index — no OFFSET.
 * Filters: tier, status, cause (main or secondary), and `q`, the start of
 * the main worker's name as the list shows it: the person record's name (the
 * household keeps no name of its own; one person, one record). The walk stays
 * in list order, so a rare name in a large subtree reads the subtree's files.
 */
export async function findHouseholds(ctx: RequestContext, query: THouseholdListQuery): Promise<THouseholdList> {
  const rootPath = query.orgUnitId === undefined ? requireUser(ctx).org.path : await orgPathInScope(ctx, query.orgUnitId);
  const cursor = query.after ? decodeSubtreeCursor(query.after) : null;
  const where: Expression<SqlBool>[] = [subtreeOf('h.org_path', rootPath)];
  if (cursor) where.push(afterSubtreeCursor('h.org_path', 'h.id', cursor));
  if (query.tier) where.push(sql<SqlBool>`h.tier = ${query.tier}`);
  if (query.status) where.push(sql<SqlBool>`h.status = ${query.status}`);
  if (query.cause) where.push(sql<SqlBool>`(h.main_cause = ${query.cause} or ${query.cause} = any(h.secondary_causes))`);
  // starts_with: a prefix whatever the collation, and no LIKE wildcards to escape.
  if (query.q) where.push(sql<SqlBool>`starts_with(p.name, ${query.q})`);
  const rows = await ctx.db
    .selectFrom('assistance_household as h')
    .innerJoin('person as p', 'p.id', 'h.person_id')
    .innerJoin('org_unit as o', 'o.id', 'h.org_unit_id')
    .select([
      'h.id',
      'h.org_path',
      'p.name',
      'p.id_number_masked',
      'o.id as union_id',
      'o.name as union_name',
      'h.status',
      'h.tier',
      'h.main_cause',
      'h.household_size',
      'h.per_capita_monthly',
      'h.file_level',
      'h.filed_on',
    ])
    .where((eb) => eb.and(where))
    .orderBy('h.org_path')
    .orderBy('h.id')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      id: row.id,
      name: row.name,
      idNumberMasked: row.id_number_masked,
      union: { id: row.union_id, name: row.union_name },
      status: row.status,
      statusLabel: HOUSEHOLD_STATUS_LABELS[row.status],
      tier: row.tier,
      tierLabel: HARDSHIP_TIER_LABELS[row.tier],
      mainCause: row.main_cause,
      mainCauseLabel: HARDSHIP_CAUSE_LABELS[row.main_cause],
      householdSize: row.household_size,
      perCapitaMonthly: Number(row.per_capita_monthly),
      fileLevel: row.file_level,
      filedOn: row.filed_on,
    })),
    nextCursor: rows.length > query.limit && last ? encodeSubtreeCursor({ path: last.org_path, id: last.id }) : null,
  };
}
