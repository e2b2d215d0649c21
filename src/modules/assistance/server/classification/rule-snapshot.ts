import type { Executor } from '../../../../core/db/transaction';
import { AppError } from '../../../../core/http/errors';
import type { DibaoArea, TClassification } from '../../contract';
import { classifyHousehold, type HouseholdFigures } from '../../rules/classify-household';
import { type DibaoStandardRow, pickDibaoStandard } from '../../rules/dibao-lookup';
import { type ClassificationRuleValues, loadClassificationRules } from '../queries/load-classification-rules';
import { noStandardMessage, rulesLine, standardLine } from './explain-rules';

export type RuleSnapshot = {
  /** The day whose rules apply (YYYY-MM-DD). */
  day: string;
  rules: ClassificationRuleValues;
  /** The household's tier with the explanation, as the self-test gives it; throws when the region has no standard. */
  classify: (figures: HouseholdFigures, place: { region: string; area: DibaoArea }) => TClassification;
};

/**
 * The classification rules and every 低保 standard in force on `day`, read once:
 * a file's save classifies one household, an annual re-verification a whole
 * city's with the same snapshot (no query per household).
 */
export async function loadRuleSnapshot(db: Executor, day: string): Promise<RuleSnapshot> {
  const rules = await loadClassificationRules(db, day);
  const standards: DibaoStandardRow[] = await db
    .selectFrom('assistance_dibao_standard')
    .select(['region_code as regionCode', 'region_name as regionName', 'area', 'monthly_yuan as monthlyYuan', 'effective_from as effectiveFrom', 'effective_to as effectiveTo', 'source'])
    .where('effective_from', '<=', day)
    .execute();
  const picked = new Map<string, DibaoStandardRow | undefined>();
  const rulesText = rulesLine(rules, day);
  return {
    day,
    rules,
    classify: (figures, place) => {
      const key = `${place.region}|${place.area}`;
      if (!picked.has(key)) picked.set(key, pickDibaoStandard(standards, { ...place, day }));
      const standard = picked.get(key);
      const lookup = { ...place, day };
      if (!standard) throw new AppError('BAD_REQUEST', `${noStandardMessage(lookup)}，请联系管理员维护低保标准`, { field: 'regionCode' });
      const result = classifyHousehold(figures, { dibaoMonthly: Number(standard.monthlyYuan), ...rules });
      return { ...result, reasons: [...result.reasons, standardLine(standard, lookup), rulesText] };
    },
  };
}
