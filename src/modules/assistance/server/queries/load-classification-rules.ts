import type { Kysely } from 'kysely';
import type { DB } from '../../../../core/db/schema';
import { AppError } from '../../../../core/http/errors';
import { CLASSIFICATION_RULE_KEYS, pickRuleValue, RULE_KEY_LABELS, type RuleValueRow } from '../../rules/rule-values';

export type ClassificationRuleValues = {
  relativeMultiple: number;
  accidentCostRatio: number;
  migrantMinLabourMonths: number;
  /** The documents the values come from, each once. */
  sources: string[];
};

/** The classification's rule values in force on `day`; a missing one is refused naming the year. */
export async function loadClassificationRules(db: Kysely<DB>, day: string): Promise<ClassificationRuleValues> {
  const rows: RuleValueRow[] = await db
    .selectFrom('assistance_rule_value')
    .select(['key', 'value', 'effective_from as effectiveFrom', 'source'])
    .where('key', 'in', [...CLASSIFICATION_RULE_KEYS])
    .where('effective_from', '<=', day)
    .execute();
  const valueOf = (key: (typeof CLASSIFICATION_RULE_KEYS)[number]) => {
    const row = pickRuleValue(rows, key, day);
    if (!row) {
      throw new AppError('BAD_REQUEST', `${day} 没有生效的帮扶规则「${RULE_KEY_LABELS[key]}」，请选择其他年份`, { field: 'year' });
    }
    return row;
  };
  const picked = CLASSIFICATION_RULE_KEYS.map(valueOf);
  const [relativeMultiple, accidentCostRatio, migrantMinLabourMonths] = picked.map((row) => Number(row.value)) as [number, number, number];
  return { relativeMultiple, accidentCostRatio, migrantMinLabourMonths, sources: [...new Set(picked.map((row) => row.source))] };
}
