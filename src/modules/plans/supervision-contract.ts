import { z } from 'zod';

/**
 * 督办 (supervision, issue 5): flags on measures that are overdue or at risk,
 * per union, and the 督办 items a supervising union opens on them — shared by
 * the server routes and the plan page's 督办 tab.
 */

export const SUPERVISION_KINDS = ['reminder', 'letter', 'interview'] as const;
export type TSupervisionKind = (typeof SUPERVISION_KINDS)[number];
/** 催办 / 督办函 / 约谈. */
export const SUPERVISION_KIND_LABELS: Readonly<Record<TSupervisionKind, string>> = { reminder: '催办', letter: '督办函', interview: '约谈' };

export const SUPERVISION_STATUSES = ['open', 'replied', 'closed'] as const;
export type TSupervisionStatus = (typeof SUPERVISION_STATUSES)[number];
export const SUPERVISION_STATUS_LABELS: Readonly<Record<TSupervisionStatus, string>> = { open: '待答复', replied: '已答复', closed: '已办结' };

export const SUPERVISION_ACTIONS = ['issue', 'reply', 'close'] as const;
export const SUPERVISION_ACTION_LABELS: Readonly<Record<(typeof SUPERVISION_ACTIONS)[number], string>> = { issue: '发起督办', reply: '答复', close: '办结' };

export const FLAG_KINDS = ['overdue', 'at_risk'] as const;
export type TFlagKind = (typeof FLAG_KINDS)[number];

const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const ZVersion = z.number({ message: '缺少修改前的版本号（version），请刷新后重试' }).int().positive('版本号须为正整数');
const ZComment = (label: string, min: number) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .min(min, `请填写${label}`)
    .max(2000, `${label}不超过 2000 个字`);

/** One measure at one union (the caller's, or any below it that holds the plan) that needs chasing, and why. */
export const ZSupervisionFlag = z.object({
  measureId: z.number().int(),
  measureNo: z.string(),
  measureTitle: z.string(),
  deadline: z.string().nullable(),
  /** `type` is the union's level (市、县、基层…: ORG_TYPE_LABELS in the orgs module). */
  orgUnit: z.object({ id: z.number().int(), name: z.string(), type: z.string() }),
  flag: z.enum(FLAG_KINDS),
  reasons: z.array(z.string()),
  /** The caller may open a 督办 on it (holds plans.supervise, the union lies below theirs). */
  canSupervise: z.boolean(),
  openItems: z.number().int(),
});
export type TSupervisionFlag = z.infer<typeof ZSupervisionFlag>;

export const ZSupervisionAction = z.object({
  id: z.number().int(),
  action: z.enum(SUPERVISION_ACTIONS),
  actor: z.string().nullable(),
  actorOrgUnit: z.string(),
  at: z.string(),
  comment: z.string(),
  expectedCompletionOn: z.string().nullable(),
  smsQueued: z.boolean(),
});

export const ZSupervisionItem = z.object({
  id: z.number().int(),
  measureId: z.number().int(),
  measureNo: z.string(),
  measureTitle: z.string(),
  orgUnit: z.object({ id: z.number().int(), name: z.string() }),
  fromOrgUnit: z.object({ id: z.number().int(), name: z.string() }),
  kind: z.enum(SUPERVISION_KINDS),
  status: z.enum(SUPERVISION_STATUSES),
  replyDueOn: z.string().nullable(),
  expectedCompletionOn: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  /** The caller's union is the supervised one and may reply. */
  canReply: z.boolean(),
  /** The caller's union issued it (or lies above the issuer) and holds plans.supervise. */
  canClose: z.boolean(),
  actions: z.array(ZSupervisionAction),
});
export type TSupervisionItem = z.infer<typeof ZSupervisionItem>;

export const ZSupervisionBoard = z.object({
  planId: z.number().int(),
  asOf: z.string(),
  /** The union the flags are computed at (the caller's); the flags cover it and every union below it that holds the plan. */
  orgUnit: z.object({ id: z.number().int(), name: z.string() }),
  flags: z.array(ZSupervisionFlag),
  items: z.array(ZSupervisionItem),
});
export type TSupervisionBoard = z.infer<typeof ZSupervisionBoard>;

export const ZSupervisionParams = z.object({
  id: z.coerce.number().int().positive(),
  supervisionId: z.coerce.number().int().positive(),
});

export const ZIssueSupervisionRequest = z
  .object({
    measureId: z.number({ message: '请选择措施' }).int().positive(),
    orgUnitId: z.number({ message: '请选择督办对象' }).int().positive(),
    kind: z.enum(SUPERVISION_KINDS, { message: '请选择督办方式（催办、督办函或约谈）' }),
    comment: ZComment('督办内容', 1),
    replyDueOn: ZDay.nullable().optional(),
    /** Also text the union's registered contact phone. */
    alsoSms: z.boolean().default(false),
  })
  .superRefine((value, issue) => {
    if (value.kind === 'letter' && !value.replyDueOn) issue.addIssue({ code: 'custom', path: ['replyDueOn'], message: '督办函须写明答复时限' });
    if (value.kind !== 'letter' && value.replyDueOn) issue.addIssue({ code: 'custom', path: ['replyDueOn'], message: '只有督办函设答复时限' });
  });
export type TIssueSupervisionRequest = z.input<typeof ZIssueSupervisionRequest>;

export const ZReplySupervisionRequest = z.object({
  version: ZVersion,
  comment: ZComment('情况说明', 1),
  expectedCompletionOn: ZDay,
});
export type TReplySupervisionRequest = z.infer<typeof ZReplySupervisionRequest>;

export const ZCloseSupervisionRequest = z.object({
  version: ZVersion,
  comment: ZComment('办结意见', 0).default(''),
});
export type TCloseSupervisionRequest = z.input<typeof ZCloseSupervisionRequest>;
