import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import { availableActions, loadWorkflowInstance, workflowHistory } from '../../../../core/workflow/engine';
import { PLANS_WRITE, type TReportDetail } from '../../contract';
import { isEditable, loadReport, reportRecord } from '../reports/report-access';
import { reportWorkflow } from '../reports/report-workflow';
import { toNumber } from './plan-tree';
import { reportRows } from './report-rows';

/**
 * A progress report as its screen shows it: the figures beside the union's
 * targets, the evidence files, the review history with its comments and the
 * evidence each submission carried, and the buttons the viewer has.
 */
export async function getReportDetail(ctx: RequestContext, id: number): Promise<TReportDetail> {
  const user = requireUser(ctx);
  const report = await loadReport(ctx, id);
  const [[row], figures, evidence] = await Promise.all([
    reportRows(ctx, (query) => query.where('r.id', '=', report.id)),
    ctx.db
      .selectFrom('plans_report_figure as f')
      .innerJoin('plans_indicator as i', 'i.id', 'f.indicator_id')
      .leftJoin('plans_allocation as a', (join) => join.onRef('a.indicator_id', '=', 'i.id').on('a.to_org_unit_id', '=', report.org_unit_id))
      .select(['f.indicator_id', 'i.subject', 'i.unit', 'f.value', 'a.value as allocated'])
      .where('f.report_id', '=', report.id)
      .orderBy('i.position')
      .execute(),
    ctx.db
      .selectFrom('plans_evidence as e')
      .leftJoin('account as a', 'a.id', 'e.uploaded_by')
      .select(['e.id', 'e.file_name', 'e.file_kind', 'e.file_size', 'e.file_sha256', 'e.uploaded_at', 'a.name as uploaded_by_name'])
      .where('e.report_id', '=', report.id)
      .orderBy('e.id')
      .execute(),
  ]);
  const narrative = await ctx.db.selectFrom('plans_report').select('narrative').where('id', '=', report.id).executeTakeFirstOrThrow();
  let history: TReportDetail['history'] = [];
  let actions: TReportDetail['actions'] = [];
  if (report.workflow_instance_id !== null) {
    const instance = await loadWorkflowInstance(ctx, reportWorkflow, report.workflow_instance_id);
    const record = await reportRecord(ctx, report);
    history = (await workflowHistory(ctx, reportWorkflow, instance)).map((step) => ({
      seq: step.seq,
      label: step.label,
      toState: step.toState,
      toLabel: step.toLabel,
      actor: step.actor?.name ?? null,
      actorOrg: step.actorOrg?.name ?? null,
      at: step.at,
      comment: step.comment,
      evidence: step.attachments.map((file) => ({ fileId: file.fileId, name: file.name, sha256: file.sha256, size: file.size })),
    }));
    actions = (await availableActions(ctx, reportWorkflow, instance, { record })).map((action) => ({
      transition: action.transition,
      label: action.label,
      commentRequired: action.requires.comment.required,
      commentLabel: action.requires.comment.label,
      blockedBy: action.blockedBy,
    }));
  }
  return {
    ...row!,
    narrative: narrative.narrative,
    figures: figures.map((figure) => ({
      indicatorId: figure.indicator_id,
      subject: figure.subject,
      unit: figure.unit,
      target: figure.allocated === null ? null : toNumber(figure.allocated),
      value: toNumber(figure.value),
    })),
    evidence: evidence.map((file) => ({
      id: file.id,
      fileName: file.file_name,
      kind: file.file_kind,
      size: Number(file.file_size),
      sha256: file.file_sha256,
      uploadedAt: file.uploaded_at.toISOString(),
      uploadedBy: file.uploaded_by_name,
    })),
    history,
    actions,
    canEdit: isEditable(report) && report.org_unit_id === user.org.id && user.permissions.has(PLANS_WRITE),
  };
}
