import type { Generated } from 'kysely';
import type { MembershipEventKind, MembershipStatus } from '../contract';

export type MembersMembershipTable = {
  id: Generated<number>;
  person_id: number;
  org_unit_id: number;
  org_path: string;
  status: MembershipStatus;
  card_number: string | null;
  /** 入会日期: the approval date of the first admission, carried through transfers. */
  joined_on: string | null;
  /** When this union began to hold the membership (approval, transfer in, import). */
  started_on: string | null;
  left_on: string | null;
  join_channel: 'unit' | 'online' | 'mobile_window' | 'import' | 'transfer' | null;
  retain_reason: 'retired' | 'laid_off' | 'unemployed' | 'employer_dissolved' | null;
  end_reason: string | null;
  last_active_on: string | null;
  transferred_from_id: number | null;
  applied_on: string | null;
  /** The import job that created the membership (its statistics are added when the job ends). */
  import_job_id: number | null;
  /** The file row this membership came from (a resumed import recalls its first rows by it). */
  import_row: number | null;
  /** The person's name, copied (by trigger when omitted) for name search inside a subtree. */
  person_name: Generated<string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};

export type MembersMembershipEventTable = {
  id: Generated<string>;
  membership_id: number;
  person_id: number;
  org_unit_id: number;
  org_path: string;
  kind: MembershipEventKind;
  occurred_on: string;
  reason: string | null;
  other_org_unit_id: number | null;
  actor_account_id: number | null;
  created_at: Generated<Date>;
};

export type MembersTransferTable = {
  id: Generated<number>;
  membership_id: number;
  person_id: number;
  from_org_unit_id: number;
  from_path: string;
  to_org_unit_id: number;
  to_path: string;
  reason: 'job_change' | 'residence' | 'other';
  note: string | null;
  status: Generated<'pending' | 'accepted' | 'refused' | 'cancelled'>;
  requested_on: string;
  requested_by: number | null;
  decided_on: string | null;
  decided_by: number | null;
  refusal_reason: string | null;
  created_at: Generated<Date>;
};

export type MembersCardCounterTable = { prefix: string; last_value: number };

export type MembersSettingTable = {
  key: string;
  value: unknown;
  effective_from: string;
  source: string;
  updated_at: Generated<Date>;
};

export type MembersStatTable = { org_unit_id: number; key: string; value: number };

export type MembersImportJobTable = {
  id: Generated<number>;
  org_unit_id: number;
  org_path: string;
  account_id: number | null;
  file_name: string;
  file_sha256: string;
  file_size: number;
  file_kind: 'xlsx' | 'csv';
  dry_run: Generated<boolean>;
  status: Generated<'queued' | 'running' | 'completed' | 'failed'>;
  total_rows: number | null;
  committed_rows: Generated<number>;
  imported: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  rejected: Generated<number>;
  message: string | null;
  started_at: Date | null;
  finished_at: Date | null;
  created_at: Generated<Date>;
};

export type MembersImportErrorTable = {
  job_id: number;
  row_number: number;
  seq: number;
  column_label: string;
  code: string;
  message: string;
};

/** One committed batch of an import: the file rows it covered (migration 1830). */
export type MembersImportBatchTable = {
  job_id: number;
  first_row: number;
  last_row: number;
};

/** `id_key`: the first 8 bytes of the ID number's blind index, as a signed 64-bit integer (text in JS). */
declare module '../../../core/db/schema' {
  interface DB {
    members_membership: MembersMembershipTable;
    members_membership_event: MembersMembershipEventTable;
    members_transfer: MembersTransferTable;
    members_card_counter: MembersCardCounterTable;
    members_setting: MembersSettingTable;
    members_stat: MembersStatTable;
    members_import_job: MembersImportJobTable;
    members_import_error: MembersImportErrorTable;
    members_import_batch: MembersImportBatchTable;
  }
}
