import { AppError } from '../../../../core/http/errors';
import type { RequestContext } from '../../../../core/http/request-context';
import type { TAssessmentTree } from '../../assessment-contract';
import { getRollup } from '../queries/get-rollup';
import type { IndicatorFigure } from './score-sheet';
import type { AssessedUnit, SchemeRow } from './scheme-access';

/** The indicators a scheme's rules measure. */
export function boundIndicatorIds(tree: TAssessmentTree): number[] {
  const ids = new Set<number>();
  for (const dimension of tree) for (const item of dimension.items) for (const rule of item.rules) if ((rule.kind === 'indicator' || rule.kind === 'bands') && rule.indicatorId !== null) ids.add(rule.indicatorId);
  return [...ids];
}

export type UnitFigures = Map<number, Map<number, IndicatorFigure>>;

/**
 * Each assessed union's target and achieved value for the scheme's
 * indicators, taken from the plan's roll-up (get-rollup.ts) and nowhere else:
 * the live metric for a bound indicator, otherwise the latest accepted
 * figures summed over the union's subtree; the target is the share allocated
 * to the union. One roll-up at the issuing union answers for every union it
 * issued the plan to; a union it did not issue to (a responsible unit further
 * down) is rolled up at itself. A union the caller cannot roll up, or that
 * never received the plan, has no figures (its rules score 0 and say why).
 */
export async function indicatorFigures(ctx: RequestContext, scheme: SchemeRow, units: AssessedUnit[]): Promise<UnitFigures> {
  const figures: UnitFigures = new Map(units.map((unit) => [unit.id, new Map()]));
  const wanted = new Set(boundIndicatorIds(scheme.tree));
  if (scheme.plan_id === null || wanted.size === 0 || units.length === 0) return figures;
  const planId = scheme.plan_id;
  const rolledUp = new Set<number>();
  const tryRollup = async (orgUnitId: number) => {
    try {
      return await getRollup(ctx, planId, { orgUnitId });
    } catch (error) {
      if (error instanceof AppError) return undefined;
      throw error;
    }
  };
  const issuer = await tryRollup(scheme.org_unit_id);
  if (issuer) {
    for (const measure of issuer.measures) {
      for (const indicator of measure.indicators) {
        if (!wanted.has(indicator.id)) continue;
        for (const child of indicator.children) {
          const own = figures.get(child.orgUnitId);
          if (!own) continue;
          own.set(indicator.id, { target: child.target, achieved: child.achieved });
          rolledUp.add(child.orgUnitId);
        }
      }
    }
  }
  for (const unit of units) {
    if (rolledUp.has(unit.id)) continue;
    const rollup = await tryRollup(unit.id);
    if (!rollup) continue;
    for (const measure of rollup.measures) {
      for (const indicator of measure.indicators) if (wanted.has(indicator.id)) figures.get(unit.id)!.set(indicator.id, { target: indicator.at.target, achieved: indicator.at.achieved });
    }
  }
  return figures;
}
