import type { DibaoArea } from '../contract';

/** 最低生活保障标准 per region, area and date (both engines return `numeric` and `date` as text). */
export type AssistanceDibaoStandardTable = {
  region_code: string;
  region_name: string;
  area: DibaoArea;
  monthly_yuan: string;
  effective_from: string;
  /** The last day in force (inclusive); null: until a later standard replaces it. */
  effective_to: string | null;
  source: string;
};

/** A multiple, ratio or period of the hardship rules, in force from a date. */
export type AssistanceRuleValueTable = {
  key: string;
  value: string;
  effective_from: string;
  source: string;
  note: string | null;
};

declare module '../../../core/db/schema' {
  interface DB {
    assistance_dibao_standard: AssistanceDibaoStandardTable;
    assistance_rule_value: AssistanceRuleValueTable;
  }
}
