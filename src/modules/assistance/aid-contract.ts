import { z } from 'zod';
import { isCalendarDate } from '../../core/cn/calendar-date';
import { ZWorkflowAction, ZWorkflowHistoryStep, ZWorkflowInstance } from '../../core/workflow/contract';
import {
  AID_CATEGORIES,
  AID_KINDS,
  AID_STATUSES,
  CAMPAIGN_ROW_STATUS_LABELS,
  CAMPAIGN_STATUSES,
  EDUCATION_STAGES,
  FUNDING_SOURCES,
  type CampaignRowStatus,
} from './aid-vocabulary';
import { HARDSHIP_TIERS, money, required } from './contract';
import { HARDSHIP_CAUSES } from './vocabulary';

/**
 * 帮扶记录 and 批量帮扶活动 as the API takes and gives them (issue 6), shared by
 * the server and the web console. Money is yuan with at most two decimals.
 */

/** 导出发放名单（签收表）: a list of names and sums leaves the platform on paper. */
export const ASSISTANCE_EXPORT = 'assistance.export';

/** Beyond any single payment (a cap refuses long before). */
const positiveMoney = (label: string) => money(label).refine((value) => value > 0, `${label}应大于 0`);

const day = (label: string) =>
  z
    .string({ error: required(label, '日期') })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}应为 YYYY-MM-DD 格式`)
    .refine((text) => isCalendarDate(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10))), `${label}不是有效的日期`);

const text = (label: string, max: number) => z.string({ error: required(label, '文字') }).trim().min(1, `请填写${label}`).max(max, `${label}过长（至多 ${max} 字）`);

/** What both a record and a campaign say about the aid. */
const aidKindFields = {
  category: z.enum(AID_CATEGORIES, { error: '请选择帮扶类别（生活救助、医疗救助、助学、送温暖、就业帮扶）' }),
  /** 金秋助学 (with category 助学 only). */
  isGoldenAutumn: z.boolean({ error: '是否金秋助学应为 true 或 false' }).default(false),
  fundingSource: z.enum(FUNDING_SOURCES, { error: '请选择资金来源（财政专项、社会资金、工会经费）' }),
  kind: z.enum(AID_KINDS, { error: '发放方式应为 cash（现金）或 in_kind（实物）' }).default('cash'),
  /** 实物: what is delivered. */
  itemDescription: text('实物名称及规格', 200).optional(),
};

function checkAidKind(aid: { category: string; isGoldenAutumn: boolean; kind: string; itemDescription?: string | undefined }, context: z.RefinementCtx) {
  if (aid.isGoldenAutumn && aid.category !== 'education') context.addIssue({ code: 'custom', path: ['isGoldenAutumn'], message: '金秋助学属于助学类别' });
  if (aid.kind === 'in_kind' && aid.itemDescription === undefined) context.addIssue({ code: 'custom', path: ['itemDescription'], message: '实物帮扶请填写实物名称及规格' });
  if (aid.kind === 'cash' && aid.itemDescription !== undefined) context.addIssue({ code: 'custom', path: ['itemDescription'], message: '现金帮扶不填写实物名称' });
}

/** 登记帮扶记录: one payment or in-kind delivery to one filed household. */
export const ZCreateAidRecord = z
  .object({
    householdId: z.number({ error: '请选择受助家庭（档案）' }).int().positive('请选择受助家庭（档案）'),
    /** 发放单位: the household's union or a union above it, in the caller's scope. */
    payingOrgUnitId: z.number({ error: '请选择发放单位' }).int().positive('请选择发放单位'),
    ...aidKindFields,
    quantity: z.number({ error: required('实物数量', '数字') }).positive('实物数量应大于 0').max(1_000_000, '实物数量过大').optional(),
    /** Cash paid, or the in-kind delivery's value. */
    amount: positiveMoney('帮扶金额（实物折价）'),
    aidDate: day('帮扶日期'),
    /** 助学: the student, a member of the household, and the stage. */
    studentMemberId: z.number().int().positive('请选择受助学生').optional(),
    educationStage: z.enum(EDUCATION_STAGES, { error: '学段应为 compulsory（学前及义务教育）或 senior（高中及以上）' }).optional(),
    note: z.string().trim().max(500, '备注过长（至多 500 字）').optional(),
  })
  .superRefine((record, context) => {
    checkAidKind(record, context);
    if (record.kind === 'in_kind' && record.quantity === undefined) context.addIssue({ code: 'custom', path: ['quantity'], message: '实物帮扶请填写数量' });
    if (record.category === 'education') {
      if (record.studentMemberId === undefined) context.addIssue({ code: 'custom', path: ['studentMemberId'], message: '助学请选择受助学生（家庭成员）' });
      if (record.educationStage === undefined) context.addIssue({ code: 'custom', path: ['educationStage'], message: '助学请选择学段' });
    }
  });
export type TCreateAidRecord = z.output<typeof ZCreateAidRecord>;

export const ZAidRecord = z.object({
  id: z.number().int(),
  household: z.object({ id: z.number().int(), name: z.string(), union: z.object({ id: z.number().int(), name: z.string() }) }),
  payingUnion: z.object({ id: z.number().int(), name: z.string() }),
  category: z.enum(AID_CATEGORIES),
  /** 生活救助, or 金秋助学 for that kind of 助学. */
  categoryLabel: z.string(),
  fundingSource: z.enum(FUNDING_SOURCES),
  fundingSourceLabel: z.string(),
  kind: z.enum(AID_KINDS),
  itemDescription: z.string().nullable(),
  quantity: z.number().nullable(),
  amount: z.number(),
  aidDate: z.string(),
  student: z.object({ memberId: z.number().int(), name: z.string(), stage: z.enum(EDUCATION_STAGES) }).nullable(),
  note: z.string().nullable(),
  status: z.enum(AID_STATUSES),
  statusLabel: z.string(),
  campaignId: z.number().int().nullable(),
  approvedAt: z.string().nullable(),
  paidAt: z.string().nullable(),
  receipt: z
    .object({ signer: z.string().nullable(), receivedOn: z.string(), confirmedBy: z.string().nullable(), confirmedAt: z.string(), fileId: z.number().int().nullable() })
    .nullable(),
  createdAt: z.string(),
});
export type TAidRecord = z.output<typeof ZAidRecord>;

/** A record with its workflow: the buttons this user has now and every step so far. Campaign records have none of their own. */
export const ZAidRecordDetail = ZAidRecord.extend({
  workflow: ZWorkflowInstance.nullable(),
  actions: z.array(ZWorkflowAction),
  history: z.array(ZWorkflowHistoryStep),
});
export type TAidRecordDetail = z.output<typeof ZAidRecordDetail>;

export const ZAidIdParams = z.object({ id: z.coerce.number().int().positive() });
export const ZAidActionParams = z.object({ id: z.coerce.number().int().positive(), transition: z.string().min(1).max(60) });

/** A step of the record's approval: version, comment, form (签收: signer and day) and files (ids of the household's evidence). */
export const ZAidActionInput = z.object({
  expectedVersion: z.number({ error: '请提供流程版本号' }).int().positive('版本号须为正整数'),
  comment: z.string().trim().max(2000, '意见过长（至多 2000 字）').optional(),
  form: z.record(z.string(), z.unknown()).optional(),
  attachments: z.array(z.object({ fileId: z.number().int().positive('附件编号无效') })).max(20, '附件至多 20 个').optional(),
});
export type TAidActionInput = z.output<typeof ZAidActionInput>;

/** 签收 of one record (the confirm_receipt step's form). */
export const ZReceiptForm = z.object({
  signer: text('签收人', 50).describe('签收人'),
  receivedOn: day('签收日期').describe('签收日期'),
});

export const ZHouseholdAidQuery = z.object({
  year: z.coerce.number().int().min(2000, '年份应在 2000 年至 2100 年之间').max(2100, '年份应在 2000 年至 2100 年之间').optional(),
});

/** A household's records, newest first, with the year's committed totals (the household page). */
export const ZHouseholdAid = z.object({
  items: z.array(ZAidRecord),
  totals: z.array(z.object({ year: z.number().int(), committed: z.number(), disbursed: z.number() })),
});

const year = z.coerce.number({ error: '请选择年份' }).int().min(2000, '年份应在 2000 年至 2100 年之间').max(2100, '年份应在 2000 年至 2100 年之间');

export const ZFundsSummaryQuery = z.object({
  /** A union in the caller's scope; its subtree is summed (default: the caller's own). */
  orgUnitId: z.coerce.number().int().positive().optional(),
  year,
});

const ZFundsLine = z.object({ code: z.string(), label: z.string(), amount: z.number(), records: z.number().int() });

/** 帮扶资金 of a subtree and year: disbursed (paid, delivered, received) by source and by category; approved not yet paid apart. */
export const ZFundsSummary = z.object({
  orgUnitId: z.number().int(),
  year: z.number().int(),
  disbursed: z.number(),
  records: z.number().int(),
  approvedNotPaid: z.number(),
  bySource: z.array(ZFundsLine),
  byCategory: z.array(ZFundsLine),
});
export type TFundsSummary = z.output<typeof ZFundsSummary>;

const ZTierAmounts = z
  .object({ deep: positiveMoney('深度困难家庭标准').optional(), relative: positiveMoney('相对困难家庭标准').optional(), accident: positiveMoney('意外致困家庭标准').optional() })
  .strict()
  .default({});

/** 批量帮扶活动 (送温暖 for a holiday, 金秋助学): the standard per household or per tier, the budget, the paying union. */
export const ZCreateCampaign = z
  .object({
    name: text('活动名称', 100).refine((name) => name.length >= 2, '活动名称至少 2 个字'),
    payingOrgUnitId: z.number({ error: '请选择发放单位' }).int().positive('请选择发放单位'),
    ...aidKindFields,
    standardAmount: positiveMoney('每户标准'),
    tierAmounts: ZTierAmounts,
    budget: positiveMoney('预算'),
    aidDate: day('发放日期'),
    educationStage: z.enum(EDUCATION_STAGES, { error: '学段应为 compulsory（学前及义务教育）或 senior（高中及以上）' }).optional(),
  })
  .superRefine((campaign, context) => {
    checkAidKind(campaign, context);
    if (campaign.category === 'education' && campaign.educationStage === undefined) context.addIssue({ code: 'custom', path: ['educationStage'], message: '助学活动请选择学段' });
    if (campaign.category !== 'education' && campaign.educationStage !== undefined) context.addIssue({ code: 'custom', path: ['educationStage'], message: '只有助学活动设定学段' });
  });
export type TCreateCampaign = z.output<typeof ZCreateCampaign>;

/** 按条件选取: filed households of a subtree (default: the paying union's), by tier and cause. */
export const ZCampaignSelect = z.object({
  orgUnitId: z.number().int().positive().optional(),
  tiers: z.array(z.enum(HARDSHIP_TIERS, { error: '困难类别无效' })).max(5).optional(),
  causes: z.array(z.enum(HARDSHIP_CAUSES, { error: '致困原因无效' })).max(HARDSHIP_CAUSES.length).optional(),
});
export type TCampaignSelect = z.output<typeof ZCampaignSelect>;

export const ZCampaignAddHousehold = z.object({
  householdId: z.number({ error: '请选择家庭（档案）' }).int().positive(),
  /** Default: the campaign's standard for the household's tier. */
  amount: positiveMoney('金额').optional(),
});

export const ZCampaignHouseholdParams = z.object({ id: z.coerce.number().int().positive(), householdId: z.coerce.number().int().positive() });

/** A household left out, and why (selection without a student, approval over a cap, a file no longer filed). */
export const ZCampaignOffender = z.object({ householdId: z.number().int(), name: z.string(), reason: z.string() });

export const ZCampaignSelectResult = z.object({ added: z.number().int(), skipped: z.array(ZCampaignOffender) });

export const ZCampaignVersion = z.object({ expectedVersion: z.number({ error: '请提供流程版本号' }).int().positive('版本号须为正整数') });
export const ZCampaignCancel = ZCampaignVersion.extend({ comment: z.string().trim().max(2000, '意见过长（至多 2000 字）').optional() });

export const ZCampaignDecision = z.object({
  status: z.enum(CAMPAIGN_STATUSES),
  statusLabel: z.string(),
  households: z.number().int(),
  amount: z.number(),
  /** Left out, row by row, with the reason. */
  excluded: z.array(ZCampaignOffender),
  workflow: ZWorkflowInstance,
});

/** 签收: some households of the list (or every one distributed and not yet signed for). */
export const ZCampaignReceipts = z.object({
  householdIds: z.array(z.number().int().positive()).min(1, '请选择签收的家庭').max(5000).optional(),
  receivedOn: day('签收日期'),
  /** Who signed; default: the household's main worker. */
  signer: text('签收人', 50).optional(),
});
export const ZCampaignReceiptResult = z.object({ confirmed: z.number().int() });

export const ZCampaignRow = z.object({
  householdId: z.number().int(),
  name: z.string(),
  idNumberMasked: z.string(),
  union: z.object({ id: z.number().int(), name: z.string() }),
  tier: z.enum(HARDSHIP_TIERS).nullable(),
  tierLabel: z.string(),
  amount: z.number(),
  status: z.enum(Object.keys(CAMPAIGN_ROW_STATUS_LABELS) as [CampaignRowStatus, ...CampaignRowStatus[]]),
  statusLabel: z.string(),
  excludedReason: z.string().nullable(),
  recordId: z.number().int().nullable(),
  receivedOn: z.string().nullable(),
  receiptSigner: z.string().nullable(),
});

export const ZCampaign = z.object({
  id: z.number().int(),
  name: z.string(),
  payingUnion: z.object({ id: z.number().int(), name: z.string() }),
  category: z.enum(AID_CATEGORIES),
  categoryLabel: z.string(),
  fundingSource: z.enum(FUNDING_SOURCES),
  fundingSourceLabel: z.string(),
  kind: z.enum(AID_KINDS),
  itemDescription: z.string().nullable(),
  standardAmount: z.number(),
  tierAmounts: z.object({ deep: z.number().optional(), relative: z.number().optional(), accident: z.number().optional() }),
  budget: z.number(),
  aidDate: z.string(),
  educationStage: z.enum(EDUCATION_STAGES).nullable(),
  status: z.enum(CAMPAIGN_STATUSES),
  statusLabel: z.string(),
  /** Rows on the list (all states) and the sum of those not excluded. */
  households: z.number().int(),
  amount: z.number(),
  createdAt: z.string(),
});
export type TCampaign = z.output<typeof ZCampaign>;

export const ZCampaignDetail = ZCampaign.extend({
  rows: z.array(ZCampaignRow),
  workflow: ZWorkflowInstance.nullable(),
  actions: z.array(ZWorkflowAction),
});
export type TCampaignDetail = z.output<typeof ZCampaignDetail>;

export const ZCampaignListQuery = z.object({ year: year.optional(), status: z.enum(CAMPAIGN_STATUSES, { error: '活动状态无效' }).optional() });
export const ZCampaignList = z.object({ items: z.array(ZCampaign) });

export const ZCampaignExportQuery = z.object({
  purpose: z.string({ error: '请填写导出用途' }).trim().min(2, '请填写导出用途').max(100, '导出用途过长'),
});

/** Rows a campaign may hold (the list, the approval and the export handle it in one go). */
export const CAMPAIGN_MAX_HOUSEHOLDS = 5000;
