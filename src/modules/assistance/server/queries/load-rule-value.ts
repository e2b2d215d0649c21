import type { Executor } from '../../../../core/db/transaction';
import { AppError } from '../../../../core/http/errors';
import { pickRuleValue, RULE_KEY_LABELS, type RuleKey } from '../../rules/rule-values';

/** One rule value in force on `day`, with its document; a missing one is refused naming the rule. */
export async function loadRuleValue(db: Executor, key: RuleKey, day: string): Promise<{ value: number; source: string; effectiveFrom: string }> {
  const rows = await db
    .selectFrom('assistance_rule_value')
    .select(['key', 'value', 'effective_from as effectiveFrom', 'source'])
    .where('key', '=', key)
    .where('effective_from', '<=', day)
    .execute();
  const row = pickRuleValue(rows, key, day);
  if (!row) throw new AppError('CONFLICT', `${day} 没有生效的帮扶规则「${RULE_KEY_LABELS[key]}」，请联系管理员维护规则表`);
  return { value: Number(row.value), source: row.source, effectiveFrom: row.effectiveFrom };
}
