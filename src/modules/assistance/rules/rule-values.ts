/**
 * The keys of `assistance_rule_value` and what each means. Values and their
 * documents are rows (seeded by the module's migration from domain.md §2.1, §2.5);
 * the code only knows the keys.
 */
export const RULE_KEY_LABELS = {
  relative_multiple: '相对困难：低于低保标准的倍数',
  accident_cost_ratio: '意外致困：致困费用占家庭年收入的比例',
  migrant_min_labour_months: '困难农民工：劳动关系至少月数',
  exit_consecutive_months: '脱困：人均收入连续超过低保标准的月数',
  monitoring_months: '返困监测：脱困后继续监测的月数',
  filing_notice_working_days: '建档公示：公示的工作日数',
  national_file_multiple: '全国级档案：人均收入不超过低保标准的倍数（有大病、残疾时）',
  callback_interval_months: '返困监测：回访间隔月数',
  return_alert_income_multiple: '返困监测：人均收入低于低保标准的倍数时预警',
} as const;

export type RuleKey = keyof typeof RULE_KEY_LABELS;

/** The keys the classification needs. */
export const CLASSIFICATION_RULE_KEYS = ['relative_multiple', 'accident_cost_ratio', 'migrant_min_labour_months'] as const satisfies readonly RuleKey[];

export type RuleValueRow = { key: string; value: string; effectiveFrom: string; source: string };

/**
 * The value of `key` in force on `day` (YYYY-MM-DD): the row with the latest
 * `effectiveFrom` not after the day — a new row replaces the old from its date on.
 */
export function pickRuleValue(rows: readonly RuleValueRow[], key: string, day: string): RuleValueRow | undefined {
  let best: RuleValueRow | undefined;
  for (const row of rows) {
    if (row.key === key && row.effectiveFrom <= day && (!best || row.effectiveFrom > best.effectiveFrom)) best = row;
  }
  return best;
}
