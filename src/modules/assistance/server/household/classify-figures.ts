import { beijingDate } from '../../../../core/files/beijing-time';
import type { RequestContext } from '../../../../core/http/request-context';
import type { TClassification } from '../../contract';
import type { THouseholdFigures } from '../../household-contract';
import { loadRuleSnapshot } from '../classification/rule-snapshot';
import { figuresFromInput } from './household-figures';

/**
 * The tier of a file's figures with the rules and the 低保 standard in force
 * today (Beijing), and the classification columns that store it with its
 * explanation: recomputed at every change of figures.
 */
export async function classifyFigures(ctx: RequestContext, figures: THouseholdFigures, place: { regionCode: string; householdSize: number }) {
  const today = beijingDate(ctx.now());
  const snapshot = await loadRuleSnapshot(ctx.db, today);
  const result: TClassification = snapshot.classify(figuresFromInput(figures, place.householdSize), { region: place.regionCode, area: figures.dibaoArea });
  return {
    result,
    columns: {
      household_size: place.householdSize,
      tier: result.tier,
      per_capita_monthly: result.perCapitaMonthly,
      dibao_monthly: result.dibao,
      reasons: JSON.stringify(result.reasons),
      rules_day: today,
      classified_at: ctx.now(),
      figures_changed_at: ctx.now(),
    },
  };
}
