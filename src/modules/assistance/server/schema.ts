import type { ColumnType, Generated } from 'kysely';
import type { DibaoArea, Exclusion, HardshipTier, SuddenEvent } from '../contract';
import type {
  CheckLevel,
  DisabilityType,
  Employment,
  EvidenceKind,
  FileLevel,
  HardshipCause,
  HouseholdStatus,
  Illness,
  Relation,
  ReverificationOutcome,
  WorkerType,
} from '../vocabulary';

/** `numeric` and `date` come back as text on both engines; writes take text too. */
type Numeric = ColumnType<string, string | number, string | number>;
/** A numeric column with a default: optional on insert. */
type NumericDefault = ColumnType<string, string | number | undefined, string | number>;
/** A text[] column with a default ('{}'): optional on insert. */
type ArrayDefault<T> = ColumnType<T[], T[] | undefined, T[]>;
type DateText = ColumnType<string, string, string>;
type Json = ColumnType<unknown, string, string>;

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

/** 一户一档: one household's file (migration 2026-11-21T1610). */
export type AssistanceHouseholdTable = {
  id: Generated<number>;
  person_id: number;
  org_unit_id: number;
  org_path: string;
  status: HouseholdStatus;
  version: Generated<number>;
  region_code: string;
  dibao_area: DibaoArea;
  worker_type: WorkerType;
  labor_relation_months: number | null;
  annual_income: Numeric;
  medical_expense: NumericDefault;
  education_expense: NumericDefault;
  disability_expense: NumericDefault;
  job_expense: NumericDefault;
  sudden_costs: NumericDefault;
  sudden_event: SuddenEvent | null;
  exclusions: ArrayDefault<Exclusion>;
  declared_vehicles: Generated<number>;
  declared_houses: Generated<number>;
  main_cause: HardshipCause;
  secondary_causes: ArrayDefault<HardshipCause>;
  bank_name: string | null;
  bank_account_envelope: string | null;
  bank_account_masked: string | null;
  household_size: number;
  tier: HardshipTier;
  per_capita_monthly: Numeric;
  dibao_monthly: Numeric;
  /** string[]: the classification's explanation. */
  reasons: Json;
  rules_day: DateText;
  classified_at: Date;
  figures_changed_at: Date;
  civil_check_status: 'clear' | 'mismatch' | null;
  /** { code, message }[] */
  civil_check_findings: ColumnType<unknown, string | null, string | null> | null;
  civil_check_driver: string | null;
  civil_checked_at: Date | null;
  check_level: CheckLevel | null;
  filed_tier: HardshipTier | null;
  file_level: FileLevel | null;
  filed_on: DateText | null;
  last_verified_on: DateText | null;
  /** Meets the income exit condition as of the last income check (monitoring/, migration 1640). */
  exit_condition_met: ColumnType<boolean, boolean | undefined, boolean>;
  exit_condition: ColumnType<unknown, string | null | undefined, string | null> | null;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};

export type AssistanceHouseholdMemberTable = {
  id: Generated<number>;
  household_id: number;
  org_path: string;
  position: number;
  relation: Relation;
  name: string;
  id_number_envelope: string;
  id_number_index: string;
  id_number_masked: string;
  birth_date: DateText;
  gender: 'male' | 'female';
  illnesses: ArrayDefault<Illness>;
  disability_type: DisabilityType | null;
  disability_grade: number | null;
  employment: Employment;
  annual_income: NumericDefault;
};

export type AssistanceHouseholdFileTable = {
  id: Generated<number>;
  household_id: number;
  org_path: string;
  kind: EvidenceKind;
  name: string;
  content_type: 'application/pdf' | 'image/jpeg' | 'image/png';
  size: number;
  sha256: string;
  uploaded_by: number | null;
  uploaded_at: Date;
};

/** The approval route as data: which higher union checks the finances, by subtree and date. */
export type AssistanceFilingRouteTable = {
  id: Generated<number>;
  org_unit_id: number | null;
  step: 'financial_check';
  level: CheckLevel;
  effective_from: DateText;
  source: string;
};

export type AssistanceReverificationRunTable = {
  id: Generated<number>;
  org_unit_id: number;
  org_path: string;
  rules_day: DateText;
  run_at: Date;
  actor_account_id: number | null;
  households: number;
  keep_count: number;
  change_count: number;
  exit_count: number;
};

export type AssistanceReverificationItemTable = {
  run_id: number;
  household_id: number;
  org_path: string;
  previous_tier: HardshipTier;
  proposed_tier: HardshipTier;
  outcome: ReverificationOutcome;
  per_capita_monthly: Numeric;
  dibao_monthly: Numeric;
  reasons: Json;
};

/** Households per union subtree by state, tier and cause (migration 1820; kept by trigger, read by the dashboard). */
export type AssistanceHouseholdStatTable = { org_unit_id: number; status: string; tier: string; cause: string; count: number };

declare module '../../../core/db/schema' {
  interface DB {
    assistance_household_stat: AssistanceHouseholdStatTable;
    assistance_dibao_standard: AssistanceDibaoStandardTable;
    assistance_rule_value: AssistanceRuleValueTable;
    assistance_household: AssistanceHouseholdTable;
    assistance_household_member: AssistanceHouseholdMemberTable;
    assistance_household_file: AssistanceHouseholdFileTable;
    assistance_filing_route: AssistanceFilingRouteTable;
    assistance_reverification_run: AssistanceReverificationRunTable;
    assistance_reverification_item: AssistanceReverificationItemTable;
  }
}
