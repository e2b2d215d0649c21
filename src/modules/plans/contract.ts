import { z } from 'zod';
import { TARGET_COMPARATORS, ZPlanMeta } from './draft-contract';

/**
 * The plans module's contract, shared by server and console: the parsed draft
 * (draft-contract.ts, what the parser makes of a document) and, below, the
 * API of plans once imported.
 */
export * from './draft-contract';

// ===========================================================================
// The plans API (issue 5, "Assign, cascade and track"): shared by the server
// routes and the console. Dates are YYYY-MM-DD, instants ISO 8601. Every edit
// names the `version` it started from and is refused (409) when someone
// changed the record meanwhile: structural edits of a draft name the plan's
// version; assignment, local-measure edits and report edits name the
// measure's or report's own version.
// ===========================================================================

/** 查看; 起草、修改、分工、填报; 确认后的下发、签收、分解指标; 审核进展报告; 督办. */
export const PLANS_READ = 'plans.read';
export const PLANS_WRITE = 'plans.write';
export const PLANS_ISSUE = 'plans.issue';
export const PLANS_REVIEW = 'plans.review';
export const PLANS_SUPERVISE = 'plans.supervise';

export const PLAN_STATUSES = ['draft', 'confirmed'] as const;
export type TPlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_STATUS_LABELS: Record<TPlanStatus, string> = { draft: '待确认', confirmed: '已确认' };

/** 报送周期. A report's period is 2026-03 (monthly), 2026-Q1 (quarterly) or `once`. */
/**
 * The departments a union's measures are usually led by or shared with (the
 * internal bodies of a provincial or city federation of trade unions). Offered
 * as a list in 分工; any other name may still be typed, since county and
 * industry unions name theirs differently.
 */
export const COMMON_UNION_DEPARTMENTS = [
  '办公室',
  '组织部',
  '宣传教育部',
  '权益保障部',
  '劳动和经济工作部',
  '经济技术部',
  '女职工部',
  '法律工作部',
  '基层工作部',
  '网络工作部',
  '财务部',
  '经费审查委员会办公室',
  '机关党委',
  '职工服务中心',
] as const;

export const MEASURE_CADENCES = ['monthly', 'quarterly', 'once'] as const;
export type TMeasureCadence = (typeof MEASURE_CADENCES)[number];
export const MEASURE_CADENCE_LABELS: Record<TMeasureCadence, string> = { monthly: '按月报送', quarterly: '按季度报送', once: '完成时报送' };

/** 推进情况, as the reporting union states it. */
export const PROGRESS_STATUSES = ['not_started', 'on_track', 'at_risk', 'done', 'blocked'] as const;
export type TProgressStatus = (typeof PROGRESS_STATUSES)[number];
export const PROGRESS_STATUS_LABELS: Record<TProgressStatus, string> = {
  not_started: '未启动',
  on_track: '正常推进',
  at_risk: '存在风险',
  done: '已完成',
  blocked: '推进受阻',
};

/** Where a report stands in its review (the workflow `plans.report`). */
export const REPORT_STATES = ['draft', 'submitted', 'accepted', 'returned'] as const;
export type TReportState = (typeof REPORT_STATES)[number];
export const REPORT_STATE_LABELS: Record<TReportState, string> = { draft: '草稿', submitted: '已报送待审核', accepted: '已采纳', returned: '已退回修改' };

export const TRAFFIC_LIGHTS = ['green', 'amber', 'red'] as const;
export type TTrafficLight = (typeof TRAFFIC_LIGHTS)[number];
export const TRAFFIC_LIGHT_LABELS: Record<TTrafficLight, string> = { green: '正常', amber: '预警', red: '滞后' };

/** Evidence files (佐证材料): the type is read from the content, never the name. */
export const EVIDENCE_KINDS = ['pdf', 'jpg', 'png', 'docx', 'xlsx'] as const;
export type TEvidenceKind = (typeof EVIDENCE_KINDS)[number];
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;
export const EVIDENCE_PER_REPORT_MAX = 20;

/** A plan's text as pasted or extracted: a work plan is pages, not books. */
export const PLAN_TEXT_MAX_CHARS = 200_000;

const ZId = z.number({ message: '请选择' }).int('编号须为整数').positive('编号须为正整数');
const ZVersion = z.number({ message: '缺少修改前的版本号（version），请刷新后重试' }).int().positive('版本号须为正整数');
const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const text = (max: number, label: string) => z.string({ message: `请填写${label}` }).trim().max(max, `${label}不超过 ${max} 个字`);
const nullableText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}不超过 ${max} 个字`)
    .nullable()
    .transform((value) => (value ? value : null));

export const ZPlanIdParams = z.object({ id: z.coerce.number().int().positive() });
export const ZVersionQuery = z.object({ version: z.coerce.number().int().positive('版本号须为正整数') });
export const ZVersionRequest = z.object({ version: ZVersion });

export const ZOrgRef = z.object({ id: z.number().int(), name: z.string() });
export type TOrgRef = z.infer<typeof ZOrgRef>;
export const ZOrgRefWithType = ZOrgRef.extend({ type: z.string() });

// ---- Import --------------------------------------------------------------

/** 导入（粘贴正文）. A file goes to `POST /plans/drafts/upload` as raw bytes with its name in X-File-Name. */
export const ZImportDraftRequest = z.object({
  text: z
    .string({ message: '请粘贴文件正文' })
    .max(PLAN_TEXT_MAX_CHARS, `正文不超过 ${PLAN_TEXT_MAX_CHARS} 个字`)
    .refine((value) => value.trim().length > 0, '请粘贴文件正文'),
  /** The issuing union; default the union the user acts for. */
  orgUnitId: ZId.optional(),
  fileName: nullableText(255, '文件名').optional(),
});
export const ZUploadDraftQuery = z.object({ orgUnitId: z.coerce.number().int().positive().optional() });

// ---- The plan as the review screen shows it ----------------------------------

export const ZMetricBinding = z.object({
  metricId: z.string(),
  params: z.record(z.string(), z.unknown()),
  /** The metric's Chinese label and unit from the registry (null when the metric is no longer registered). */
  label: z.string().nullable(),
  unit: z.string().nullable(),
});

export const ZPlanIndicator = z.object({
  id: z.number().int(),
  measureId: z.number().int(),
  value: z.number(),
  approx: z.boolean(),
  comparator: z.enum(TARGET_COMPARATORS),
  unit: z.string(),
  subject: z.string(),
  period: z.string().nullable(),
  /** The sentence the parser took it from; null for one added by hand. */
  source: z.string().nullable(),
  origin: z.enum(['parsed', 'manual']),
  binding: ZMetricBinding.nullable(),
});
export type TPlanIndicator = z.infer<typeof ZPlanIndicator>;

export const ZMeasureAssignment = z.object({
  /** 牵头部门 (free text: 经济技术部, 组织部 …). */
  leadDepartment: z.string().nullable(),
  /** 配合部门. */
  coOwners: z.array(z.string()),
  /** 责任单位: the unions expected to report on the measure. */
  responsibleUnits: z.array(ZOrgRef),
  deadline: z.string().nullable(),
  cadence: z.enum(MEASURE_CADENCES).nullable(),
});
export type TMeasureAssignment = z.infer<typeof ZMeasureAssignment>;

export const ZPlanMeasureNode = z.object({
  id: z.number().int(),
  sectionId: z.number().int(),
  no: z.string(),
  title: z.string(),
  text: z.string(),
  version: z.number().int(),
  /** Added by a receiving union for its own subtree (本级补充措施), not part of the issued document. */
  isLocal: z.boolean(),
  orgUnit: ZOrgRef,
  assignment: ZMeasureAssignment,
  indicators: z.array(ZPlanIndicator),
});
export type TPlanMeasureNode = z.infer<typeof ZPlanMeasureNode>;

export type TPlanSectionNode = {
  id: number;
  no: string | null;
  title: string | null;
  measures: TPlanMeasureNode[];
  sections: TPlanSectionNode[];
};
export const ZPlanSectionNode: z.ZodType<TPlanSectionNode> = z.object({
  id: z.number().int(),
  no: z.string().nullable(),
  title: z.string().nullable(),
  measures: z.array(ZPlanMeasureNode),
  get sections() {
    return z.array(ZPlanSectionNode);
  },
});

/** How the viewer's union received the plan (null for the owner and for unions above). */
export const ZPlanReceipt = z.object({
  issueId: z.number().int(),
  from: ZOrgRef,
  issuedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
});

/** A union the viewer's union issued the plan to, and whether it has signed for it. */
export const ZPlanIssueRow = z.object({
  id: z.number().int(),
  orgUnit: ZOrgRefWithType,
  issuedAt: z.string(),
  issuedBy: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
});
export type TPlanIssueRow = z.infer<typeof ZPlanIssueRow>;

export const PLAN_RELATIONS = ['owner', 'recipient', 'above'] as const;
export type TPlanRelation = (typeof PLAN_RELATIONS)[number];

export const ZPlanDetail = z.object({
  id: z.number().int(),
  status: z.enum(PLAN_STATUSES),
  /** Name it in every structural edit of the draft, and in confirm. */
  version: z.number().int(),
  orgUnit: ZOrgRef,
  meta: ZPlanMeta,
  source: z.object({ kind: z.enum(['text', 'txt', 'docx', 'pdf']), fileName: z.string().nullable(), text: z.string() }),
  createdAt: z.string(),
  updatedAt: z.string(),
  confirmedAt: z.string().nullable(),
  confirmedBy: z.string().nullable(),
  counts: z.object({ sections: z.number().int(), measures: z.number().int(), indicators: z.number().int() }),
  sections: z.array(ZPlanSectionNode),
  viewer: z.object({
    orgUnit: ZOrgRef,
    /** owner: the viewer's union issued the document; recipient: it received it; above: it sees it through a union below. */
    relation: z.enum(PLAN_RELATIONS),
    receipt: ZPlanReceipt.nullable(),
    /** What the screen may offer (the server checks again). */
    can: z.object({
      editStructure: z.boolean(),
      assign: z.boolean(),
      issue: z.boolean(),
      acknowledge: z.boolean(),
      allocate: z.boolean(),
      addLocalMeasure: z.boolean(),
      report: z.boolean(),
    }),
  }),
  /** The unions the viewer's union issued the plan to. */
  issues: z.array(ZPlanIssueRow),
});
export type TPlanDetail = z.infer<typeof ZPlanDetail>;

export const ZPlanListQuery = z.object({
  /** own: issued by the viewer's union; received: its inbox (待签收 first); all: everything visible. */
  box: z.enum(['all', 'own', 'received']).default('all'),
});

export const ZPlanListRow = z.object({
  id: z.number().int(),
  title: z.string().nullable(),
  docNumber: z.string().nullable(),
  status: z.enum(PLAN_STATUSES),
  orgUnit: ZOrgRef,
  relation: z.enum(PLAN_RELATIONS),
  receipt: ZPlanReceipt.nullable(),
  measureCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const ZPlanList = z.object({ items: z.array(ZPlanListRow) });
export type TPlanList = z.infer<typeof ZPlanList>;

// ---- Review edits (draft only, name the plan's version) -------------------

/** 修改文件信息: fields left out stay; null clears. */
export const ZEditPlanMetaRequest = z.object({
  version: ZVersion,
  title: nullableText(300, '标题').optional(),
  issuer: nullableText(200, '发文机关').optional(),
  docNumber: nullableText(100, '发文字号').optional(),
  date: ZDay.nullable().optional(),
  recipients: z.array(text(100, '主送单位').min(1, '主送单位不能为空')).max(50, '主送单位至多 50 个').optional(),
  noticeTitle: nullableText(300, '通知标题').optional(),
});

export const ZEditSectionRequest = z.object({
  version: ZVersion,
  no: nullableText(20, '序号').optional(),
  title: nullableText(300, '标题').optional(),
});

/** 修改措施: in a draft, name the plan's version; a local measure of a confirmed plan names its own. */
export const ZEditMeasureRequest = z.object({
  version: ZVersion,
  no: text(20, '序号').optional(),
  title: text(300, '措施标题').min(1, '请填写措施标题').optional(),
  text: text(20_000, '措施内容').min(1, '请填写措施内容').optional(),
});

/** 拆分措施 at a character offset of its text (JavaScript string index): the rest becomes the next measure. */
export const ZSplitMeasureRequest = z.object({ version: ZVersion, offset: z.number({ message: '请选择拆分位置' }).int().positive('拆分位置须在正文中间') });

/**
 * 新增措施 (a qualitative task; add indicators after). In a draft it joins the
 * document (name the plan's version); in a confirmed plan it is the viewer's
 * union's local measure (本级补充措施; `version` is ignored).
 */
export const ZAddMeasureRequest = z.object({
  version: ZVersion.optional(),
  sectionId: ZId,
  /** Insert after this measure of the section; omitted: at the end. */
  afterMeasureId: ZId.nullable().optional(),
  no: text(20, '序号').optional(),
  title: text(300, '措施标题').optional(),
  text: text(20_000, '措施内容').min(1, '请填写措施内容'),
});

const ZIndicatorFields = z.object({
  value: z.number({ message: '请填写目标数值' }).finite().nonnegative('目标数值不能为负'),
  approx: z.boolean().default(false),
  comparator: z.enum(TARGET_COMPARATORS, { message: '请选择目标类型（等于、不少于、超过、不超过、低于）' }).default('eq'),
  unit: text(20, '计量单位').min(1, '请填写计量单位'),
  subject: text(100, '指标名称').min(1, '请填写指标名称'),
  period: z.string().regex(/^\d{4}$/, '年度应为四位年份').nullable().default(null),
  source: nullableText(2000, '原文依据').optional(),
});
export const ZAddIndicatorRequest = ZIndicatorFields.extend({ version: ZVersion });
export const ZEditIndicatorRequest = z.object({
  version: ZVersion,
  value: ZIndicatorFields.shape.value.optional(),
  approx: z.boolean().optional(),
  comparator: z.enum(TARGET_COMPARATORS, { message: '请选择目标类型' }).optional(),
  unit: ZIndicatorFields.shape.unit.optional(),
  subject: ZIndicatorFields.shape.subject.optional(),
  period: z.string().regex(/^\d{4}$/, '年度应为四位年份').nullable().optional(),
  source: nullableText(2000, '原文依据').optional(),
});

// ---- Assignment (分工) ----------------------------------------------------

/** 分工: the whole assignment, replacing the previous one. Name the measure's version. */
export const ZAssignMeasureRequest = z.object({
  version: ZVersion,
  leadDepartment: nullableText(100, '牵头部门'),
  coOwners: z.array(text(100, '配合部门').min(1, '配合部门不能为空')).max(20, '配合部门至多 20 个').default([]),
  responsibleOrgUnitIds: z.array(ZId).max(500, '责任单位至多 500 个').default([]),
  deadline: ZDay.nullable(),
  cadence: z.enum(MEASURE_CADENCES, { message: '请选择报送周期（按月、按季度、完成时）' }).nullable(),
});

// ---- Issue (下发), acknowledge (签收), allocate (分解) ----------------------

/**
 * 下发 from the union the user acts for: to named unions of its subtree,
 * and/or to all of its direct subordinates of the given types (a whole level:
 * `['city', 'industry']` = 各市（区）总工会、各省级产业工会).
 */
export const ZIssuePlanRequest = z
  .object({
    orgUnitIds: z.array(ZId).max(2000, '一次至多下发 2000 个单位').default([]),
    childTypes: z.array(z.string().min(1)).max(20).default([]),
  })
  .refine((value) => value.orgUnitIds.length > 0 || value.childTypes.length > 0, { message: '请选择下发单位', path: ['orgUnitIds'] });

export const ZIssueResult = z.object({ issued: z.array(ZPlanIssueRow), alreadyIssued: z.array(ZOrgRef) });

export const ZAllocateRequest = z.object({
  allocations: z
    .array(z.object({ orgUnitId: ZId, value: z.number({ message: '请填写分解数值' }).finite().nonnegative('分解数值不能为负') }))
    .max(2000),
});

/** An indicator's share at one union: what it must reach and what it passed on. */
export const ZAllocationState = z.object({
  indicatorId: z.number().int(),
  orgUnit: ZOrgRef,
  /** The union's own target: the indicator's value at the owner, its allocation elsewhere (null: not allocated to it). */
  target: z.number().nullable(),
  allocated: z.number(),
  /** target − allocated (null without a target). Negative: more was allocated than the target (allowed). */
  remaining: z.number().nullable(),
  isUnderAllocated: z.boolean(),
  warning: z.string().nullable(),
  allocations: z.array(z.object({ orgUnit: ZOrgRef, value: z.number().nullable() })),
});
export type TAllocationState = z.infer<typeof ZAllocationState>;

// ---- Metric binding ---------------------------------------------------------

/** Bind to a registered metric (`metricId: null` unbinds). Params are checked against the metric's own schema. */
export const ZBindIndicatorRequest = z.object({
  metricId: z.string().trim().min(1, '请选择指标数据来源').max(100).nullable(),
  params: z.record(z.string(), z.unknown()).default({}),
});

/** The metrics one may bind to are listed by the kernel: GET /api/metrics (src/core/metrics/contract.ts). */

// ---- Progress reports -----------------------------------------------------

export const ZReportFigureInput = z.object({
  indicatorId: ZId,
  value: z.number({ message: '请填写完成数' }).finite().nonnegative('完成数不能为负'),
});

/** 新建进展报告 for the union the user acts for (a union the plan was issued to). */
export const ZCreateReportRequest = z.object({
  measureId: ZId,
  period: z.string({ message: '请选择报送期次' }).regex(/^(\d{4}-(0[1-9]|1[0-2])|\d{4}-Q[1-4]|once)$/, '报送期次应为 2026-03（月）、2026-Q1（季度）或 once（完成时）'),
  progress: z.enum(PROGRESS_STATUSES, { message: '请选择推进情况' }),
  narrative: text(5000, '进展情况').default(''),
  /** 累计完成: the union's own work to date, per indicator of the measure. */
  figures: z.array(ZReportFigureInput).max(50).default([]),
});

export const ZEditReportRequest = z.object({
  version: ZVersion,
  progress: z.enum(PROGRESS_STATUSES, { message: '请选择推进情况' }).optional(),
  narrative: text(5000, '进展情况').optional(),
  /** Replaces all figures when given. */
  figures: z.array(ZReportFigureInput).max(50).optional(),
});

/** 报送 / 采纳 / 退回: name the report's version; 退回 needs a comment (退回意见). */
export const ZReportStepRequest = z.object({ version: ZVersion, comment: z.string().trim().max(2000, '意见不超过 2000 个字').optional() });

export const ZEvidenceFile = z.object({
  id: z.number().int(),
  fileName: z.string(),
  kind: z.enum(EVIDENCE_KINDS),
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
  uploadedBy: z.string().nullable(),
});

export const ZReportRow = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  measure: z.object({ id: z.number().int(), no: z.string(), title: z.string() }),
  orgUnit: ZOrgRef,
  reviewer: ZOrgRef,
  period: z.string(),
  progress: z.enum(PROGRESS_STATUSES),
  state: z.enum(REPORT_STATES),
  version: z.number().int(),
  evidenceCount: z.number().int(),
  submittedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type TReportRow = z.infer<typeof ZReportRow>;

export const ZReportListQuery = z.object({
  measureId: z.coerce.number().int().positive().optional(),
  /** Reports of this union only (default: every union of the viewer's subtree). */
  orgUnitId: z.coerce.number().int().positive().optional(),
  period: z.string().max(10).optional(),
  state: z.enum(REPORT_STATES).optional(),
  /** toReview: submitted reports the viewer's union reviews (its inbox of reports). */
  box: z.enum(['all', 'toReview']).default('all'),
});
export const ZReportList = z.object({ items: z.array(ZReportRow) });

export const ZReportDetail = ZReportRow.extend({
  narrative: z.string(),
  figures: z.array(
    z.object({ indicatorId: z.number().int(), subject: z.string(), unit: z.string(), target: z.number().nullable(), value: z.number() }),
  ),
  evidence: z.array(ZEvidenceFile),
  /** The review history (submitted, returned with comments, accepted) from the workflow engine. */
  history: z.array(
    z.object({
      seq: z.number().int(),
      label: z.string(),
      toState: z.string(),
      toLabel: z.string(),
      actor: z.string().nullable(),
      actorOrg: z.string().nullable(),
      at: z.string(),
      comment: z.string().nullable(),
      evidence: z.array(z.object({ fileId: z.string(), name: z.string(), sha256: z.string(), size: z.number().int() })),
    }),
  ),
  /** The steps the viewer may take now (报送, 采纳, 退回), with why one is blocked. */
  actions: z.array(z.object({ transition: z.string(), label: z.string(), commentRequired: z.boolean(), commentLabel: z.string(), blockedBy: z.string().nullable() })),
  canEdit: z.boolean(),
});
export type TReportDetail = z.infer<typeof ZReportDetail>;

// ---- Roll-up (汇总) ------------------------------------------------------------

export const ZRollupQuery = z.object({ orgUnitId: z.coerce.number().int().positive().optional() });

/** One indicator at one union. */
export const ZIndicatorProgress = z.object({
  target: z.number().nullable(),
  /** Live from the bound metric for the union's subtree, else the sum of the latest accepted figures in the subtree. */
  achieved: z.number().nullable(),
  /** achieved / target × 100, one decimal; null without a target or for upper-bound targets (不超过, 低于). */
  completion: z.number().nullable(),
  isMet: z.boolean(),
  source: z.enum(['metric', 'reports']),
});

export const ZRollupIndicator = z.object({
  id: z.number().int(),
  subject: z.string(),
  unit: z.string(),
  comparator: z.enum(TARGET_COMPARATORS),
  approx: z.boolean(),
  planValue: z.number(),
  isBound: z.boolean(),
  at: ZIndicatorProgress.extend({
    allocated: z.number(),
    remaining: z.number().nullable(),
    isUnderAllocated: z.boolean(),
    warning: z.string().nullable(),
  }),
  children: z.array(ZIndicatorProgress.extend({ orgUnitId: z.number().int(), allocation: z.number().nullable() })),
});

export const ZMeasureStanding = z.object({
  light: z.enum(TRAFFIC_LIGHTS),
  /** Why this light, in words for the screen. */
  reason: z.string(),
  isOverdue: z.boolean(),
  isAtRisk: z.boolean(),
  /** The worst stated progress among the latest reports in the subtree (null: nobody reported yet). */
  progress: z.enum(PROGRESS_STATUSES).nullable(),
  /** Mean completion of the measure's indicators with a target (capped at 100), null for a qualitative measure. */
  completion: z.number().nullable(),
  reports: z.object({ submitted: z.number().int(), accepted: z.number().int(), returned: z.number().int() }),
});
export type TMeasureStanding = z.infer<typeof ZMeasureStanding>;

export const ZRollupMeasure = z.object({
  id: z.number().int(),
  sectionId: z.number().int(),
  no: z.string(),
  title: z.string(),
  isLocal: z.boolean(),
  deadline: z.string().nullable(),
  leadDepartment: z.string().nullable(),
  at: ZMeasureStanding,
  indicators: z.array(ZRollupIndicator),
  children: z.array(ZMeasureStanding.extend({ orgUnitId: z.number().int() })),
});

export const ZRollupChild = ZOrgRefWithType.extend({
  acknowledgedAt: z.string().nullable(),
  /** Mean completion over the measures with indicators (for the unit ranking); null when none has a target. */
  completion: z.number().nullable(),
  counts: z.object({ green: z.number().int(), amber: z.number().int(), red: z.number().int(), overdue: z.number().int() }),
});

export const ZRollup = z.object({
  planId: z.number().int(),
  orgUnit: ZOrgRef,
  asOf: z.string(),
  /** The unions this union issued the plan to: the columns of the per-child figures, ranked by completion. */
  children: z.array(ZRollupChild),
  sections: z.array(z.object({ id: z.number().int(), no: z.string().nullable(), title: z.string().nullable(), parentId: z.number().int().nullable() })),
  measures: z.array(ZRollupMeasure),
  summary: z.object({
    measures: z.number().int(),
    green: z.number().int(),
    amber: z.number().int(),
    red: z.number().int(),
    overdue: z.number().int(),
    atRisk: z.number().int(),
    completion: z.number().nullable(),
  }),
});
export type TRollup = z.infer<typeof ZRollup>;
