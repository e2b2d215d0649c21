import type { ColumnType, Generated } from 'kysely';

/**
 * The database schema as Kysely sees it.
 *
 * Core tables are declared here. A module adds its own tables by declaration
 * merging from its `server/schema.ts`:
 *
 *   declare module '../../../core/db/schema' {
 *     interface DB { members_membership: MembersMembershipTable }
 *   }
 */
export interface DB {
  schema_migration: SchemaMigrationTable;
  org_unit: OrgUnitTable;
  account: AccountTable;
  role_assignment: RoleAssignmentTable;
  auth_session: AuthSessionTable;
  audit_event: AuditEventTable;
  audit_anchor: AuditAnchorTable;
  account_totp: AccountTotpTable;
  account_recovery_code: AccountRecoveryCodeTable;
  person: PersonTable;
  employer_unit: EmployerUnitTable;
}

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type SchemaMigrationTable = {
  name: string;
  module: string;
  checksum: string;
  applied_at: Generated<Date>;
};

export type OrgUnitTable = {
  id: Generated<number>;
  parent_id: number | null;
  /** Materialized path of ids, e.g. "1.14.203." — a subtree is a prefix range. */
  path: string;
  depth: number;
  type: string;
  name: string;
  short_name: string | null;
  /** Our own stable code (工会组织代码), unique; used by the API and the CLI. */
  code: string;
  /** 统一社会信用代码 of the union itself (GB 32100), where it has one. */
  credit_code: string | null;
  /** GB/T 2260 administrative region, or our jurisdiction code where none exists. */
  region_code: string | null;
  employee_count: number | null;
  status: Generated<string>;
  sort_order: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  /** The employer the union serves, and its 统一社会信用代码 (GB 32100). */
  employer_name: string | null;
  employer_credit_code: string | null;
  /** 国民经济行业分类 门类 (GB/T 4754): one letter A–T. */
  industry_code: string | null;
  /** 单位类别 code: 110 国有企业 … 700 民办非企业 (domain.md §1.2). */
  unit_category: string | null;
  address: string | null;
  established_on: string | null;
  chair_name: string | null;
  contact_name: string | null;
  contact_phone_envelope: string | null;
  contact_phone_masked: string | null;
  women_count: number | null;
  migrant_count: number | null;
  dissolved_on: string | null;
  merged_into_id: number | null;
};

export type AccountTable = {
  id: Generated<number>;
  login: string;
  name: string;
  password_hash: string | null;
  status: Generated<string>;
  failed_sign_ins: Generated<number>;
  locked_until: Date | null;
  password_changed_at: Date | null;
  second_factor_required: Generated<boolean>;
  /** Set when someone else chose the password (a new account): the next sign-in must change it. */
  must_change_password: Generated<boolean>;
  /** Staff phone (accounts module): sealed with context 'account.phone', blind-indexed, stored masked. */
  phone_envelope: string | null;
  phone_index: string | null;
  phone_masked: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};

export type AccountTotpTable = {
  account_id: number;
  secret_envelope: string;
  last_used_step: number | null;
  confirmed_at: Date | null;
  created_at: Generated<Date>;
};

export type AccountRecoveryCodeTable = {
  id: Generated<number>;
  account_id: number;
  code_hash: string;
  used_at: Date | null;
};

export type RoleAssignmentTable = {
  id: Generated<number>;
  account_id: number;
  org_unit_id: number;
  role: string;
  created_at: Generated<Date>;
};

export type AuthSessionTable = {
  /** SHA-256 of the cookie token: a leaked table does not yield live sessions. */
  token_hash: string;
  account_id: number;
  org_unit_id: number;
  created_at: Generated<Date>;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Date | null;
  ip: string | null;
  user_agent: string | null;
  stage: Generated<SessionStage>;
};

/**
 * `full`: signed in; `second_factor`: password accepted, TOTP code due; `enrolment`:
 * must set up TOTP first; `password_change`: must choose a new password first.
 */
export type SessionStage = 'full' | 'second_factor' | 'enrolment' | 'password_change';

export type AuditEventTable = {
  seq: number;
  occurred_at: Date;
  actor_account_id: number | null;
  actor_login: string | null;
  actor_org_unit_id: number | null;
  actor_org_path: string | null;
  action: string;
  category: string;
  target_type: string | null;
  target_id: string | null;
  result: string;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  reason: string | null;
  details: ColumnType<Record<string, unknown>, string, string>;
  prev_mac: string;
  mac: string;
};

export type AuditAnchorTable = {
  id: number;
  anchored_seq: number;
  anchor_mac: string;
  updated_at: Generated<Date>;
};

/** One person, one record (公民身份号码); sensitive values sealed, indexed blind, stored masked. */
export type PersonTable = {
  id: Generated<number>;
  id_number_envelope: string;
  id_number_index: string;
  id_number_masked: string;
  name: string;
  gender: 'male' | 'female';
  birth_date: string;
  phone_envelope: string | null;
  phone_index: string | null;
  phone_masked: string | null;
  ethnicity: string | null;
  education: string | null;
  political_status: string | null;
  household_type: string | null;
  employment_form: string | null;
  employer_name: string | null;
  occupation: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  /** The platform a gig worker works through (新就业形态). */
  platform_name: string | null;
  /** 劳模/工匠 — set by the honors module. */
  is_model_worker: Generated<boolean>;
  /** 困难职工 — set by the hardship-assistance module. */
  is_hardship: Generated<boolean>;
  deceased_on: string | null;
};

/** 法人单位名录: employers and the union responsible for organizing them (建会率). */
export type EmployerUnitTable = {
  id: Generated<number>;
  credit_code: string;
  name: string;
  region_code: string | null;
  employee_count: number;
  responsible_org_unit_id: number;
  responsible_path: string;
  union_org_unit_id: number | null;
  source: Generated<'registry' | 'tax' | 'survey' | 'demo'>;
  updated_at: Generated<Date>;
};
