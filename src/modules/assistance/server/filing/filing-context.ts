import { beijingDate } from '../../../../core/files/beijing-time';
import { AppError } from '../../../../core/http/errors';
import type { RequestContext } from '../../../../core/http/request-context';
import { findWorkflowInstance, type WorkflowInstance } from '../../../../core/workflow/engine';
import { type HouseholdRow, loadHousehold } from '../queries/load-household';
import { findFilingRoute, type FilingRoute } from './filing-route';
import { FILING_RECORD_TYPE, type FilingRecord, type FilingState, type FilingWorkflow, filingWorkflow, filingWorkflowFor } from './filing-workflow';

export type FilingContext = {
  household: HouseholdRow;
  instance: WorkflowInstance<FilingState>;
  /** The filing with the route in force for the household's union today. */
  machine: FilingWorkflow;
  route: FilingRoute;
  record: FilingRecord;
};

/** What the guards read of a file. */
export const filingRecordOf = (household: HouseholdRow): FilingRecord => ({
  tier: household.tier,
  decisiveReason: [...(household.reasons as string[])].reverse().find((reason) => reason.includes('→')) ?? '',
  exclusions: household.exclusions,
  civilCheck:
    household.civil_check_status && household.civil_checked_at
      ? {
          status: household.civil_check_status,
          findings: (household.civil_check_findings as { message: string }[] | null) ?? [],
          checkedAt: household.civil_checked_at,
        }
      : null,
  figuresChangedAt: household.figures_changed_at,
});

/**
 * A file in the caller's scope with its filing run and the approval route in
 * force for its union today (assistance_filing_route: county or city checks).
 */
export async function loadFilingContext(ctx: RequestContext, householdId: number, options: { lock?: boolean } = {}): Promise<FilingContext> {
  const household = await loadHousehold(ctx, householdId, options);
  const instance = await findWorkflowInstance(ctx, filingWorkflow, { recordType: FILING_RECORD_TYPE, recordId: householdId });
  if (!instance) throw new AppError('CONFLICT', '该档案没有建档流程记录');
  const route = await findFilingRoute(ctx.db, household.org_path, beijingDate(ctx.now()));
  return { household, instance, machine: filingWorkflowFor(route.level), route, record: filingRecordOf(household) };
}
