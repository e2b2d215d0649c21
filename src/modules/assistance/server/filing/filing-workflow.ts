import { z } from 'zod';
import { isCalendarDate } from '../../../../core/cn/calendar-date';
import { defineWorkflow, type GuardStep, withRoute } from '../../../../core/workflow/engine';
import { ASSISTANCE_REVIEW, ASSISTANCE_WRITE, EXCLUSION_LABELS, type HardshipTier } from '../../contract';
import type { CheckLevel } from '../../vocabulary';
import { loadRuleValue } from '../queries/load-rule-value';
import { recordFilingStep } from './after-filing-step';
import { MONITORING_STATES, MONITORING_TRANSITIONS } from '../monitoring/monitoring-states';
import { checkerRule, FINANCIAL_CHECK_TRANSITIONS } from './filing-route';
import { reapplyRefusal } from './reapply-refusal';

/** What the filing's guards read of the household (the use case loads it with the step). */
export type FilingRecord = {
  tier: HardshipTier;
  /** The classification's last reason with a conclusion (→): the arithmetic, or the unmet condition of a 农民工. */
  decisiveReason: string;
  exclusions: readonly (keyof typeof EXCLUSION_LABELS)[];
  civilCheck: { status: 'clear' | 'mismatch'; findings: readonly { message: string }[]; checkedAt: Date } | null;
  figuresChangedAt: Date;
};

export const FILING_RECORD_TYPE = 'assistance_household';

/** 困难职工家庭 qualify for a file in one of the three tiers; the reason otherwise. */
function qualifies(record: FilingRecord): string | null {
  if (record.tier === 'excluded') {
    return `存在排除性条件，不予建档：${record.exclusions.map((exclusion) => EXCLUSION_LABELS[exclusion]).join('；')}`;
  }
  if (record.tier === 'none') return `未达到困难职工家庭认定条件：${record.decisiveReason}`;
  return null;
}

/**
 * The financial check may pass only on a clear civil-affairs check made in
 * this round of the check (after the case reached it) and after the figures
 * last changed: a check of other figures proves nothing.
 */
function civilCheckClear(record: FilingRecord, step: GuardStep<string>): string | null {
  const check = record.civilCheck;
  if (!check || check.checkedAt < step.instance.stateEnteredAt || check.checkedAt < record.figuresChangedAt) {
    return '请先发起民政家庭经济状况核对（档案信息修改后须重新核对）';
  }
  if (check.status === 'mismatch') {
    return `民政核对发现不符：${check.findings.map((finding) => finding.message).join('；')}。请退回补正或不予建档`;
  }
  return null;
}

/** The home visit's record (入户调查, domain.md §2.2 step 3). */
export const ZHomeVisitForm = z.object({
  visitDate: z
    .string({ error: '请填写入户调查日期' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD 格式的日期')
    .refine((text) => isCalendarDate(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10))), '不是有效的日期')
    .describe('入户调查日期'),
  visitors: z.string({ error: '请填写入户调查人员' }).trim().min(2, '至少 2 个字').max(200, '过长（至多 200 字）').describe('入户调查人员'),
  findings: z.string({ error: '请填写入户调查情况' }).trim().min(4, '至少 4 个字').max(2000, '过长（至多 2000 字）').describe('入户调查情况'),
});

/** The civil-affairs check's answer, kept as the step's form so the history shows it (filled by the system, never typed). */
export const ZCivilCheckForm = z.object({
  status: z.enum(['clear', 'mismatch']).describe('核对结果'),
  findings: z.array(z.object({ code: z.string(), message: z.string() })).describe('核对发现'),
  driver: z.string().describe('核对接口'),
});

/** Transitions whose form the system fills in (the console shows no fields for them). */
export const SYSTEM_FORM_TRANSITIONS: readonly string[] = ['civil_check'];

const own = (permission: string) => ({ permission, level: 'own' as const });
const DEFAULT_CHECKER = checkerRule('county');

/**
 * 困难职工建档 (domain.md §2.2): application by a clerk → first review by the
 * grassroots union → home visit with the signed 授权委托书 → financial check by
 * the higher union, with the 民政 家庭经济状况核对 → public notice (公示) for the
 * working days of the rule table → 已建档. Every refusal carries its reason; an
 * objection during the notice sends the case back to the first review.
 * Which higher union checks is data (assistance_filing_route): filingWorkflowFor.
 */
export const filingWorkflow = defineWorkflow({
  id: 'assistance.filing',
  label: '困难职工建档',
  initial: 'draft',
  states: {
    draft: { label: '待提交' },
    first_review: { label: '待基层工会初审' },
    home_visit: { label: '待入户调查' },
    financial_check: { label: '待上级工会经济状况核对' },
    notice: {
      label: '公示中',
      notice: { workingDays: async ({ db, on }) => (await loadRuleValue(db, 'filing_notice_working_days', on)).value, onEnd: 'finish_notice' },
    },
    // Not final: exit (脱困) and return-to-hardship monitoring continue the run (monitoring/monitoring-states.ts).
    filed: { label: '已建档' },
    refused: { label: '不予建档', final: true },
    withdrawn: { label: '已撤回', final: true },
    ...MONITORING_STATES,
  },
  transitions: {
    submit: { from: ['draft'], to: 'first_review', label: '提交建档申请', actor: own(ASSISTANCE_WRITE), guard: (record: FilingRecord) => qualifies(record) },
    withdraw: { from: ['draft'], to: 'withdrawn', label: '撤回申请', actor: own(ASSISTANCE_WRITE), requires: { comment: { label: '撤回原因' } } },
    approve_first_review: {
      from: ['first_review'],
      to: 'home_visit',
      label: '初审通过',
      actor: own(ASSISTANCE_REVIEW),
      guard: (record: FilingRecord) => qualifies(record),
    },
    return_first_review: { from: ['first_review'], to: 'draft', label: '初审退回', actor: own(ASSISTANCE_REVIEW), requires: { comment: { label: '退回理由' } } },
    refuse_first_review: { from: ['first_review'], to: 'refused', label: '初审不予建档', actor: own(ASSISTANCE_REVIEW), requires: { comment: { label: '不予建档的理由' } } },
    record_home_visit: {
      from: ['home_visit'],
      to: 'financial_check',
      label: '登记入户调查并上报',
      actor: [own(ASSISTANCE_WRITE), own(ASSISTANCE_REVIEW)],
      requires: {
        fields: ZHomeVisitForm,
        attachments: [
          { kind: 'authorisation', label: '家庭经济状况核对授权委托书（本人签字）', min: 1 },
          { kind: 'application', label: '困难职工帮扶申请书', min: 0 },
          { kind: 'photo', label: '入户调查照片', min: 0 },
          { kind: 'income_proof', label: '收入证明', min: 0 },
          { kind: 'medical_record', label: '诊断证明、医疗费用票据', min: 0 },
          { kind: 'disability_certificate', label: '残疾人证', min: 0 },
          { kind: 'other', label: '其他佐证材料', min: 0 },
        ],
      },
      guard: (record: FilingRecord) => qualifies(record),
    },
    return_home_visit: { from: ['home_visit'], to: 'draft', label: '入户核实不符，退回', actor: [own(ASSISTANCE_WRITE), own(ASSISTANCE_REVIEW)], requires: { comment: { label: '退回理由' } } },
    civil_check: { from: ['financial_check'], to: 'financial_check', label: '发起民政家庭经济状况核对', actor: DEFAULT_CHECKER, requires: { fields: ZCivilCheckForm } },
    approve_financial_check: {
      from: ['financial_check'],
      to: 'notice',
      label: '核对通过，进入公示',
      actor: DEFAULT_CHECKER,
      guard: (record: FilingRecord, step) => qualifies(record) ?? civilCheckClear(record, step),
    },
    return_financial_check: { from: ['financial_check'], to: 'draft', label: '退回补正', actor: DEFAULT_CHECKER, requires: { comment: { label: '退回理由' } } },
    refuse_financial_check: { from: ['financial_check'], to: 'refused', label: '核对不予建档', actor: DEFAULT_CHECKER, requires: { comment: { label: '不予建档的理由' } } },
    object: {
      from: ['notice'],
      to: 'first_review',
      label: '登记公示异议',
      actor: [own(ASSISTANCE_REVIEW), { permission: ASSISTANCE_REVIEW, level: 'any-ancestor' }],
      requires: { comment: { label: '异议内容' } },
    },
    finish_notice: { from: ['notice'], to: 'filed', label: '公示期满无异议，建档', automatic: true },
    // 应建则建: a family whose file was closed after 稳定脱困 may fall into hardship again; it applies
    // again on its file, from 待提交 with fresh figures, and goes through the whole filing once more.
    reapply: {
      from: ['exited'],
      to: 'draft',
      label: '重新申请建档',
      actor: own(ASSISTANCE_WRITE),
      requires: { comment: { label: '重新申请的原因' } },
      guard: (_record: FilingRecord, step: GuardStep<string>) => reapplyRefusal(step),
    },
    ...MONITORING_TRANSITIONS,
  },
  afterStep: recordFilingStep,
});

export type FilingTransition = keyof typeof filingWorkflow.transitions;
export type FilingState = keyof typeof filingWorkflow.states;
export type FilingWorkflow = typeof filingWorkflow;

/** The filing with the financial check routed to the county or the city union (withRoute: same id, running files keep working). */
export function filingWorkflowFor(level: CheckLevel): FilingWorkflow {
  if (level === 'county') return filingWorkflow;
  const rule = checkerRule(level);
  return withRoute(filingWorkflow, Object.fromEntries(FINANCIAL_CHECK_TRANSITIONS.map((name) => [name, rule])));
}
