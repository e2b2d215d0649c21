import type { ColumnType, Generated } from 'kysely';
import type { AlertStatus, ContactResult, ExitOutcome, ExitReason, IncomeCheckSource, RiskKind } from '../../monitoring-contract';

/** `numeric` and `date` come back as text on both engines; writes take text or numbers. */
type Numeric = ColumnType<string, string | number, string | number>;
type NumericDefault = ColumnType<string, string | number | undefined, string | number>;

/** 收入核查: one row per household and month (migration 2026-11-21T1640). */
export type AssistanceIncomeCheckTable = {
  id: Generated<number>;
  household_id: number;
  org_path: string;
  month: string;
  source: IncomeCheckSource;
  household_size: number;
  monthly_income: Numeric;
  monthly_rigid_expense: NumericDefault;
  per_capita_monthly: Numeric;
  dibao_monthly: Numeric;
  dibao_region_code: string;
  dibao_effective_from: string;
  dibao_source: string;
  note: string | null;
  recorded_by: number | null;
  recorded_at: Date;
};

/** One exit (脱困) taken, and how its monitoring ended. */
export type AssistanceExitTable = {
  id: Generated<number>;
  household_id: number;
  org_path: string;
  reason: ExitReason;
  note: string | null;
  exited_on: string;
  exited_by: number | null;
  monitoring_ends_on: string | null;
  callback_interval_months: number | null;
  outcome: ExitOutcome | null;
  ended_on: string | null;
};

/** 回访: due item, then the record. */
export type AssistanceCallbackTable = {
  id: Generated<number>;
  exit_id: number;
  household_id: number;
  org_path: string;
  due_on: string;
  contacted_on: string | null;
  contact_result: ContactResult | null;
  situation: string | null;
  risk_flags: ColumnType<RiskKind[], RiskKind[] | undefined, RiskKind[]>;
  recorded_by: number | null;
  recorded_at: Date | null;
};

/** 返困预警. */
export type AssistanceReturnAlertTable = {
  id: Generated<number>;
  household_id: number;
  exit_id: number;
  org_path: string;
  raised_at: Date;
  status: ColumnType<AlertStatus, AlertStatus | undefined, AlertStatus>;
  decided_at: Date | null;
  decided_by: number | null;
  decision_reason: string | null;
};

/** 返困风险信号. */
export type AssistanceRiskSignalTable = {
  id: Generated<number>;
  household_id: number;
  alert_id: number;
  org_path: string;
  person_id: number;
  kind: RiskKind;
  occurred_on: string;
  source: string;
  note: string | null;
  reported_by: number | null;
  reported_at: Date;
};

declare module '../../../../core/db/schema' {
  interface DB {
    assistance_income_check: AssistanceIncomeCheckTable;
    assistance_exit: AssistanceExitTable;
    assistance_callback: AssistanceCallbackTable;
    assistance_return_alert: AssistanceReturnAlertTable;
    assistance_risk_signal: AssistanceRiskSignalTable;
  }
}
