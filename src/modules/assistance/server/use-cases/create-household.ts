import { AppError } from '../../../../core/http/errors';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import { openPersonField } from '../../../../core/person/person-fields';
import { startWorkflow } from '../../../../core/workflow/engine';
import type { TCreateHousehold } from '../../household-contract';
import { FILING_RECORD_TYPE, filingWorkflow } from '../filing/filing-workflow';
import { classifyFigures } from '../household/classify-figures';
import { sealBankAccount, sealMemberIdNumber } from '../household/household-fields';
import { figureColumns } from '../household/household-figures';
import { buildMemberRows } from '../household/household-members';
import { assertOneHousehold } from '../household/one-household';
import { findApplicant } from '../queries/find-applicant';
import { findUnionRegion } from '../queries/find-union-region';

/**
 * 建档申请 by a clerk (the worker-facing route comes later): a file for a
 * current member of a union in the caller's subtree, at that union, with the
 * household's members and figures, classified by the rule tables, and its
 * filing workflow started in 待提交. 一户一档 is checked province-wide.
 */
export async function createHousehold(ctx: RequestContext, input: TCreateHousehold): Promise<{ id: number }> {
  const user = requireUser(ctx);
  const applicant = await findApplicant(ctx, input.membershipId);
  const regionCode = input.regionCode ?? (await findUnionRegion(ctx.db, applicant.orgPath));
  if (!regionCode) {
    throw new AppError('VALIDATION_FAILED', '所在工会未登记行政区划，请填写所在地区（6 位行政区划代码）', { field: 'regionCode' });
  }
  const worker = {
    name: applicant.name,
    sealed: sealMemberIdNumber(ctx.keys.ring, openPersonField(ctx.keys.ring, 'idNumber', applicant.idNumberEnvelope)),
    birthDate: applicant.birthDate,
    gender: applicant.gender,
  };
  const members = buildMemberRows(ctx.keys.ring, worker, input);
  await assertOneHousehold(ctx.db, { personId: applicant.personId, members, exceptHousehold: null });
  if (input.bank && input.bank.accountNumber === undefined) {
    throw new AppError('VALIDATION_FAILED', '请填写银行账号', { field: 'bank.accountNumber' });
  }
  const bank = input.bank?.accountNumber ? sealBankAccount(ctx.keys.ring, input.bank.accountNumber) : null;
  const { columns } = await classifyFigures(ctx, input, { regionCode, householdSize: members.length });

  const household = await ctx.db
    .insertInto('assistance_household')
    .values({
      person_id: applicant.personId,
      org_unit_id: applicant.orgUnitId,
      org_path: applicant.orgPath,
      status: 'draft',
      ...figureColumns(input, regionCode),
      bank_name: input.bank?.bankName ?? null,
      bank_account_envelope: bank?.envelope ?? null,
      bank_account_masked: bank?.masked ?? null,
      ...columns,
      created_by: user.account.id,
      created_at: ctx.now(),
      updated_at: ctx.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
    .catch((error: unknown) => {
      // Two clerks filing the same worker at once: the partial unique index decides.
      if (String((error as { message?: string }).message).includes('assistance_household_one_open')) {
        throw new AppError('CONFLICT', '该职工已有困难职工档案（一户一档，不能重复建档）');
      }
      throw error;
    });
  await ctx.db
    .insertInto('assistance_household_member')
    .values(members.map((member) => ({ ...member, household_id: household.id, org_path: applicant.orgPath })))
    .execute();
  await startWorkflow(ctx, filingWorkflow, { recordType: FILING_RECORD_TYPE, recordId: household.id, orgUnitId: applicant.orgUnitId });
  await ctx.audit({
    action: 'assistance.household.create',
    category: 'write',
    targetType: 'assistance_household',
    targetId: household.id,
    details: { membershipId: applicant.membershipId, orgUnitId: applicant.orgUnitId, householdSize: members.length },
  });
  return { id: household.id };
}
