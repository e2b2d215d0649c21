import { beijingDate } from '../../../../core/files/beijing-time';
import { AppError } from '../../../../core/http/errors';
import type { RequestContext } from '../../../../core/http/request-context';
import type { TWorkflowAttachment } from '../../../../core/workflow/contract';
import { availableActions, describeInstance, takeTransition } from '../../../../core/workflow/engine';
import type { THouseholdActionInput } from '../../household-contract';
import { HOUSEHOLD_STATUS_LABELS, type HouseholdStatus } from '../../vocabulary';
import type { CivilAffairsCheck } from '../civil-affairs/civil-affairs-check';
import { civilAffairsCheck } from '../civil-affairs/local-civil-affairs-check';
import { type FilingContext, loadFilingContext } from '../filing/filing-context';
import type { FilingTransition } from '../filing/filing-workflow';
import { civilAffairsHousehold } from '../household/civil-affairs-household';

/** The files a step names, as the engine records them: only this household's own uploads. */
async function stepAttachments(ctx: RequestContext, householdId: number, attachments: THouseholdActionInput['attachments']): Promise<TWorkflowAttachment[]> {
  const wanted = attachments ?? [];
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
 * 家庭经济状况核对: asks the civil-affairs adapter about the household, once
 * the caller is known to be the checking union (the family's data leaves the
 * platform only for them). The answer becomes the step's form, so the history
 * shows it, and is kept on the file for the guard of 核对通过.
 */
async function runCivilCheck(ctx: RequestContext, filing: FilingContext, expectedVersion: number, driver: CivilAffairsCheck) {
  const { instance, machine, record } = filing;
  const mayAct = instance.version === expectedVersion && (await availableActions(ctx, machine, instance, { record })).some((action) => action.transition === 'civil_check');
  if (!mayAct) return null; // takeTransition then refuses with the precise reason.
  const answer = await driver.check(await civilAffairsHousehold(ctx, filing.household));
  await ctx.db
    .updateTable('assistance_household')
    .set({
      civil_check_status: answer.status,
      civil_check_findings: JSON.stringify(answer.findings),
      civil_check_driver: driver.driver,
      civil_checked_at: ctx.now(),
    })
    .where('id', '=', filing.household.id)
    .execute();
  return { status: answer.status, findings: answer.findings, driver: driver.driver };
}

/**
 * Takes a step of a file's filing workflow as the signed-in user: the
 * engine checks scope, version, state, who may act (the route in force for
 * the union), the comment, form and files the step requires and the guard.
 * The civil-affairs check's form is the adapter's answer, never typed.
 */
export async function takeFilingAction(
  ctx: RequestContext,
  householdId: number,
  transition: string,
  input: THouseholdActionInput,
  options: { civilAffairs?: CivilAffairsCheck } = {},
) {
  const filing = await loadFilingContext(ctx, householdId, { lock: true });
  let form = input.form;
  if (transition === 'civil_check') {
    if (form && Object.keys(form).length > 0) throw new AppError('VALIDATION_FAILED', '核对结果由民政核对接口返回，不能填写', { field: 'form' });
    form = (await runCivilCheck(ctx, filing, input.expectedVersion, options.civilAffairs ?? civilAffairsCheck())) ?? undefined;
  }
  if (transition === 'record_home_visit' && typeof form?.visitDate === 'string' && form.visitDate > beijingDate(ctx.now())) {
    throw new AppError('VALIDATION_FAILED', '“入户调查日期”不能晚于今天', { field: 'form.visitDate' });
  }
  const attachments = await stepAttachments(ctx, householdId, input.attachments);
  const next = await takeTransition(ctx, filing.machine, filing.instance.id, transition as FilingTransition, {
    expectedVersion: input.expectedVersion,
    comment: input.comment ?? null,
    form: form ?? null,
    attachments,
    record: filing.record,
  });
  if (transition === 'approve_financial_check') {
    // The level of the union that checked fixes the file's level at filing (file-level.ts).
    await ctx.db.updateTable('assistance_household').set({ check_level: filing.route.level }).where('id', '=', householdId).execute();
  }
  const status = next.state as HouseholdStatus;
  return { status, statusLabel: HOUSEHOLD_STATUS_LABELS[status], workflow: describeInstance(filing.machine, next) };
}
