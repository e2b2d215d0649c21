import { AppError } from '../../../../core/http/errors';
import type { RequestContext } from '../../../../core/http/request-context';
import type { THouseholdRevealRequest } from '../../household-contract';
import { openBankAccount, openMemberIdNumber } from '../household/household-fields';
import { loadHousehold } from '../queries/load-household';

/**
 * The full bank account or a member's full ID number, for a stated reason.
 * Every reveal is an audit event with the reason (PIPL 第六条、第五十一条; 等保
 * 三级 8.1.4.3); the value itself never enters the audit trail.
 */
export async function revealHouseholdField(ctx: RequestContext, householdId: number, request: THouseholdRevealRequest): Promise<{ field: THouseholdRevealRequest['field']; value: string | null }> {
  const household = await loadHousehold(ctx, householdId);
  let value: string | null;
  if (request.field === 'bankAccount') {
    value = household.bank_account_envelope ? openBankAccount(ctx.keys.ring, household.bank_account_envelope) : null;
  } else {
    const member = await ctx.db
      .selectFrom('assistance_household_member')
      .select('id_number_envelope')
      .where('household_id', '=', householdId)
      .where('id', '=', request.memberId!)
      .executeTakeFirst();
    if (!member) throw new AppError('NOT_FOUND', '家庭成员不存在或已被修改，请刷新后重试', { field: 'memberId' });
    value = openMemberIdNumber(ctx.keys.ring, member.id_number_envelope);
  }
  await ctx.audit({
    action: 'assistance.household.reveal',
    category: 'sensitive-read',
    targetType: 'assistance_household',
    targetId: householdId,
    reason: request.reason,
    details: { field: request.field, ...(request.memberId === undefined ? {} : { memberId: request.memberId }) },
  });
  return { field: request.field, value };
}
