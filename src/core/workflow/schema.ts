import type { ColumnType, Generated } from 'kysely';

/** The workflow engine's tables (migration 2026-11-21T1500_core__workflow), merged into the DB type. */

type DateText = ColumnType<string, string, string>;

export type WorkflowInstanceTable = {
  id: Generated<number>;
  workflow_id: string;
  record_type: string;
  record_id: string;
  org_unit_id: number;
  org_path: string;
  state: string;
  version: number;
  started_at: Date;
  updated_at: Date;
  state_entered_at: Date;
  notice_ends_on: DateText | null;
  deadline_on: DateText | null;
  finished_at: Date | null;
};

export type WorkflowStepTable = {
  instance_id: number;
  seq: number;
  transition: string | null;
  from_state: string | null;
  to_state: string;
  actor_account_id: number | null;
  actor_org_unit_id: number | null;
  at: Date;
  comment: string | null;
  /** jsonb, written as JSON text, read back parsed. */
  form: ColumnType<unknown, string | null, string | null>;
  attachments: ColumnType<unknown, string, string>;
};

export type WorkflowTimerTable = {
  id: Generated<number>;
  instance_id: number;
  kind: 'notice' | 'deadline';
  state: string;
  due_at: Date;
  created_at: Date;
  fired_at: Date | null;
  cancelled_at: Date | null;
};

export type WorkCalendarTable = {
  date: DateText;
  is_workday: boolean;
  note: string;
  source: string;
};

declare module '../db/schema' {
  interface DB {
    workflow_instance: WorkflowInstanceTable;
    workflow_step: WorkflowStepTable;
    workflow_timer: WorkflowTimerTable;
    work_calendar: WorkCalendarTable;
  }
}
