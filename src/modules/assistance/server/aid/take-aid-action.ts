import { inCallerScope } from '../../../../core/access/scope';
import { AppError } from '../../../../core/http/errors';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import type { TWorkflowAttachment } from '../../../../core/workflow/contract';
import { availableActions, describeInstance, findWorkflowInstance, takeTransition, workflowHistory } from '../../../../core/workflow/engine';
import { type TAidActionInput, type TAidRecordDetail, ZReceiptForm } from '../../aid-contract';
import type { AidCategory, AidKind, EducationStage } from '../../aid-vocabulary';
import { yuanTextToFen } from '../../rules/aid-caps';
import { loadHousehold } from '../queries/load-household';
import { claimRefusal } from './aid-caps-for';
import { notFiledReason } from './aid-household';
import { aidRecordNotFound, aidRecordView } from './aid-record-views';
import { AID_RECORD_TYPE, type AidRecordFacts, type AidTransition, aidWorkflow } from './aid-workflow';

type AidRow = {
  id: number;
  household_id: number;
  kind: AidKind;
  category: AidCategory;
  aid_date: string;
  amount: string;
  student_member_id: number | null;
  education_stage: EducationStage | null;
  campaign_id: number | null;
};

async function loadRecord(ctx: RequestContext, id: number): Promise<AidRow> {
  const row = await ctx.db
    .selectFrom('assistance_aid_record')
    .select(['id', 'household_id', 'kind', 'category', 'aid_date', 'amount', 'student_member_id', 'education_stage', 'campaign_id'])
    .where('id', '=', id)
    .where(inCallerScope(ctx, 'assistance_aid_record.org_path'))
    .executeTakeFirst();
  if (!row) throw aidRecordNotFound();
  return row;
}

/**
 * What the guards read, with the household locked first (always household,
 * then the workflow instance: one order, no deadlock): the file must still be
 * filed and the amount must fit the caps counted now, under the lock.
 */
async function recordFacts(ctx: RequestContext, record: AidRow, options: { lock: boolean }): Promise<AidRecordFacts> {
  const household = await loadHousehold(ctx, record.household_id, options);
  const capRefusal = await claimRefusal(ctx.db, household, {
    householdId: household.id,
    category: record.category,
    aidDate: record.aid_date,
    studentMemberId: record.student_member_id,
    educationStage: record.education_stage,
    amountFen: yuanTextToFen(record.amount),
  });
  return { kind: record.kind, capRefusal, notFiled: notFiledReason(household) };
}

/** The receipt's files: this household's own evidence uploads (the existing evidence store). */
async function receiptAttachments(ctx: RequestContext, householdId: number, attachments: TAidActionInput['attachments']): Promise<TWorkflowAttachment[]> {
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
    if (!file) throw new AppError('VALIDATION_FAILED', `第 ${index + 1} 个附件不是该家庭档案的材料，请先上传`, { field: `attachments.${index}.fileId` });
    return { fileId: String(file.id), kind: file.kind, name: file.name, sha256: file.sha256, size: file.size };
  });
}

/** A record with its workflow, the buttons this user has now and the steps so far (a campaign record has no run of its own). */
export async function getAidRecordDetail(ctx: RequestContext, id: number, options: { audit?: boolean } = {}): Promise<TAidRecordDetail> {
  const record = await loadRecord(ctx, id);
  const view = await aidRecordView(ctx, id);
  const instance = await findWorkflowInstance(ctx, aidWorkflow, { recordType: AID_RECORD_TYPE, recordId: id });
  const actions = instance ? await availableActions(ctx, aidWorkflow, instance, { record: await recordFacts(ctx, record, { lock: false }) }) : [];
  const history = instance ? await workflowHistory(ctx, aidWorkflow, instance) : [];
  if (options.audit !== false) {
    await ctx.audit({ action: 'assistance.aid.read', category: 'sensitive-read', targetType: 'assistance_aid_record', targetId: id, details: {} });
  }
  return { ...view, workflow: instance ? describeInstance(aidWorkflow, instance) : null, actions, history };
}

/**
 * Takes a step of a record's approval as the signed-in user. Approval counts
 * the caps again under the household's lock: of two approvals at once that
 * together break a cap, the second waits for the first and is refused.
 * 签收 keeps the signer, the day and the sheet (an evidence file of the household).
 */
export async function takeAidAction(ctx: RequestContext, id: number, transition: string, input: TAidActionInput): Promise<TAidRecordDetail> {
  const record = await loadRecord(ctx, id);
  if (record.campaign_id !== null) throw new AppError('CONFLICT', '该记录由批量帮扶活动发放，请在活动中确认签收');
  const facts = await recordFacts(ctx, record, { lock: true });
  const instance = await findWorkflowInstance(ctx, aidWorkflow, { recordType: AID_RECORD_TYPE, recordId: id });
  if (!instance) throw aidRecordNotFound(); // The paying union lies above the caller's scope.
  const attachments = await receiptAttachments(ctx, record.household_id, input.attachments);
  const receipt = transition === 'confirm_receipt' ? ZReceiptForm.safeParse(input.form ?? {}) : null;
  if (receipt?.success) {
    // Written before the step (the row's check wants them once it is 已签收); a refused step rolls them back.
    await ctx.db
      .updateTable('assistance_aid_record')
      .set({
        receipt_signer: receipt.data.signer,
        received_on: receipt.data.receivedOn,
        receipt_confirmed_by: requireUser(ctx).account.id,
        receipt_confirmed_at: ctx.now(),
        receipt_file_id: attachments[0] ? Number(attachments[0].fileId) : null,
      })
      .where('id', '=', id)
      .execute();
  }
  await takeTransition(ctx, aidWorkflow, instance.id, transition as AidTransition, {
    expectedVersion: input.expectedVersion,
    comment: input.comment ?? null,
    form: input.form ?? null,
    attachments,
    record: facts,
  });
  return getAidRecordDetail(ctx, id, { audit: false });
}
