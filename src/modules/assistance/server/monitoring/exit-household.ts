import { beijingDate } from '../../../../core/files/beijing-time';
import { AppError } from '../../../../core/http/errors';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import type { TWorkflowAttachment } from '../../../../core/workflow/contract';
import { describeInstance, takeTransition } from '../../../../core/workflow/engine';
import { EXIT_REASON_LABELS, type TExitInput, UNMONITORED_EXIT_REASONS, ZExitInput } from '../../monitoring-contract';
import { HOUSEHOLD_STATUS_LABELS, type HouseholdStatus } from '../../vocabulary';
import { loadFilingContext } from '../filing/filing-context';
import { loadRuleValue } from '../queries/load-rule-value';
import { addMonths, periodLastDay } from './dates';

/** The files an exit names: this household's own uploads. */
async function exitAttachments(ctx: RequestContext, householdId: number, wanted: readonly { fileId: number }[]): Promise<TWorkflowAttachment[]> {
  if (wanted.length === 0) return [];
  const files = await ctx.db
    .selectFrom('assistance_household_file')
    .select(['id', 'kind', 'name', 'sha256', 'size'])
    .where('household_id', '=', householdId)
    .where('id', 'in', wanted.map((attachment) => attachment.fileId))
    .execute();
  return wanted.map((attachment, index) => {
    const file = files.find((row) => row.id === attachment.fileId);
    if (!file) throw new AppError('VALIDATION_FAILED', `第 ${index + 1} 个附件不是此档案的佐证材料，请先上传`, { field: `attachments.${index}.fileId` });
    return { fileId: String(file.id), kind: file.kind, name: file.name, sha256: file.sha256, size: file.size };
  });
}

/**
 * 脱困 as a reviewer's step of the file's run: the exit row first (the
 * monitoring period's timer reads its last day), then the step — which the
 * engine refuses by scope, version, state, actor and the exit guard (income
 * condition, or a file for the other reasons) — then the call-backs (回访) due
 * every callback_interval_months within the period. A death or a move away
 * closes the file without monitoring.
 */
export async function exitHousehold(ctx: RequestContext, householdId: number, raw: TExitInput) {
  const input = ZExitInput.parse(raw);
  const user = requireUser(ctx);
  const filing = await loadFilingContext(ctx, householdId, { lock: true });
  const today = beijingDate(ctx.now());
  const isMonitored = !UNMONITORED_EXIT_REASONS.includes(input.reason);
  const months = isMonitored ? await loadRuleValue(ctx.db, 'monitoring_months', today) : null;
  const interval = isMonitored ? await loadRuleValue(ctx.db, 'callback_interval_months', today) : null;
  const monitoringEndsOn = months ? periodLastDay(today, months.value) : null;
  const exit = await ctx.db
    .insertInto('assistance_exit')
    .values({
      household_id: householdId,
      org_path: filing.household.org_path,
      reason: input.reason,
      note: input.note ?? null,
      exited_on: today,
      exited_by: user.account.id,
      monitoring_ends_on: monitoringEndsOn,
      callback_interval_months: interval?.value ?? null,
      outcome: isMonitored ? null : 'closed',
      ended_on: isMonitored ? null : today,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const next = await takeTransition(ctx, filing.machine, filing.instance.id, isMonitored ? 'exit' : 'exit_unmonitored', {
    expectedVersion: input.expectedVersion,
    comment: null,
    form: { reason: input.reason, note: input.note ?? null },
    attachments: await exitAttachments(ctx, householdId, input.attachments),
    record: filing.record,
  });
  if (monitoringEndsOn && interval) {
    const due: string[] = [];
    for (let step = 1; addMonths(today, step * interval.value) <= monitoringEndsOn; step += 1) due.push(addMonths(today, step * interval.value));
    if (due.length > 0) {
      await ctx.db
        .insertInto('assistance_callback')
        .values(due.map((dueOn) => ({ exit_id: exit.id, household_id: householdId, org_path: filing.household.org_path, due_on: dueOn })))
        .execute();
    }
  }
  await ctx.audit({
    action: 'assistance.monitoring.exit',
    category: 'write',
    targetType: 'assistance_household',
    targetId: householdId,
    details: { exitId: exit.id, reason: input.reason, monitoringEndsOn, hasNote: Boolean(input.note) },
  });
  const status = (isMonitored ? 'monitoring' : 'exited') satisfies HouseholdStatus;
  return {
    status,
    statusLabel: HOUSEHOLD_STATUS_LABELS[status],
    workflow: describeInstance(filing.machine, next),
    exit: {
      id: exit.id,
      reason: exit.reason,
      reasonLabel: EXIT_REASON_LABELS[exit.reason],
      note: exit.note,
      exitedOn: exit.exited_on,
      monitoringEndsOn: exit.monitoring_ends_on,
      outcome: exit.outcome,
      endedOn: exit.ended_on,
    },
  };
}
