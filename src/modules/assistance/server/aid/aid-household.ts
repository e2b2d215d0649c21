import { AppError } from '../../../../core/http/errors';
import type { RequestContext } from '../../../../core/http/request-context';
import { isWithin } from '../../../../core/org/tree';
import { orgPathInScope } from '../../../../core/access/scope';
import { HOUSEHOLD_STATUS_LABELS } from '../../vocabulary';
import { type HouseholdRow, loadHousehold } from '../queries/load-household';

/** Only a filed household (已建档) receives assistance (domain.md §2.2 step 6: 帮扶 follows filing); the reason otherwise. */
export const notFiledReason = (household: Pick<HouseholdRow, 'status'>): string | null =>
  household.status === 'filed'
    ? null
    : `该家庭档案状态为“${HOUSEHOLD_STATUS_LABELS[household.status]}”，只有已建档的困难职工家庭才能接受帮扶`;

/**
 * The household (in scope, locked: the caps are counted under this lock, so
 * two approvals for one household run one after the other) and its paying
 * union: the household's own union or one above it, in the caller's scope.
 */
export async function lockAidHousehold(ctx: RequestContext, householdId: number): Promise<HouseholdRow> {
  return loadHousehold(ctx, householdId, { lock: true });
}

export async function checkPayingUnion(ctx: RequestContext, household: HouseholdRow, payingOrgUnitId: number): Promise<string> {
  // A union outside the caller's subtree does not exist for them (404, as every row out of scope).
  const payingPath = await orgPathInScope(ctx, payingOrgUnitId);
  if (!isWithin(payingPath, household.org_path)) {
    throw new AppError('VALIDATION_FAILED', '发放单位应为受助家庭所在工会或其上级工会', { field: 'payingOrgUnitId' });
  }
  return payingPath;
}
