import { z } from 'zod';

/** 会籍状态. 保留会籍: retired, laid off or unemployed members keep membership without dues or vote. */
export const MEMBERSHIP_STATUS_LABELS = {
  pending: '入会待批',
  refused: '未批准入会',
  active: '在会',
  retained: '保留会籍',
  transferring: '转会中',
  transferred: '已转出',
  exited: '已退会',
  expelled: '已开除会籍',
  deceased: '已故',
} as const;

export type MembershipStatus = keyof typeof MEMBERSHIP_STATUS_LABELS;

/** Statuses of a current membership: at most one per person (会员实名制). */
export const CURRENT_STATUSES: readonly MembershipStatus[] = ['active', 'retained', 'transferring'];

/** What the history timeline shows for each event. */
export const MEMBERSHIP_EVENT_LABELS = {
  applied: '提交入会申请',
  approved: '批准入会',
  refused: '入会申请未批准',
  transfer_requested: '发起转会',
  transfer_accepted: '转会已接收',
  transfer_refused: '转会被拒收',
  transfer_cancelled: '撤回转会',
  transferred_in: '转入',
  retained: '保留会籍',
  reactivated: '恢复正常会籍',
  exited: '退会',
  expelled: '开除会籍',
  deceased: '去世',
  imported: '批量导入',
  updated: '信息更新',
  unit_moved: '所在工会调整隶属关系',
  unit_dissolved: '所在工会撤销，会籍转入',
  unit_merged: '所在工会合并，会籍转入',
} as const;

export type MembershipEventKind = keyof typeof MEMBERSHIP_EVENT_LABELS;

/** Employment forms (用工形式); the gig groups (新就业形态, domain.md §1.4) follow the first three. */
export const EMPLOYMENT_FORM_LABELS = {
  standard: '劳动合同制',
  dispatched: '劳务派遣',
  flexible: '灵活就业',
  truck_driver: '货车司机',
  ride_hailing_driver: '网约车司机',
  courier: '快递员',
  food_delivery: '外卖配送员',
  caregiver: '护工护理员',
  domestic_worker: '家政服务员',
  security_guard: '保安员',
} as const;

export type EmploymentForm = keyof typeof EMPLOYMENT_FORM_LABELS;

export const GIG_EMPLOYMENT_FORMS: readonly EmploymentForm[] = [
  'truck_driver',
  'ride_hailing_driver',
  'courier',
  'food_delivery',
  'caregiver',
  'domestic_worker',
  'security_guard',
];

export const ZMemberListQuery = z.object({
  /** A unit in the caller's scope; default: the caller's own unit. */
  orgUnitId: z.coerce.number().int().positive().optional(),
  /** Name (prefix), or an exact 公民身份号码 or mobile number. */
  q: z.string().trim().max(50, '搜索内容过长').optional(),
  status: z.enum(Object.keys(MEMBERSHIP_STATUS_LABELS) as [MembershipStatus, ...MembershipStatus[]]).optional(),
  /** 就业形态, or 'gig' for any of the 新就业形态 groups. */
  employmentForm: z.enum(['gig', ...Object.keys(EMPLOYMENT_FORM_LABELS)] as [string, ...string[]], { message: '就业形态无效' }).optional(),
  joinedYear: z.coerce.number().int().min(1949, '入会年份无效').max(2100, '入会年份无效').optional(),
  /** 'due': active members with no dues or activity for the review period (《中国工会章程》: six months) — to review, never removed automatically. */
  review: z.enum(['due']).optional(),
  /** Keyset cursor from the previous page's `nextCursor`. */
  after: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type TMemberListQuery = z.infer<typeof ZMemberListQuery>;

export const ZMemberRow = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  name: z.string(),
  gender: z.enum(['male', 'female']),
  birthDate: z.string(),
  /** Masked by default: `610***********123X`. */
  idNumberMasked: z.string(),
  /** Masked by default: `138****8000`. */
  phoneMasked: z.string().nullable(),
  orgUnitId: z.number().int(),
  orgName: z.string(),
  status: z.string(),
  cardNumber: z.string().nullable(),
  joinedOn: z.string().nullable(),
  employmentForm: z.string().nullable(),
});
export type TMemberRow = z.infer<typeof ZMemberRow>;

export const ZMemberList = z.object({ items: z.array(ZMemberRow), nextCursor: z.string().nullable() });
export type TMemberList = z.infer<typeof ZMemberList>;

export const ZMemberIdParams = z.object({ id: z.coerce.number().int().positive() });

export const ZRevealRequest = z.object({
  field: z.enum(['idNumber', 'phone'], { message: '请选择要查看的字段' }),
  /** PIPL art. 6: a stated purpose for every full view, kept in the audit trail. */
  reason: z.string({ message: '请填写查看原因' }).trim().min(4, '请填写查看原因（至少 4 个字）').max(200, '原因过长'),
});
export type TRevealRequest = z.infer<typeof ZRevealRequest>;

export const ZRevealResult = z.object({ field: z.enum(['idNumber', 'phone']), value: z.string().nullable() });
export type TRevealResult = z.infer<typeof ZRevealResult>;

export const MEMBERS_EXPORT_MAX_ROWS = 200_000;

export const ZMemberExportQuery = ZMemberListQuery.omit({ after: true, limit: true }).extend({
  /** 用途 (PIPL art. 6): printed in the file's watermark and recorded in the audit trail. */
  purpose: z.string({ message: '请填写导出用途' }).trim().min(1, '请填写导出用途').max(100, '导出用途不超过 100 个字'),
});
export type TMemberExportQuery = z.infer<typeof ZMemberExportQuery>;

/** Unit types that hold memberships: grassroots unions and, for members whose employer has no union, the union where they live. */
export const MEMBERSHIP_HOLDER_TYPES = ['grassroots', 'joint_grassroots', 'federation', 'project', 'township', 'county'] as const;

const optionalText = (max: number, label: string) =>
  z.string().trim().max(max, `${label}不超过 ${max} 个字`).nullish().transform((value) => (value ? value : null));

/** A person's record as staff enter it (会员信息采集登记表). Gender and birth date come from the ID number. */
export const ZPersonProfile = z.object({
  idNumber: z.string({ message: '请填写公民身份号码' }).trim().min(1, '请填写公民身份号码').max(30, '公民身份号码格式错误'),
  name: z.string({ message: '请填写姓名' }).trim().min(1, '请填写姓名').max(50, '姓名不超过 50 个字'),
  phone: optionalText(20, '手机号码'),
  ethnicity: optionalText(20, '民族'),
  education: optionalText(30, '学历'),
  politicalStatus: optionalText(30, '政治面貌'),
  householdType: z.enum(['agricultural', 'non_agricultural']).nullish().transform((value) => value ?? null),
  employmentForm: z
    .enum(Object.keys(EMPLOYMENT_FORM_LABELS) as [EmploymentForm, ...EmploymentForm[]], { message: '请选择就业形态' })
    .nullish()
    .transform((value) => value ?? null),
  employer: optionalText(200, '工作单位'),
  platform: optionalText(100, '所在平台'),
  occupation: optionalText(50, '职业'),
});
export type TPersonProfile = z.output<typeof ZPersonProfile>;

const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const ZApplyRequest = z.object({
  orgUnitId: z.number({ message: '请选择基层工会' }).int().positive(),
  profile: ZPersonProfile,
  channel: z.enum(['unit', 'online', 'mobile_window']).default('unit'),
  appliedOn: ZDate.optional(),
});

export const ZDecisionRequest = z.object({ on: ZDate.optional(), reason: optionalText(500, '原因') });

export const ZTransferRequest = z.object({
  toOrgUnitId: z.number({ message: '请选择接收工会' }).int().positive(),
  reason: z.enum(['job_change', 'residence', 'other'], { message: '请选择转会原因' }),
  note: optionalText(500, '说明'),
  on: ZDate.optional(),
});

export const ZRetainRequest = z.object({
  reason: z.enum(['retired', 'laid_off', 'unemployed'], { message: '请选择保留会籍原因' }),
  on: ZDate.optional(),
});

export const ZEndRequest = z.object({
  kind: z.enum(['exited', 'expelled', 'deceased'], { message: '请选择会籍终止方式' }),
  on: ZDate.optional(),
  reason: optionalText(500, '原因'),
});

export const TRANSFER_REASON_LABELS = { job_change: '工作单位变动', residence: '新单位未建会，转至居住地工会', other: '其他' } as const;
export const RETAIN_REASON_LABELS = { retired: '退休', laid_off: '下岗待岗', unemployed: '失业', employer_dissolved: '单位撤销' } as const;

export const ZMembershipEvent = z.object({
  id: z.string(),
  membershipId: z.number().int(),
  kind: z.string(),
  on: z.string(),
  orgUnitId: z.number().int(),
  orgName: z.string(),
  otherOrgName: z.string().nullable(),
  reason: z.string().nullable(),
  actorName: z.string().nullable(),
});

export const ZTransferRow = z.object({
  id: z.number().int(),
  membershipId: z.number().int(),
  personName: z.string(),
  idNumberMasked: z.string(),
  fromOrgUnitId: z.number().int(),
  fromOrgName: z.string(),
  toOrgUnitId: z.number().int(),
  toOrgName: z.string(),
  reason: z.string(),
  note: z.string().nullable(),
  status: z.string(),
  requestedOn: z.string(),
  decidedOn: z.string().nullable(),
  refusalReason: z.string().nullable(),
  /** Which side the caller's union is on: it decides what the caller may do. */
  side: z.enum(['sending', 'receiving']),
});
export type TTransferRow = z.infer<typeof ZTransferRow>;

export const ZMemberDetail = ZMemberRow.extend({
  ethnicity: z.string().nullable(),
  education: z.string().nullable(),
  politicalStatus: z.string().nullable(),
  householdType: z.string().nullable(),
  employer: z.string().nullable(),
  platform: z.string().nullable(),
  occupation: z.string().nullable(),
  startedOn: z.string().nullable(),
  leftOn: z.string().nullable(),
  retainReason: z.string().nullable(),
  lastActiveOn: z.string().nullable(),
  isModelWorker: z.boolean(),
  isHardship: z.boolean(),
  history: z.array(ZMembershipEvent),
  pendingTransfer: ZTransferRow.nullable(),
});
export type TMemberDetail = z.infer<typeof ZMemberDetail>;

export const ZTransferListQuery = z.object({
  direction: z.enum(['incoming', 'outgoing']).default('incoming'),
  status: z.enum(['pending', 'accepted', 'refused', 'cancelled']).optional(),
});
export const ZTransferList = z.object({ items: z.array(ZTransferRow) });

export const ZUnionDirectoryQuery = z.object({ q: z.string().trim().min(1, '请输入工会名称或代码').max(50) });
export const ZUnionDirectory = z.object({
  items: z.array(z.object({ id: z.number().int(), name: z.string(), code: z.string(), type: z.string(), parentName: z.string().nullable() })),
});

export const ZLifecycleResult = z.object({
  membershipId: z.number().int(),
  status: z.string().optional(),
  cardNumber: z.string().nullable().optional(),
  transferId: z.number().int().optional(),
});

export const ZMemberStatsQuery = z.object({ orgUnitId: z.coerce.number().int().positive().optional() });

const ZCount = z.object({ key: z.string(), label: z.string(), count: z.number().int() });
const ZRate = z.object({
  /** Percent with one decimal, or null when the denominator is zero. */
  value: z.number().nullable(),
  numerator: z.number().int(),
  denominator: z.number().int(),
  formula: z.string(),
  note: z.string(),
});

export const ZMemberStats = z.object({
  root: z.object({ id: z.number().int(), name: z.string(), type: z.string() }),
  members: z.number().int(),
  newThisYear: z.number().int(),
  gig: z.number().int(),
  byStatus: z.array(ZCount),
  byForm: z.array(ZCount),
  byGender: z.array(ZCount),
  byAgeBand: z.array(ZCount),
  /** Members at each month's end, with the memberships started and ended in it; the last 12 months. */
  trend: z.array(z.object({ month: z.string(), members: z.number().int(), started: z.number().int(), ended: z.number().int() })),
  byChild: z.array(z.object({ id: z.number().int(), name: z.string(), type: z.string(), members: z.number().int(), gig: z.number().int() })),
  unionsByType: z.array(ZCount),
  joinRate: ZRate,
  unionizationRate: ZRate,
  asOf: z.string(),
});
export type TMemberStats = z.infer<typeof ZMemberStats>;

export const IMPORT_MAX_BYTES = 200 * 1024 * 1024;

export const ZImportUploadQuery = z.object({
  orgUnitId: z.coerce.number({ message: '请选择导入到哪个工会' }).int().positive(),
  dryRun: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
});

export const ZImportJob = z.object({
  id: z.number().int(),
  fileName: z.string(),
  orgUnitId: z.number().int(),
  orgName: z.string(),
  status: z.enum(['queued', 'running', 'completed', 'failed']),
  dryRun: z.boolean(),
  fileBytes: z.number().int(),
  committedRows: z.number().int(),
  totalRows: z.number().int().nullable(),
  imported: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  /** While running: rows per second of this run. */
  rowsPerSecond: z.number().nullable(),
  message: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  errors: z.array(z.object({ row: z.number().int(), column: z.string(), code: z.string(), message: z.string() })),
});
export type TImportJob = z.infer<typeof ZImportJob>;

export const ZImportJobList = z.object({ items: z.array(ZImportJob.omit({ errors: true })) });
export const ZImportStarted = z.object({ jobId: z.number().int(), resumed: z.boolean() });
