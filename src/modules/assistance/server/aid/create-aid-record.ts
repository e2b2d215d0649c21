import { AppError } from '../../../../core/http/errors';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import { startWorkflow } from '../../../../core/workflow/engine';
import type { TCreateAidRecord } from '../../aid-contract';
import { yuanToFen } from '../../rules/money';
import { claimBreach } from './aid-caps-for';
import { checkPayingUnion, lockAidHousehold, notFiledReason } from './aid-household';
import { AID_RECORD_TYPE, aidWorkflow } from './aid-workflow';

/** A 助学 record names a student of the household itself. */
async function checkStudent(ctx: RequestContext, householdId: number, memberId: number | undefined): Promise<void> {
  if (memberId === undefined) return;
  const member = await ctx.db.selectFrom('assistance_household_member').select('id').where('id', '=', memberId).where('household_id', '=', householdId).executeTakeFirst();
  if (!member) throw new AppError('VALIDATION_FAILED', '受助学生应为该家庭档案中的家庭成员', { field: 'studentMemberId' });
}

/**
 * 登记帮扶记录 (待审批): to a filed household in the caller's scope, paid by its
 * union or one above it. Refused at once when it would break a cap (the
 * approval checks again: other records may be approved in between).
 */
export async function createAidRecord(ctx: RequestContext, input: TCreateAidRecord): Promise<number> {
  const user = requireUser(ctx);
  const household = await lockAidHousehold(ctx, input.householdId);
  const notFiled = notFiledReason(household);
  if (notFiled) throw new AppError('CONFLICT', notFiled);
  await checkPayingUnion(ctx, household, input.payingOrgUnitId);
  await checkStudent(ctx, household.id, input.studentMemberId);
  const studentMemberId = input.category === 'education' ? (input.studentMemberId ?? null) : null;
  const educationStage = input.category === 'education' ? (input.educationStage ?? null) : null;
  const breach = await claimBreach(ctx.db, household, {
    householdId: household.id,
    category: input.category,
    aidDate: input.aidDate,
    studentMemberId,
    educationStage,
    amountFen: yuanToFen(input.amount),
  });
  // On the amount, with its figures: the form shows it by the field without reading the words.
  if (breach) throw new AppError('CONFLICT', breach.message, { field: 'amount', details: breach.figures });
  const now = ctx.now();
  const row = await ctx.db
    .insertInto('assistance_aid_record')
    .values({
      household_id: household.id,
      org_path: household.org_path,
      paying_org_unit_id: input.payingOrgUnitId,
      category: input.category,
      subkind: input.isGoldenAutumn ? 'golden_autumn' : null,
      funding_source: input.fundingSource,
      kind: input.kind,
      item_description: input.kind === 'in_kind' ? (input.itemDescription ?? null) : null,
      quantity: input.kind === 'in_kind' ? (input.quantity ?? null) : null,
      amount: input.amount.toFixed(2),
      aid_date: input.aidDate,
      aid_year: Number(input.aidDate.slice(0, 4)),
      student_member_id: studentMemberId,
      education_stage: educationStage,
      note: input.note || null,
      status: 'draft',
      created_by: user.account.id,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await startWorkflow(ctx, aidWorkflow, { recordType: AID_RECORD_TYPE, recordId: row.id, orgUnitId: input.payingOrgUnitId });
  await ctx.audit({
    action: 'assistance.aid.create',
    category: 'write',
    targetType: 'assistance_aid_record',
    targetId: row.id,
    details: { householdId: household.id, category: input.category, fundingSource: input.fundingSource, kind: input.kind, amount: input.amount.toFixed(2), aidDate: input.aidDate },
  });
  return row.id;
}
