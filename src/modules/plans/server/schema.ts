import type { ColumnType, Generated } from 'kysely';
import type { TMeasureCadence, TPlanStatus, TProgressStatus, TReportState, TTargetComparator } from '../contract';

/** The plans module's tables (migration 2026-11-21T1700_plans__create_plans), merged into the DB type. */

/** `date` columns come back as text (YYYY-MM-DD) on both engines. */
type DateText = ColumnType<string, string, string>;
/** `numeric` columns come back as text; written as numbers. */
type NumericText = ColumnType<string, number | string, number | string>;
/** jsonb, written as JSON text, read back parsed. */
type Json = ColumnType<unknown, string, string>;

export type PlansPlanTable = {
  id: Generated<number>;
  org_unit_id: number;
  org_path: string;
  status: Generated<TPlanStatus>;
  version: Generated<number>;
  title: string | null;
  issuer: string | null;
  doc_number: string | null;
  doc_date: DateText | null;
  recipients: Json;
  notice_title: string | null;
  original_text: string;
  source_kind: 'text' | 'txt' | 'docx' | 'pdf';
  source_file_name: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  confirmed_at: Date | null;
  confirmed_by: number | null;
};

export type PlansSectionTable = {
  id: Generated<number>;
  plan_id: number;
  parent_id: number | null;
  org_path: string;
  position: number;
  no: string | null;
  title: string | null;
};

export type PlansMeasureTable = {
  id: Generated<number>;
  plan_id: number;
  section_id: number;
  org_unit_id: number;
  org_path: string;
  position: number;
  no: string;
  title: string;
  text: string;
  version: Generated<number>;
  lead_department: string | null;
  co_owners: ColumnType<unknown, string | undefined, string>;
  deadline: DateText | null;
  cadence: TMeasureCadence | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};

export type PlansMeasureUnitTable = {
  measure_id: number;
  org_unit_id: number;
  plan_id: number;
  org_path: string;
};

export type PlansIndicatorTable = {
  id: Generated<number>;
  plan_id: number;
  measure_id: number;
  org_path: string;
  position: number;
  value: NumericText;
  approx: boolean;
  comparator: TTargetComparator;
  unit: string;
  subject: string;
  period: string | null;
  source: string | null;
  origin: 'parsed' | 'manual';
  metric_id: string | null;
  metric_params: ColumnType<unknown, string | null | undefined, string | null>;
  bound_at: Date | null;
  bound_by: number | null;
};

export type PlansIssueTable = {
  id: Generated<number>;
  plan_id: number;
  from_org_unit_id: number;
  from_path: string;
  to_org_unit_id: number;
  to_path: string;
  issued_at: Date;
  issued_by: number | null;
  acknowledged_at: Date | null;
  acknowledged_by: number | null;
};

export type PlansAllocationTable = {
  indicator_id: number;
  to_org_unit_id: number;
  plan_id: number;
  from_org_unit_id: number;
  from_path: string;
  to_path: string;
  value: NumericText;
  updated_at: Date;
  updated_by: number | null;
};

export type PlansReportTable = {
  id: Generated<number>;
  plan_id: number;
  measure_id: number;
  org_unit_id: number;
  org_path: string;
  reviewer_org_unit_id: number;
  period: string;
  period_start: DateText | null;
  progress: TProgressStatus;
  narrative: Generated<string>;
  state: Generated<TReportState>;
  version: Generated<number>;
  workflow_instance_id: number | null;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  submitted_at: Date | null;
  accepted_at: Date | null;
};

export type PlansReportFigureTable = {
  report_id: number;
  indicator_id: number;
  org_path: string;
  value: NumericText;
};

export type PlansEvidenceTable = {
  id: Generated<number>;
  report_id: number;
  org_path: string;
  file_name: string;
  file_kind: 'pdf' | 'jpg' | 'png' | 'docx' | 'xlsx';
  file_size: number;
  file_sha256: string;
  uploaded_by: number | null;
  uploaded_at: Generated<Date>;
};

declare module '../../../core/db/schema' {
  interface DB {
    plans_plan: PlansPlanTable;
    plans_section: PlansSectionTable;
    plans_measure: PlansMeasureTable;
    plans_measure_unit: PlansMeasureUnitTable;
    plans_indicator: PlansIndicatorTable;
    plans_issue: PlansIssueTable;
    plans_allocation: PlansAllocationTable;
    plans_report: PlansReportTable;
    plans_report_figure: PlansReportFigureTable;
    plans_evidence: PlansEvidenceTable;
  }
}

export {};
