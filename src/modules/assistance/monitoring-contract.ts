import { z } from 'zod';
import { isCalendarDate } from '../../core/cn/calendar-date';
import { ZWorkflowInstance } from '../../core/workflow/contract';
import { MAX_HOUSEHOLD_SIZE, money, required } from './contract';

/**
 * 脱困 and 返困监测 (domain.md §2.5) as the API takes and gives them: shared by
 * the server (server/monitoring/) and the console pages another engineer
 * builds. Money is yuan with at most two decimals, as elsewhere in the module.
 */

/** The file's states after 已建档 (vocabulary.ts spreads these into HOUSEHOLD_STATUS_LABELS). */
export const EXIT_STATUS_LABELS = {
  monitoring: '脱困监测中',
  exited: '已脱困',
} as const;

/** 收入核查 sources. */
export const INCOME_CHECK_SOURCE_LABELS = {
  home_visit: '入户核查',
  civil_affairs: '民政核对',
  self_report: '本人申报',
} as const;
export type IncomeCheckSource = keyof typeof INCOME_CHECK_SOURCE_LABELS;
export const INCOME_CHECK_SOURCES = Object.keys(INCOME_CHECK_SOURCE_LABELS) as [IncomeCheckSource, ...IncomeCheckSource[]];

/**
 * 脱困原因. `income_stable` needs the income condition (exit_consecutive_months);
 * the others need a reason and a supporting file instead (domain.md §2.2: files
 * close on 脱困, job change or death; §2.5: 死亡或精准识别 exits). A death or a
 * move away closes the file without monitoring: there is no one left to watch.
 */
export const EXIT_REASON_LABELS = {
  income_stable: '收入稳定超过低保连续N个月',
  employment_stable: '就业稳定',
  death_or_moved: '死亡/迁出',
  voluntary: '主动申请',
  other: '其他',
} as const;
export type ExitReason = keyof typeof EXIT_REASON_LABELS;
export const EXIT_REASONS = Object.keys(EXIT_REASON_LABELS) as [ExitReason, ...ExitReason[]];
/** Reasons after which the household is not monitored. */
export const UNMONITORED_EXIT_REASONS: readonly ExitReason[] = ['death_or_moved'];

/** 返困风险信号 (domain.md §2.5: new serious illness, job loss, an 意外致困 event, medical spending, income below the threshold). */
export const RISK_KIND_LABELS = {
  serious_illness: '新发重大疾病',
  job_loss: '失业',
  accident: '意外事故或灾害',
  large_medical_expense: '大额医疗支出',
  income_drop: '收入下降至监测线以下',
} as const;
export type RiskKind = keyof typeof RISK_KIND_LABELS;
export const RISK_KINDS = Object.keys(RISK_KIND_LABELS) as [RiskKind, ...RiskKind[]];

/** 回访 contact results. */
export const CONTACT_RESULT_LABELS = { reached: '已联系上', not_reached: '未联系上', declined: '拒绝回访' } as const;
export type ContactResult = keyof typeof CONTACT_RESULT_LABELS;
export const CONTACT_RESULTS = Object.keys(CONTACT_RESULT_LABELS) as [ContactResult, ...ContactResult[]];

export const ALERT_STATUS_LABELS = { open: '待研判', reentered: '已启动重新纳入审核', dismissed: '已排除' } as const;
export type AlertStatus = keyof typeof ALERT_STATUS_LABELS;

export const EXIT_OUTCOME_LABELS = { stable: '稳定脱困', returned: '返困，重新纳入审核', closed: '已销档（不监测）' } as const;
export type ExitOutcome = keyof typeof EXIT_OUTCOME_LABELS;

const day = (label: string) =>
  z
    .string({ error: required(label, '日期') })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}应为 YYYY-MM-DD 格式`)
    .refine((text) => isCalendarDate(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10))), `${label}不是有效的日期`);

const note = (label: string, max: number) => z.string({ error: `${label}应为文字` }).trim().max(max, `${label}过长（至多 ${max} 字）`);

export const ZHouseholdIdParams = z.object({ id: z.coerce.number().int().positive() });
export const ZAlertIdParams = z.object({ id: z.coerce.number().int().positive() });
export const ZCallbackIdParams = z.object({ id: z.coerce.number().int().positive() });

/** One month's income check (收入核查). */
export const ZIncomeCheckInput = z.object({
  month: z
    .string({ error: required('核查月份', 'YYYY-MM') })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '核查月份应为 YYYY-MM 格式'),
  source: z.enum(INCOME_CHECK_SOURCES, { error: '核查来源应为入户核查、民政核对或本人申报' }),
  householdSize: z
    .number({ error: required('家庭共同生活人口', '整数') })
    .int('家庭共同生活人口应为整数')
    .min(1, '家庭共同生活人口至少为 1 人')
    .max(MAX_HOUSEHOLD_SIZE, `家庭共同生活人口不能超过 ${MAX_HOUSEHOLD_SIZE} 人`),
  monthlyIncome: money('家庭月可支配收入'),
  monthlyRigidExpense: money('月刚性支出').default(0),
  note: note('备注', 500).optional(),
});
export type TIncomeCheckInput = z.input<typeof ZIncomeCheckInput>;

export const ZIncomeCheck = z.object({
  id: z.number(),
  month: z.string(),
  source: z.enum(INCOME_CHECK_SOURCES),
  householdSize: z.number(),
  monthlyIncome: z.number(),
  monthlyRigidExpense: z.number(),
  perCapitaMonthly: z.number(),
  dibaoMonthly: z.number(),
  dibaoSource: z.string(),
  isAboveDibao: z.boolean(),
});

/** Whether the file meets the income exit condition, and why (rules/exit-condition.ts). */
export const ZExitCondition = z.object({
  isMet: z.boolean(),
  requiredMonths: z.number(),
  months: z.array(z.string()),
  reasons: z.array(z.string()),
  ruleSource: z.string(),
});
export type TExitCondition = z.output<typeof ZExitCondition>;

export const ZIncomeCheckResult = z.object({ check: ZIncomeCheck, exitCondition: ZExitCondition, alertId: z.number().nullable() });
export const ZIncomeCheckList = z.object({ items: z.array(ZIncomeCheck), exitCondition: ZExitCondition });

/** The exit step (脱困): the reason, a note (required for 其他), files for reasons other than income. */
export const ZExitInput = z
  .object({
    expectedVersion: z.number({ error: '请提供流程版本号' }).int().positive('版本号须为正整数'),
    reason: z.enum(EXIT_REASONS, { error: '请选择脱困原因' }),
    note: note('说明', 1000).optional(),
    attachments: z.array(z.object({ fileId: z.number().int().positive('附件编号无效') })).max(20, '附件至多 20 个').default([]),
  })
  .superRefine((input, context) => {
    if (input.reason === 'other' && !input.note) context.addIssue({ code: 'custom', path: ['note'], message: '脱困原因为“其他”时请填写说明' });
  });
export type TExitInput = z.input<typeof ZExitInput>;

export const ZExitRecord = z.object({
  id: z.number(),
  reason: z.enum(EXIT_REASONS),
  reasonLabel: z.string(),
  note: z.string().nullable(),
  exitedOn: z.string(),
  monitoringEndsOn: z.string().nullable(),
  outcome: z.enum(['stable', 'returned', 'closed']).nullable(),
  endedOn: z.string().nullable(),
});

export const ZExitResult = z.object({ status: z.string(), statusLabel: z.string(), workflow: ZWorkflowInstance, exit: ZExitRecord });

/** 回访 record. */
export const ZCallbackInput = z.object({
  contactedOn: day('回访日期'),
  contactResult: z.enum(CONTACT_RESULTS, { error: '请选择联系结果' }),
  situation: note('家庭情况', 2000).min(2, '请填写家庭情况（至少 2 个字）'),
  riskFlags: z
    .array(z.enum(RISK_KINDS, { error: '风险标记不在目录中' }))
    .max(RISK_KINDS.length, '风险标记过多')
    .default([])
    .transform((items) => [...new Set(items)]),
});
export type TCallbackInput = z.input<typeof ZCallbackInput>;

export const ZCallback = z.object({
  id: z.number(),
  householdId: z.number(),
  orgUnitName: z.string(),
  workerName: z.string(),
  dueOn: z.string(),
  isOverdue: z.boolean(),
  contactedOn: z.string().nullable(),
  contactResult: z.enum(CONTACT_RESULTS).nullable(),
  riskFlags: z.array(z.enum(RISK_KINDS)),
});
export const ZCallbackResult = z.object({ callback: ZCallback, alertId: z.number().nullable() });

export const ZCallbackListQuery = z.object({
  orgUnitId: z.coerce.number().int().positive().optional(),
  /** due: not recorded yet (overdue included); overdue: due day passed; done: recorded. */
  filter: z.enum(['due', 'overdue', 'done']).default('due'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const ZCallbackList = z.object({ items: z.array(ZCallback), total: z.number() });

/** A risk signal reported by staff (or, in-process, by another module). */
export const ZRiskSignalInput = z.object({
  kind: z.enum(RISK_KINDS, { error: '请选择风险信号类型' }),
  occurredOn: day('发生日期'),
  note: note('情况说明', 1000).optional(),
});
export type TRiskSignalInput = z.input<typeof ZRiskSignalInput>;

/** What other modules pass to reportHardshipRiskSignal. */
export type THardshipRiskSignal = { personId: number; kind: RiskKind; occurredOn: string; source: string; note?: string | null };

export const ZRiskSignalResult = z.object({ alertId: z.number(), signalId: z.number(), isNewAlert: z.boolean() });

export const ZAlert = z.object({
  id: z.number(),
  householdId: z.number(),
  orgUnitName: z.string(),
  workerName: z.string(),
  status: z.enum(['open', 'reentered', 'dismissed']),
  statusLabel: z.string(),
  raisedAt: z.string(),
  signals: z.array(z.object({ kind: z.enum(RISK_KINDS), kindLabel: z.string(), occurredOn: z.string(), source: z.string() })),
  decisionReason: z.string().nullable(),
});
export const ZAlertListQuery = z.object({
  orgUnitId: z.coerce.number().int().positive().optional(),
  status: z.enum(['open', 'reentered', 'dismissed']).default('open'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const ZAlertList = z.object({ items: z.array(ZAlert), total: z.number() });

/** A reviewer's decision on an alert: start the re-entry review, or dismiss it with the reason. */
export const ZAlertDecisionInput = z.object({
  expectedVersion: z.number({ error: '请提供流程版本号' }).int().positive('版本号须为正整数'),
  reason: note('理由', 1000).min(2, '请填写理由（至少 2 个字）'),
});
export const ZAlertDecisionResult = z.object({ alert: ZAlert, status: z.string(), statusLabel: z.string() });

/** Dashboard figures for a subtree: exits and returns per year, open alerts, overdue call-backs. */
export const ZMonitoringSummaryQuery = z.object({ orgUnitId: z.coerce.number().int().positive().optional() });
export const ZMonitoringSummary = z.object({
  byYear: z.array(z.object({ year: z.number(), exits: z.number(), stable: z.number(), returns: z.number() })),
  monitoring: z.number(),
  openAlerts: z.number(),
  overdueCallbacks: z.number(),
  meetsExitCondition: z.number(),
});
export type TMonitoringSummary = z.output<typeof ZMonitoringSummary>;
