/**
 * Controlled vocabularies of assistance (帮扶记录, 批量帮扶活动), shared by the
 * server, the database checks (migration 2026-11-21T1630) and the web forms.
 */

/** 帮扶类别 (issue 6; domain.md §2.4). 金秋助学 is a kind of 助学 (AID_SUBKIND_LABELS). */
export const AID_CATEGORY_LABELS = {
  living: '生活救助',
  medical: '医疗救助',
  education: '助学',
  warmth: '送温暖',
  employment: '就业帮扶',
} as const;
export type AidCategory = keyof typeof AID_CATEGORY_LABELS;
export const AID_CATEGORIES = Object.keys(AID_CATEGORY_LABELS) as [AidCategory, ...AidCategory[]];

/** 金秋助学 (domain.md §2.4, the annual autumn campaign for students of filed households). */
export const AID_SUBKIND_LABELS = { golden_autumn: '金秋助学' } as const;
export type AidSubkind = keyof typeof AID_SUBKIND_LABELS;

/** 资金来源 (issue 6; domain.md §2.4 中央财政专项帮扶资金, §6 工会经费). */
export const FUNDING_SOURCE_LABELS = { fiscal: '财政专项', social: '社会资金', union_funds: '工会经费' } as const;
export type FundingSource = keyof typeof FUNDING_SOURCE_LABELS;
export const FUNDING_SOURCES = Object.keys(FUNDING_SOURCE_LABELS) as [FundingSource, ...FundingSource[]];

/** 现金 or 实物 (an in-kind delivery records the item, the quantity and its value). */
export const AID_KIND_LABELS = { cash: '现金（转账）', in_kind: '实物' } as const;
export type AidKind = keyof typeof AID_KIND_LABELS;
export const AID_KINDS = Object.keys(AID_KIND_LABELS) as [AidKind, ...AidKind[]];

/** 助学 stages, as the per-student caps distinguish them (domain.md §2.4 Set A). */
export const EDUCATION_STAGE_LABELS = { compulsory: '学前及义务教育', senior: '高中、中职、高等教育及研究生' } as const;
export type EducationStage = keyof typeof EDUCATION_STAGE_LABELS;
export const EDUCATION_STAGES = Object.keys(EDUCATION_STAGE_LABELS) as [EducationStage, ...EducationStage[]];

/** A record's state: the approval workflow's (server/aid/aid-workflow.ts), mirrored on the row. */
export const AID_STATUS_LABELS = {
  draft: '待审批',
  approved: '已批准',
  paid: '已发放',
  delivered: '已送达',
  received: '已签收',
  refused: '不予批准',
  cancelled: '已撤销',
} as const;
export type AidStatus = keyof typeof AID_STATUS_LABELS;
export const AID_STATUSES = Object.keys(AID_STATUS_LABELS) as [AidStatus, ...AidStatus[]];

/** Records in these states count against the caps and the funds (approved money is committed). */
export const COMMITTED_AID_STATUSES: readonly AidStatus[] = ['approved', 'paid', 'delivered', 'received'];
/** Money out of the door: the funds summary's 已发放. */
export const DISBURSED_AID_STATUSES: readonly AidStatus[] = ['paid', 'delivered', 'received'];

/** 批量帮扶活动 states (server/aid/campaign-workflow.ts). */
export const CAMPAIGN_STATUS_LABELS = { draft: '名单编制中', approved: '名单已审批', distributed: '已发放', cancelled: '已撤销' } as const;
export type CampaignStatus = keyof typeof CAMPAIGN_STATUS_LABELS;
export const CAMPAIGN_STATUSES = Object.keys(CAMPAIGN_STATUS_LABELS) as [CampaignStatus, ...CampaignStatus[]];

/** A household on a campaign's list. */
export const CAMPAIGN_ROW_STATUS_LABELS = { listed: '待审批', approved: '已审批', excluded: '未通过', distributed: '已发放' } as const;
export type CampaignRowStatus = keyof typeof CAMPAIGN_ROW_STATUS_LABELS;
