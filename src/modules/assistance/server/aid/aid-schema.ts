import type { ColumnType, Generated } from 'kysely';
import type { HardshipTier } from '../../contract';
import type { AidCategory, AidKind, AidStatus, AidSubkind, CampaignRowStatus, CampaignStatus, EducationStage, FundingSource } from '../../aid-vocabulary';

/** `numeric` and `date` come back as text on both engines; writes take text too. */
type Numeric = ColumnType<string, string | number, string | number>;
type DateText = ColumnType<string, string, string>;

/** 帮扶记录 (migration 2026-11-21T1630). */
export type AssistanceAidRecordTable = {
  id: Generated<number>;
  household_id: number;
  org_path: string;
  paying_org_unit_id: number;
  category: AidCategory;
  subkind: AidSubkind | null;
  funding_source: FundingSource;
  kind: AidKind;
  item_description: string | null;
  quantity: ColumnType<string | null, string | number | null, string | number | null>;
  amount: Numeric;
  aid_date: DateText;
  aid_year: number;
  student_member_id: number | null;
  education_stage: EducationStage | null;
  note: string | null;
  status: AidStatus;
  campaign_id: number | null;
  approved_by: number | null;
  approved_at: Date | null;
  paid_at: Date | null;
  receipt_signer: string | null;
  received_on: ColumnType<string | null, string | null, string | null>;
  receipt_confirmed_by: number | null;
  receipt_confirmed_at: Date | null;
  receipt_file_id: number | null;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};

/** 批量帮扶活动 (送温暖, 金秋助学). */
export type AssistanceAidCampaignTable = {
  id: Generated<number>;
  org_unit_id: number;
  org_path: string;
  name: string;
  category: AidCategory;
  subkind: AidSubkind | null;
  funding_source: FundingSource;
  kind: AidKind;
  item_description: string | null;
  standard_amount: Numeric;
  /** Partial<Record<HardshipTier, number>> */
  tier_amounts: ColumnType<Partial<Record<HardshipTier, number>>, string | undefined, string>;
  budget: Numeric;
  aid_date: DateText;
  education_stage: EducationStage | null;
  status: ColumnType<CampaignStatus, CampaignStatus | undefined, CampaignStatus>;
  created_by: number | null;
  created_at: Generated<Date>;
  distributed_at: Date | null;
};

/** One household on a campaign's list. */
export type AssistanceAidCampaignHouseholdTable = {
  campaign_id: number;
  household_id: number;
  org_path: string;
  amount: Numeric;
  category: AidCategory;
  aid_year: number;
  student_member_id: number | null;
  education_stage: EducationStage | null;
  status: ColumnType<CampaignRowStatus, CampaignRowStatus | undefined, CampaignRowStatus>;
  excluded_reason: string | null;
  record_id: number | null;
};

declare module '../../../../core/db/schema' {
  interface DB {
    assistance_aid_record: AssistanceAidRecordTable;
    assistance_aid_campaign: AssistanceAidCampaignTable;
    assistance_aid_campaign_household: AssistanceAidCampaignHouseholdTable;
  }
}
