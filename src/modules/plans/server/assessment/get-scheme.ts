import type { z } from 'zod';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import type { TAssessmentScheme, TSchemeList, ZSchemeListQuery } from '../../assessment-contract';
import { fromHundredths, toHundredths } from './fixed-point';
import { loadScheme, type RoundRow, roundView, schemeUnits, schemeVisible, unitsInView } from './scheme-access';

/** A scheme as the editor and the score sheets show it: the tree, the assessed unions in view, the rounds. */
export async function getScheme(ctx: RequestContext, id: number): Promise<TAssessmentScheme> {
  const scheme = await loadScheme(ctx, id);
  const user = requireUser(ctx);
  const [units, rounds] = await Promise.all([
    schemeUnits(ctx, scheme.id),
    ctx.db
      .selectFrom('plans_assessment_round as r')
      .leftJoin('account as a', 'a.id', 'r.published_by')
      .select(['r.id', 'r.scheme_id', 'r.title', 'r.status', 'r.created_at', 'r.published_at', 'a.name as published_by_name'])
      .where('r.scheme_id', '=', scheme.id)
      .orderBy('r.id')
      .execute(),
  ]);
  const isIssuer = user.org.id === scheme.org_unit_id;
  return {
    id: scheme.id,
    planId: scheme.plan_id,
    orgUnit: { id: scheme.org_unit_id, name: scheme.org_name },
    year: scheme.year,
    title: scheme.title,
    fullScore: fromHundredths(toHundredths(scheme.full_score)),
    version: scheme.version,
    units: unitsInView(ctx, scheme, units).map((unit) => ({ id: unit.id, name: unit.name })),
    tree: scheme.tree,
    rounds: rounds.map((round: RoundRow) => roundView(round)),
    updatedAt: scheme.updated_at.toISOString(),
    can: { edit: isIssuer && user.permissions.has('plans.write'), score: isIssuer && user.permissions.has('plans.review') },
  };
}

/** The schemes the caller sees (of one plan, when asked), newest year first. */
export async function findSchemes(ctx: RequestContext, query: z.output<typeof ZSchemeListQuery>): Promise<TSchemeList> {
  let select = ctx.db
    .selectFrom('plans_assessment_scheme as s')
    .innerJoin('org_unit as o', 'o.id', 's.org_unit_id')
    .select((eb) => [
      's.id',
      's.plan_id',
      's.org_unit_id',
      'o.name as org_name',
      's.year',
      's.title',
      's.full_score',
      eb.selectFrom('plans_assessment_unit as u').select((inner) => inner.fn.countAll<string>().as('n')).whereRef('u.scheme_id', '=', 's.id').as('unit_count'),
      eb.selectFrom('plans_assessment_round as r').select((inner) => inner.fn.countAll<string>().as('n')).whereRef('r.scheme_id', '=', 's.id').as('round_count'),
    ])
    .where(schemeVisible(ctx, 's.id', 's.org_path'));
  if (query.planId !== undefined) select = select.where('s.plan_id', '=', query.planId);
  const rows = await select.orderBy('s.year', 'desc').orderBy('s.id', 'desc').execute();
  return {
    items: rows.map((row) => ({
      id: row.id,
      planId: row.plan_id,
      orgUnit: { id: row.org_unit_id, name: row.org_name },
      year: row.year,
      title: row.title,
      fullScore: fromHundredths(toHundredths(row.full_score)),
      unitCount: Number(row.unit_count ?? 0),
      roundCount: Number(row.round_count ?? 0),
    })),
  };
}
