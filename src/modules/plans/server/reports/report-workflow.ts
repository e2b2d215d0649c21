import { defineWorkflow, type GuardStep } from '../../../../core/workflow/engine';
import { PLANS_REVIEW, PLANS_WRITE, REPORT_STATE_LABELS, type TReportState } from '../../contract';

/**
 * The review of a progress report, run by the kernel's workflow engine:
 *
 *   draft ──报送──▶ submitted ──采纳──▶ accepted (final)
 *     ▲                 │
 *     └──── returned ◀──┘ 退回 (with 退回意见) ── 报送 again
 *
 * Why the engine rather than a status column: it keeps every step with its
 * actor, comment and the evidence submitted (the 退回 comments are the
 * history a supervisor reads), answers which buttons a user has, checks the
 * step's version and audits it. The report keeps `state` as a copy
 * (afterStep) so roll-ups filter accepted reports with one index.
 *
 * Who acts: the reporting union submits (plans.write, `own`); the union that
 * issued the plan to it reviews (plans.review). That union is always above the
 * reporter but not always its parent (a province may issue straight to
 * counties), so the rule is `any-ancestor` narrowed by a guard to the issuer.
 */
export type ReportRecord = { reviewerOrgUnitId: number; reviewerName: string };

const issuerOnly = (record: ReportRecord, step: GuardStep<TReportState>) =>
  step.user.org.id === record.reviewerOrgUnitId ? null : `须由下发单位「${record.reviewerName}」审核`;

export const REPORT_RECORD_TYPE = 'plans_report';

export const reportWorkflow = defineWorkflow({
  id: 'plans.report',
  label: '进展报告',
  initial: 'draft',
  states: {
    draft: { label: REPORT_STATE_LABELS.draft },
    submitted: { label: REPORT_STATE_LABELS.submitted },
    returned: { label: REPORT_STATE_LABELS.returned },
    accepted: { label: REPORT_STATE_LABELS.accepted, final: true },
  },
  transitions: {
    submit: {
      from: ['draft', 'returned'],
      to: 'submitted',
      label: '报送',
      actor: { permission: PLANS_WRITE, level: 'own' },
      requires: { attachments: [{ kind: 'evidence', label: '佐证材料', min: 0 }] },
    },
    accept: {
      from: ['submitted'],
      to: 'accepted',
      label: '采纳',
      actor: { permission: PLANS_REVIEW, level: 'any-ancestor' },
      guard: (record: ReportRecord, step) => issuerOnly(record, step),
    },
    return: {
      from: ['submitted'],
      to: 'returned',
      label: '退回',
      actor: { permission: PLANS_REVIEW, level: 'any-ancestor' },
      requires: { comment: { label: '退回意见' } },
      guard: (record: ReportRecord, step) => issuerOnly(record, step),
    },
  },
  // The report follows its review: its state copy, when it was submitted and accepted, and its version.
  async afterStep(db, step) {
    await db
      .updateTable('plans_report')
      .set((eb) => ({
        state: step.to,
        version: eb('version', '+', 1),
        updated_at: step.at,
        ...(step.to === 'submitted' ? { submitted_at: step.at } : {}),
        ...(step.to === 'accepted' ? { accepted_at: step.at } : {}),
      }))
      .where('id', '=', Number(step.instance.recordId))
      .execute();
  },
});
