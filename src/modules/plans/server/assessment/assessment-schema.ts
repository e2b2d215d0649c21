import type { ColumnType, Generated } from 'kysely';
import type { TRoundStatus } from '../../assessment-contract';

/** The assessment tables (migration 2026-11-21T1720_plans__assessment), merged into the DB type. */

/** `numeric` columns come back as text; written as numbers. */
type NumericText = ColumnType<string, number | string, number | string>;
/** jsonb, written as JSON text, read back parsed. */
type Json = ColumnType<unknown, string, string>;

export type PlansAssessmentSchemeTable = {
  id: Generated<number>;
  plan_id: number | null;
  org_unit_id: number;
  org_path: string;
  year: number;
  title: string;
  full_score: NumericText;
  tree: Json;
  version: Generated<number>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_by: number | null;
  updated_at: Generated<Date>;
};

export type PlansAssessmentUnitTable = { scheme_id: number; org_unit_id: number; org_path: string; issuer_path: string };

export type PlansAssessmentRoundTable = {
  id: Generated<number>;
  scheme_id: number;
  issuer_path: string;
  title: string;
  status: Generated<TRoundStatus>;
  created_by: number | null;
  created_at: Generated<Date>;
  published_by: number | null;
  published_at: Date | null;
};

export type PlansAssessmentEntryTable = {
  round_id: number;
  org_unit_id: number;
  node_key: string;
  org_path: string;
  issuer_path: string;
  value: NumericText;
  note: string | null;
  entered_by: number | null;
  entered_at: Date;
};

export type PlansAssessmentAdjustmentTable = {
  id: Generated<number>;
  round_id: number;
  org_unit_id: number;
  node_key: string;
  org_path: string;
  issuer_path: string;
  delta: NumericText;
  reason: string;
  adjusted_by: number | null;
  adjusted_at: Date;
};

export type PlansAssessmentResultTable = {
  round_id: number;
  org_unit_id: number;
  org_path: string;
  issuer_path: string;
  total: NumericText;
  rank: number;
  sheet: Json;
};

declare module '../../../../core/db/schema' {
  interface DB {
    plans_assessment_scheme: PlansAssessmentSchemeTable;
    plans_assessment_unit: PlansAssessmentUnitTable;
    plans_assessment_round: PlansAssessmentRoundTable;
    plans_assessment_entry: PlansAssessmentEntryTable;
    plans_assessment_adjustment: PlansAssessmentAdjustmentTable;
    plans_assessment_result: PlansAssessmentResultTable;
  }
}
