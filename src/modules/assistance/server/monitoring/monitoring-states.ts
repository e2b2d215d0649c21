import { z } from 'zod';
import type { PeriodContext } from '../../../../core/workflow/define-workflow';
import type { ActorRule, GuardStep } from '../../../../core/workflow/engine';
import { workingDaysBetween } from '../../../../core/workflow/engine';
import { ASSISTANCE_REVIEW, ASSISTANCE_WRITE } from '../../contract';
import { EXIT_REASONS, UNMONITORED_EXIT_REASONS } from '../../monitoring-contract';

/**
 * The filing workflow's life after 已建档 (domain.md §2.5), spread into
 * filing-workflow.ts so one run carries a file from application to exit and,
 * on a return to hardship, back to the first review with its history:
 *
 *   filed ─exit→ monitoring ─(period ends: timer)→ exited (稳定脱困)
 *   filed ─exit_unmonitored→ exited (死亡/迁出)
 *   monitoring ─raise_alert→ alert ─start_reentry→ first_review
 *                                 └─dismiss_alert→ monitoring (the rest of the period)
 *
 * An alert takes the file out of `monitoring`, so the period's timer is
 * cancelled: a file never closes as 稳定脱困 while an alert stands undecided.
 */

const reviewers: ActorRule[] = [
  { permission: ASSISTANCE_REVIEW, level: 'own' },
  { permission: ASSISTANCE_REVIEW, level: 'any-ancestor' },
];

/** The exit step's form: the reason from the vocabulary and its note. */
export const ZExitForm = z.object({
  reason: z.enum(EXIT_REASONS).describe('脱困原因'),
  note: z.string().max(1000).nullable().describe('说明'),
});

/** Files an exit may carry (evidence kinds of the file: migration 1610). */
const EXIT_ATTACHMENTS = [
  { kind: 'income_proof', label: '收入证明', min: 0 },
  { kind: 'other', label: '其他佐证材料（死亡证明、迁出证明、本人申请等）', min: 0 },
] as const;

/**
 * Days left of the monitoring period, in working days from the day the file
 * enters `monitoring` (at exit, or back from a dismissed alert): up to the
 * period's last day on the open exit row, which the use case writes before the
 * step. A period already over ends at the next working day's close.
 */
export async function monitoringWorkingDays(context: PeriodContext): Promise<number> {
  const exit = await context.db
    .selectFrom('assistance_exit')
    .select('monitoring_ends_on')
    .where('household_id', '=', Number(context.recordId))
    .where('outcome', 'is', null)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!exit?.monitoring_ends_on) throw new Error(`household ${context.recordId} enters monitoring without an open exit record`);
  return Math.max(1, await workingDaysBetween(context.db, context.on, exit.monitoring_ends_on));
}

type Form = { reason?: string } | null;

/** raise_alert is the system's step when a risk signal arrives (raise-return-alert.ts), never a button. */
export const RAISE_ALERT_REFUSAL = '返困预警由返困风险信号产生，请登记风险信号';

/** The exit guards: the income reason needs the condition; the others a file; death or moving away, no monitoring. */
async function exitRefusal(step: GuardStep<string>): Promise<string | null> {
  const reason = (step.form as Form)?.reason;
  if (!reason) return null; // the form check names the missing field first
  const unmonitored = UNMONITORED_EXIT_REASONS.includes(reason as never);
  if (step.transition === 'exit' && unmonitored) return '因死亡或迁出退出的家庭不再监测，请选择“因死亡或迁出销档”';
  if (step.transition === 'exit_unmonitored' && !unmonitored) return '只有死亡或迁出的家庭可以直接销档，其他原因脱困后须进入返困监测';
  if (reason === 'income_stable') {
    const household = await step.db.selectFrom('assistance_household').select('exit_condition_met').where('id', '=', Number(step.instance.recordId)).executeTakeFirst();
    return household?.exit_condition_met ? null : '尚不符合收入脱困条件（人均收入须连续超过当地低保标准），请先登记月度收入核查';
  }
  return step.attachments.length > 0 ? null : '以收入以外的原因脱困须上传佐证材料';
}

export const MONITORING_STATES = {
  monitoring: { label: '脱困监测中', deadline: { workingDays: monitoringWorkingDays, onExpire: 'finish_monitoring' } },
  alert: { label: '返困预警待研判' },
  // Not final: a family that hits hardship again after 稳定脱困 applies again on the same file
  // (一户一档: one file per household, its history kept), through the filing's `reapply` step.
  exited: { label: '已脱困' },
} as const;

/** Guards read the file's exit flag and the step's files through the step's executor. */
export const MONITORING_TRANSITIONS = {
  exit: {
    from: ['filed'],
    to: 'monitoring',
    label: '脱困退出（进入返困监测）',
    actor: reviewers,
    requires: { fields: ZExitForm, attachments: EXIT_ATTACHMENTS },
    guard: (_record: unknown, step: GuardStep<string>) => exitRefusal(step),
  },
  exit_unmonitored: {
    from: ['filed'],
    to: 'exited',
    label: '因死亡或迁出销档',
    actor: reviewers,
    requires: { fields: ZExitForm, attachments: EXIT_ATTACHMENTS },
    guard: (_record: unknown, step: GuardStep<string>) => exitRefusal(step),
  },
  raise_alert: { from: ['monitoring'], to: 'alert', label: '返困预警', actor: { permission: ASSISTANCE_WRITE, level: 'own' }, guard: () => RAISE_ALERT_REFUSAL },
  start_reentry: { from: ['alert'], to: 'first_review', label: '启动重新纳入审核', actor: reviewers, requires: { comment: { label: '研判意见' } } },
  dismiss_alert: { from: ['alert'], to: 'monitoring', label: '排除返困预警', actor: reviewers, requires: { comment: { label: '排除理由' } } },
  finish_monitoring: { from: ['monitoring'], to: 'exited', label: '监测期满无返困，稳定脱困', automatic: true },
} as const;

