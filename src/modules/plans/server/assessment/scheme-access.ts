import { sql, type SqlBool } from 'kysely';
import { AppError, notFound } from '../../../../core/http/errors';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import { subtreeRange } from '../../../../core/org/tree';
import { type TAssessmentTree, type TRoundStatus, ZAssessmentTree } from '../../assessment-contract';
import { pathInScope } from '../plan-access';
import './assessment-schema';

/**
 * Who sees and who acts on an assessment. The issuing union's subtree sees a
 * scheme whole; an assessed union's subtree sees the scheme and what concerns
 * itself (its own score sheet, its own row of the ranking) — the same rule as
 * the row-level security of the migration. Only the issuing union itself
 * builds the scheme and scores (考核单位): a union above it sees, not scores.
 */

export type SchemeRow = {
  id: number;
  plan_id: number | null;
  org_unit_id: number;
  org_path: string;
  org_name: string;
  year: number;
  title: string;
  full_score: string;
  tree: TAssessmentTree;
  version: number;
  updated_at: Date;
};

export type AssessedUnit = { id: number; name: string; path: string };

/** The scheme is visible to the caller: issued in their subtree, or assessing a union in it. */
export function schemeVisible(ctx: RequestContext, idColumn: string, pathColumn: string) {
  const { from, to } = subtreeRange(requireUser(ctx).org.path);
  return sql<SqlBool>`(${pathInScope(ctx, pathColumn)} or exists (
    select 1 from plans_assessment_unit vis where vis.scheme_id = ${sql.ref(idColumn)} and vis.org_path >= ${from} and vis.org_path < ${to}))`;
}

export async function loadScheme(ctx: RequestContext, id: number, options: { lock?: boolean } = {}): Promise<SchemeRow> {
  let query = ctx.db
    .selectFrom('plans_assessment_scheme as s')
    .innerJoin('org_unit as o', 'o.id', 's.org_unit_id')
    .select(['s.id', 's.plan_id', 's.org_unit_id', 's.org_path', 'o.name as org_name', 's.year', 's.title', 's.full_score', 's.tree', 's.version', 's.updated_at'])
    .where('s.id', '=', id)
    .where(schemeVisible(ctx, 's.id', 's.org_path'));
  if (options.lock) query = query.forUpdate('s');
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('考核方案');
  return { ...row, tree: ZAssessmentTree.parse(row.tree) };
}

/** The caller sees the scheme from the issuing side (its union is the issuer or above it). */
export const isIssuerSide = (ctx: RequestContext, scheme: { org_path: string }) => scheme.org_path.startsWith(requireUser(ctx).org.path);

/** Building the scheme and scoring are the issuing union's own acts. */
export function requireIssuer(ctx: RequestContext, scheme: { org_unit_id: number; org_name: string }, action: string): void {
  if (requireUser(ctx).org.id !== scheme.org_unit_id) throw new AppError('FORBIDDEN', `只有考核单位（${scheme.org_name}）可以${action}`);
}

/** The scheme's assessed unions, in tree order. */
export async function schemeUnits(ctx: RequestContext, schemeId: number): Promise<AssessedUnit[]> {
  return ctx.db
    .selectFrom('plans_assessment_unit as u')
    .innerJoin('org_unit as o', 'o.id', 'u.org_unit_id')
    .select(['o.id', 'o.name', 'o.path'])
    .where('u.scheme_id', '=', schemeId)
    .orderBy('o.path')
    .execute();
}

/** The assessed unions the caller may see the scores of: all from the issuing side, else those in their subtree. */
export function unitsInView(ctx: RequestContext, scheme: SchemeRow, units: AssessedUnit[]): AssessedUnit[] {
  if (isIssuerSide(ctx, scheme)) return units;
  const own = requireUser(ctx).org.path;
  return units.filter((unit) => unit.path.startsWith(own));
}

export type RoundRow = { id: number; scheme_id: number; title: string; status: TRoundStatus; created_at: Date; published_at: Date | null; published_by_name: string | null };

export async function loadRound(ctx: RequestContext, id: number, options: { lock?: boolean } = {}): Promise<{ round: RoundRow; scheme: SchemeRow }> {
  let query = ctx.db
    .selectFrom('plans_assessment_round as r')
    .leftJoin('account as a', 'a.id', 'r.published_by')
    .select(['r.id', 'r.scheme_id', 'r.title', 'r.status', 'r.created_at', 'r.published_at', 'a.name as published_by_name'])
    .where('r.id', '=', id);
  if (options.lock) query = query.forUpdate('r');
  const round = await query.executeTakeFirst();
  if (!round) throw notFound('考核轮次');
  const scheme = await loadScheme(ctx, round.scheme_id).catch((error: unknown) => {
    throw error instanceof AppError && error.code === 'NOT_FOUND' ? notFound('考核轮次') : error;
  });
  return { round, scheme };
}

export const roundView = (round: RoundRow) => ({
  id: round.id,
  title: round.title,
  status: round.status,
  createdAt: round.created_at.toISOString(),
  publishedAt: round.published_at?.toISOString() ?? null,
  publishedBy: round.published_by_name,
});

export function requireOpen(round: RoundRow, action: string): void {
  if (round.status !== 'open') throw new AppError('CONFLICT', `考核轮次「${round.title}」已发布，成绩已固定，不能再${action}`, { field: 'status' });
}
