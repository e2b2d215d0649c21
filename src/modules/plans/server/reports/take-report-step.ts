import type { RequestContext } from '../../../../core/http/request-context';
import { loadWorkflowInstance, takeTransition } from '../../../../core/workflow/engine';
import type { TWorkflowAttachment } from '../../../../core/workflow/contract';
import { checkVersion } from '../plan-access';
import { loadReport, reportRecord, STALE_REPORT } from './report-access';
import { reportWorkflow } from './report-workflow';

/**
 * One review step on a report, at the report's version (the one number the
 * screen holds): the report row is locked, then the engine checks the state,
 * who acts and what the step needs, records it and runs afterStep, which moves
 * the report's state and version on.
 */
export async function takeReportStep(
  ctx: RequestContext,
  id: number,
  transition: 'submit' | 'accept' | 'return',
  input: { version: number; comment?: string | undefined; attachments?: TWorkflowAttachment[] },
): Promise<{ reportId: number; from: string; to: string }> {
  const report = await loadReport(ctx, id, { lock: true });
  checkVersion(input.version, report.version, STALE_REPORT);
  const instance = await loadWorkflowInstance(ctx, reportWorkflow, report.workflow_instance_id!);
  const next = await takeTransition(ctx, reportWorkflow, instance.id, transition, {
    expectedVersion: instance.version,
    comment: input.comment ?? null,
    attachments: input.attachments ?? [],
    record: await reportRecord(ctx, report),
  });
  return { reportId: report.id, from: instance.state, to: next.state };
}
