import { z } from 'zod';
import { isCalendarDate } from '../../core/cn/calendar-date';
import { parseIdNumber } from '../../core/cn/id-number';
import { parseRegionCode } from '../../core/cn/region-code';
import { ZWorkflowAction, ZWorkflowHistoryStep, ZWorkflowInstance } from '../../core/workflow/contract';
import { EXCLUSIONS, HARDSHIP_TIERS, MAX_HOUSEHOLD_SIZE, money, required, SUDDEN_EVENTS, ZRigidExpenses } from './contract';
import {
  DISABILITY_TYPES,
  EVIDENCE_KINDS,
  EMPLOYMENTS,
  HARDSHIP_CAUSES,
  HOUSEHOLD_STATUSES,
  ILLNESSES,
  RELATIONS,
  REVERIFICATION_OUTCOME_LABELS,
  type Relation,
} from './vocabulary';

/**
 * The hardship file (一户一档) as the API takes and gives it: shared by the
 * server and the web console. Money is yuan with at most two decimals, as in
 * the self-test (contract.ts).
 */

const OTHER_RELATIONS = RELATIONS.filter((relation) => relation !== 'self') as [Exclude<Relation, 'self'>, ...Exclude<Relation, 'self'>[]];

/** 健康状况: serious illnesses (none: 良好) and a disability with its type and grade. */
export const ZHealth = {
  illnesses: z
    .array(z.enum(ILLNESSES, { error: '重大疾病不在健康状况目录中' }), { error: '重大疾病应为列表' })
    .max(ILLNESSES.length, '重大疾病过多')
    .default([])
    .transform((items) => [...new Set(items)]),
  disability: z
    .object({
      type: z.enum(DISABILITY_TYPES, { error: '残疾类别应为视力、听力、言语、智力、肢体、精神或多重残疾' }),
      grade: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: '残疾等级应为一级至四级（1–4）' }),
    })
    .nullish()
    .transform((value) => value ?? null),
};

const employment = z.enum(EMPLOYMENTS, { error: '就业状况不在目录中' });

/** The main worker's own facts (name, ID number and birth date come from the person record). */
export const ZWorkerFacts = z.object({
  ...ZHealth,
  employment: employment.default('employed'),
  annualIncome: money('本人年收入').default(0),
});

const ID_NUMBER_MESSAGE = '请填写家庭成员的公民身份号码';

/**
 * A household member other than the main worker. On an edit, `id` names a
 * member already on file: without `idNumber` the sealed number on file is kept
 * (the console only ever saw it masked).
 */
export const ZHouseholdMemberInput = z
  .object({
    id: z.number().int().positive().optional(),
    relation: z.enum(OTHER_RELATIONS, { error: '与本人关系不在目录中（本人无需重复填写）' }),
    name: z.string({ error: required('家庭成员姓名', '文字') }).trim().min(1, '请填写家庭成员姓名').max(100, '家庭成员姓名过长'),
    idNumber: z
      .string({ error: ID_NUMBER_MESSAGE })
      .trim()
      .max(30, '公民身份号码过长')
      .superRefine((text, context) => {
        const parsed = parseIdNumber(text);
        if (!parsed.ok) context.addIssue({ code: 'custom', message: parsed.message });
      })
      .optional(),
    ...ZHealth,
    employment,
    annualIncome: money('家庭成员年收入').default(0),
  })
  .superRefine((member, context) => {
    if (member.id === undefined && member.idNumber === undefined) {
      context.addIssue({ code: 'custom', path: ['idNumber'], message: ID_NUMBER_MESSAGE });
    }
  });

/** 开户银行 and account: the account is sealed, shown masked. On an edit, no `accountNumber` keeps the one on file. */
export const ZBankInput = z.object({
  bankName: z.string({ error: required('开户银行', '文字') }).trim().min(2, '请填写开户银行').max(100, '开户银行名称过长'),
  accountNumber: z
    .string({ error: required('银行账号', '数字') })
    .trim()
    .transform((text) => text.replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^\d{12,30}$/, '银行账号应为 12–30 位数字'))
    .optional(),
});

/** Property the family declares for the 家庭经济状况核对 (the civil-affairs check compares it). */
export const ZDeclaredProperty = z.object({
  vehicles: z.number({ error: required('机动车辆数', '整数') }).int('机动车辆数应为整数').min(0, '机动车辆数不能为负数').max(50, '机动车辆数过大').default(0),
  houses: z.number({ error: required('住房套数', '整数') }).int('住房套数应为整数').min(0, '住房套数不能为负数').max(50, '住房套数过大').default(0),
});

/** Everything about the household a clerk records; the tier is computed from it. */
export const ZHouseholdFigures = z
  .object({
    /** GB/T 2260 code of the 低保 standard's region; default: the nearest one on the union's path. */
    regionCode: z
      .string()
      .trim()
      .refine((code) => parseRegionCode(code).ok, '所在地区应为 6 位行政区划代码（GB/T 2260）')
      .optional(),
    dibaoArea: z.enum(['urban', 'rural'], { error: '低保类别应为 urban（城市）或 rural（农村）' }).default('urban'),
    workerType: z.enum(['worker', 'migrant_worker'], { error: '职工类别应为职工或农民工' }).default('worker'),
    laborRelationMonths: z.number({ error: required('劳动关系月数', '整数') }).int('劳动关系月数应为整数').min(0, '劳动关系月数不能为负数').max(600, '劳动关系月数过大').nullish().transform((value) => value ?? null),
    annualIncome: money('家庭年度可支配收入'),
    rigidExpenses: ZRigidExpenses.default({ medical: 0, education: 0, disability: 0, jobCosts: 0 }),
    suddenCosts: money('年度内致困费用（损失）').default(0),
    suddenEvent: z.enum(SUDDEN_EVENTS, { error: '突发事件类型无效' }).nullish().transform((value) => value ?? null),
    exclusions: z
      .array(z.enum(EXCLUSIONS, { error: `排除性条件应为 ${EXCLUSIONS.join('、')} 之一` }))
      .max(EXCLUSIONS.length * 2, '排除性条件过多')
      .default([])
      .transform((items) => [...new Set(items)]),
    declaredProperty: ZDeclaredProperty.default({ vehicles: 0, houses: 0 }),
    mainCause: z.enum(HARDSHIP_CAUSES, { error: '请选择主要致困原因' }),
    secondaryCauses: z
      .array(z.enum(HARDSHIP_CAUSES, { error: '次要致困原因不在目录中' }))
      .max(HARDSHIP_CAUSES.length, '次要致困原因过多')
      .default([])
      .transform((items) => [...new Set(items)]),
    bank: ZBankInput.nullish().transform((value) => value ?? null),
    worker: ZWorkerFacts.default({ illnesses: [], disability: null, employment: 'employed', annualIncome: 0 }),
    members: z.array(ZHouseholdMemberInput).max(MAX_HOUSEHOLD_SIZE - 1, `家庭共同生活人口不能超过 ${MAX_HOUSEHOLD_SIZE} 人`).default([]),
  })
  .superRefine((figures, context) => {
    if (figures.workerType === 'migrant_worker' && figures.laborRelationMonths === null) {
      context.addIssue({ code: 'custom', path: ['laborRelationMonths'], message: '农民工请填写与用人单位建立劳动关系的月数' });
    }
    if (figures.secondaryCauses.includes(figures.mainCause)) {
      context.addIssue({ code: 'custom', path: ['secondaryCauses'], message: '次要致困原因不应与主要致困原因相同' });
    }
  });

export type THouseholdFigures = z.output<typeof ZHouseholdFigures>;
export type THouseholdMemberInput = z.output<typeof ZHouseholdMemberInput>;

/** 建档申请 by a clerk: the member (a current membership in the caller's subtree) and the figures. */
export const ZCreateHousehold = z.intersection(
  z.object({ membershipId: z.number({ error: '请选择申请建档的会员' }).int().positive('请选择申请建档的会员') }),
  ZHouseholdFigures,
);
export type TCreateHousehold = z.output<typeof ZCreateHousehold>;

/** An edit: every figure again, from the version the clerk started from (a stale one is refused). */
export const ZUpdateHousehold = z.intersection(z.object({ expectedVersion: z.number().int().positive('版本号须为正整数') }), ZHouseholdFigures);
export type TUpdateHousehold = z.output<typeof ZUpdateHousehold>;

export const ZHouseholdIdParams = z.object({ id: z.coerce.number().int().positive() });

/** The stored classification: the tier at the last change of figures, with its explanation. */
export const ZHouseholdClassification = z.object({
  tier: z.enum(HARDSHIP_TIERS),
  tierLabel: z.string(),
  perCapitaMonthly: z.number(),
  dibao: z.number(),
  reasons: z.array(z.string()),
  /** The day whose rules and 低保 standard were applied. */
  rulesDay: z.string(),
  classifiedAt: z.string(),
});

export const ZHouseholdMember = z.object({
  id: z.number().int(),
  position: z.number().int(),
  relation: z.enum(RELATIONS),
  relationLabel: z.string(),
  name: z.string(),
  idNumberMasked: z.string(),
  gender: z.enum(['male', 'female']),
  /** Whole years, from the birth date in the ID number. */
  age: z.number().int(),
  /** 良好, or the illnesses and disability in words. */
  healthLabel: z.string(),
  illnesses: z.array(z.enum(ILLNESSES)),
  disability: z.object({ type: z.enum(DISABILITY_TYPES), grade: z.number().int() }).nullable(),
  employment: z.enum(EMPLOYMENTS),
  annualIncome: z.number(),
});

export const ZEvidenceFile = z.object({
  id: z.number().int(),
  kind: z.enum(EVIDENCE_KINDS),
  kindLabel: z.string(),
  name: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
});
export type TEvidenceFile = z.output<typeof ZEvidenceFile>;

export const ZCivilCheckFinding = z.object({ code: z.string(), message: z.string() });

export const ZHouseholdDetail = z.object({
  id: z.number().int(),
  version: z.number().int(),
  status: z.enum(HOUSEHOLD_STATUSES),
  statusLabel: z.string(),
  worker: z.object({ personId: z.number().int(), name: z.string(), idNumberMasked: z.string(), gender: z.enum(['male', 'female']), age: z.number().int() }),
  union: z.object({ id: z.number().int(), name: z.string() }),
  regionCode: z.string(),
  dibaoArea: z.enum(['urban', 'rural']),
  workerType: z.enum(['worker', 'migrant_worker']),
  laborRelationMonths: z.number().int().nullable(),
  annualIncome: z.number(),
  rigidExpenses: z.object({ medical: z.number(), education: z.number(), disability: z.number(), jobCosts: z.number() }),
  suddenCosts: z.number(),
  suddenEvent: z.enum(SUDDEN_EVENTS).nullable(),
  exclusions: z.array(z.enum(EXCLUSIONS)),
  declaredProperty: z.object({ vehicles: z.number().int(), houses: z.number().int() }),
  mainCause: z.enum(HARDSHIP_CAUSES),
  secondaryCauses: z.array(z.enum(HARDSHIP_CAUSES)),
  bank: z.object({ bankName: z.string(), accountMasked: z.string() }).nullable(),
  householdSize: z.number().int(),
  members: z.array(ZHouseholdMember),
  classification: ZHouseholdClassification,
  filedTier: z.enum(HARDSHIP_TIERS).nullable(),
  fileLevel: z.string().nullable(),
  filedOn: z.string().nullable(),
  lastVerifiedOn: z.string().nullable(),
  civilCheck: z
    .object({ status: z.enum(['clear', 'mismatch']), findings: z.array(ZCivilCheckFinding), driver: z.string(), checkedAt: z.string() })
    .nullable(),
  files: z.array(ZEvidenceFile),
  workflow: ZWorkflowInstance.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type THouseholdDetail = z.output<typeof ZHouseholdDetail>;

export const HOUSEHOLD_PAGE_MAX = 100;

export const ZHouseholdListQuery = z.object({
  /** A union in the caller's subtree: its subtree is listed (default: the caller's own). */
  orgUnitId: z.coerce.number().int().positive().optional(),
  tier: z.enum(HARDSHIP_TIERS, { error: '困难类别无效' }).optional(),
  status: z.enum(HOUSEHOLD_STATUSES, { error: '档案状态无效' }).optional(),
  /** Main or secondary cause. */
  cause: z.enum(HARDSHIP_CAUSES, { error: '致困原因无效' }).optional(),
  /** The start of the main worker's name (blank: no filter). */
  q: z
    .string()
    .trim()
    .max(50, '搜索内容过长')
    .optional()
    .transform((text) => text || undefined),
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(HOUSEHOLD_PAGE_MAX).default(20),
});
export type THouseholdListQuery = z.output<typeof ZHouseholdListQuery>;

export const ZHouseholdRow = z.object({
  id: z.number().int(),
  name: z.string(),
  idNumberMasked: z.string(),
  union: z.object({ id: z.number().int(), name: z.string() }),
  status: z.enum(HOUSEHOLD_STATUSES),
  statusLabel: z.string(),
  tier: z.enum(HARDSHIP_TIERS),
  tierLabel: z.string(),
  mainCause: z.enum(HARDSHIP_CAUSES),
  mainCauseLabel: z.string(),
  householdSize: z.number().int(),
  perCapitaMonthly: z.number(),
  fileLevel: z.string().nullable(),
  filedOn: z.string().nullable(),
});
export type THouseholdRow = z.output<typeof ZHouseholdRow>;

export const ZHouseholdList = z.object({ items: z.array(ZHouseholdRow), nextCursor: z.string().nullable() });
export type THouseholdList = z.output<typeof ZHouseholdList>;

/** 查看完整信息: the bank account, or one member's ID number, for a stated reason (PIPL 第六条). */
export const ZHouseholdRevealRequest = z
  .object({
    field: z.enum(['bankAccount', 'memberIdNumber'], { message: '请选择要查看的字段' }),
    memberId: z.number().int().positive().optional(),
    reason: z.string({ message: '请填写查看原因' }).trim().min(4, '请填写查看原因（至少 4 个字）').max(200, '原因过长'),
  })
  .superRefine((request, context) => {
    if (request.field === 'memberIdNumber' && request.memberId === undefined) {
      context.addIssue({ code: 'custom', path: ['memberId'], message: '请选择要查看身份证号的家庭成员' });
    }
  });
export type THouseholdRevealRequest = z.output<typeof ZHouseholdRevealRequest>;
export const ZHouseholdRevealResult = z.object({ field: z.enum(['bankAccount', 'memberIdNumber']), value: z.string().nullable() });

/** 办理一步: the engine's step input, with files named by the id the upload gave them. */
export const ZHouseholdActionInput = z.object({
  expectedVersion: z.number({ error: '请提供流程版本号' }).int().positive('版本号须为正整数'),
  comment: z.string().trim().max(2000, '意见过长（至多 2000 字）').optional(),
  form: z.record(z.string(), z.unknown()).optional(),
  attachments: z.array(z.object({ fileId: z.number().int().positive('附件编号无效') })).max(20, '附件至多 20 个').optional(),
});
export type THouseholdActionInput = z.output<typeof ZHouseholdActionInput>;
export const ZHouseholdActionParams = z.object({ id: z.coerce.number().int().positive(), transition: z.string().min(1).max(60) });

export const ZHouseholdActionResult = z.object({ status: z.enum(HOUSEHOLD_STATUSES), statusLabel: z.string(), workflow: ZWorkflowInstance });
export const ZHouseholdActions = z.object({ workflow: ZWorkflowInstance.nullable(), actions: z.array(ZWorkflowAction) });
export const ZHouseholdHistory = z.object({ steps: z.array(ZWorkflowHistoryStep) });

/** 公示: the text to print and post, and the period. */
export const ZHouseholdNotice = z.object({
  title: z.string(),
  text: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  workingDays: z.number().int(),
  source: z.string(),
});

/** 查看佐证材料: why (audited, in the body — never in a URL). */
export const ZEvidenceOpenRequest = z.object({
  reason: z.string({ message: '请填写查看原因' }).trim().min(4, '请填写查看原因（至少 4 个字）').max(200, '原因过长'),
});
/** A one-time token for GET …/files/:fileId?token=: bound to the caller and the file, valid until expiresAt. */
export const ZEvidenceOpenResult = z.object({ token: z.string(), expiresAt: z.string() });
export type TEvidenceOpenResult = z.output<typeof ZEvidenceOpenResult>;
export const ZEvidenceParams = z.object({ id: z.coerce.number().int().positive(), fileId: z.coerce.number().int().positive() });
export const ZEvidenceDownloadQuery = z.object({
  token: z.string({ message: '请先在档案页点击“查看”并填写原因' }).regex(/^[A-Za-z0-9_-]{43}$/, '查看链接无效，请在档案页重新点击“查看”'),
});

export const ZEvidenceUploadQuery = z.object({ kind: z.enum(EVIDENCE_KINDS, { error: `材料类别应为 ${EVIDENCE_KINDS.join('、')} 之一` }) });

/** 年度复核 of every filed household of a subtree against the rule tables in force on `on` (default: today). */
export const ZReverificationRequest = z.object({
  orgUnitId: z.number({ error: '请选择复核范围（组织）' }).int().positive(),
  on: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '复核日期应为 YYYY-MM-DD 格式')
    .refine((text) => isCalendarDate(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10))), '复核日期不是有效的日期')
    .optional(),
});

export const ZReverificationProposal = z.object({
  householdId: z.number().int(),
  name: z.string(),
  previousTier: z.enum(HARDSHIP_TIERS),
  proposedTier: z.enum(HARDSHIP_TIERS),
  outcome: z.enum(Object.keys(REVERIFICATION_OUTCOME_LABELS) as ['keep', 'change_tier', 'exit']),
  outcomeLabel: z.string(),
  reasons: z.array(z.string()),
});

export const ZReverificationResult = z.object({
  runId: z.number().int(),
  on: z.string(),
  households: z.number().int(),
  keep: z.number().int(),
  changeTier: z.number().int(),
  exit: z.number().int(),
  /** The changes and exits (not the households kept), at most REVERIFICATION_PROPOSALS_SHOWN. */
  proposals: z.array(ZReverificationProposal),
});
export type TReverificationResult = z.output<typeof ZReverificationResult>;
export const REVERIFICATION_PROPOSALS_SHOWN = 500;
