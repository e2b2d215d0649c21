import { z } from 'zod';

/** 会籍状态. 保留会籍: retired, laid off or unemployed members keep membership without dues or vote. */
export const MEMBERSHIP_STATUS_LABELS = {
  active: '在会',
  retained: '保留会籍',
  transferring: '转会中',
  exited: '已退会',
  expelled: '已除名',
  deceased: '已故',
} as const;

export type MembershipStatus = keyof typeof MEMBERSHIP_STATUS_LABELS;

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
