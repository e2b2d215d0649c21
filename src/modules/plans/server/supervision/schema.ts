import type { ColumnType, Generated } from 'kysely';

/** The 督办 tables (migration 2026-11-21T1710_plans__supervision), merged into the DB type. */

type DateText = ColumnType<string, string, string>;

export type PlansSupervisionRuleTable = {
  effective_from: DateText;
  remind_before_workdays: number;
  report_grace_days: number;
  source: string;
};

export type PlansSupervisionTable = {
  id: Generated<number>;
  plan_id: number;
  measure_id: number;
  org_unit_id: number;
  org_path: string;
  from_org_unit_id: number;
  from_path: string;
  kind: 'reminder' | 'letter' | 'interview';
  status: Generated<'open' | 'replied' | 'closed'>;
  reply_due_on: DateText | null;
  expected_completion_on: DateText | null;
  version: Generated<number>;
  created_by: number | null;
  created_at: Date;
  updated_at: Date;
  closed_at: Date | null;
};

export type PlansSupervisionActionTable = {
  id: Generated<number>;
  supervision_id: number;
  org_path: string;
  action: 'issue' | 'reply' | 'close';
  actor_account_id: number | null;
  actor_org_unit_id: number;
  at: Date;
  comment: Generated<string>;
  expected_completion_on: DateText | null;
  sms_queued: Generated<boolean>;
};

export type PlansAutoReminderTable = {
  measure_id: number;
  org_unit_id: number;
  plan_id: number;
  org_path: string;
  kind: 'due_soon' | 'overdue';
  deadline: DateText;
  sent_at: Date;
  recipients: number;
};

declare module '../../../../core/db/schema' {
  interface DB {
    plans_supervision_rule: PlansSupervisionRuleTable;
    plans_supervision: PlansSupervisionTable;
    plans_supervision_action: PlansSupervisionActionTable;
    plans_auto_reminder: PlansAutoReminderTable;
  }
}

export {};
