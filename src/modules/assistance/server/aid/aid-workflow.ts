import type { Transaction } from 'kysely';
import type { DB } from '../../../../core/db/schema';
import { type CompletedStep, defineWorkflow } from '../../../../core/workflow/engine';
import { ZReceiptForm } from '../../aid-contract';
import type { AidKind, AidStatus } from '../../aid-vocabulary';
import { ASSISTANCE_REVIEW, ASSISTANCE_WRITE } from '../../contract';
import './aid-schema';

/** What the guards read of a record: its kind, and the cap check made under the household's lock. */
export type AidRecordFacts = { kind: AidKind; capRefusal: string | null; notFiled: string | null };

export const AID_RECORD_TYPE = 'assistance_aid_record';

const own = (permission: string) => ({ permission, level: 'own' as const });

/** The record's row follows the workflow (status, who approved, when it went out). */
async function recordAidStep(db: Transaction<DB>, step: CompletedStep<string, string>): Promise<void> {
  const to = step.to as AidStatus;
  await db
    .updateTable('assistance_aid_record')
    .set({
      status: to,
      updated_at: step.at,
      ...(to === 'approved' ? { approved_by: step.actorAccountId, approved_at: step.at } : {}),
      ...(to === 'paid' || to === 'delivered' ? { paid_at: step.at } : {}),
    })
    .where('id', '=', Number(step.instance.recordId))
    .execute();
}

/**
 * 帮扶记录的审批与发放 (domain.md §2.3: 帮扶项目申报与审批 by the higher union,
 * 帮扶资金发放管理): a clerk of the paying union records it; a reviewer of the
 * paying union or any union above it approves (refusals carry the reason) —
 * within the caps, checked again at this step under the household's lock;
 * the paying union's clerk pays (cash) or delivers (in kind) and confirms the
 * household's receipt (签收: who signed, which day, a scan of the sheet).
 * The route is data: a deployment swaps actor rules with withRoute.
 */
export const aidWorkflow = defineWorkflow({
  id: 'assistance.aid',
  label: '帮扶审批发放',
  initial: 'draft',
  states: {
    draft: { label: '待审批' },
    approved: { label: '已批准' },
    paid: { label: '已发放' },
    delivered: { label: '已送达' },
    received: { label: '已签收', final: true },
    refused: { label: '不予批准', final: true },
    cancelled: { label: '已撤销', final: true },
  },
  transitions: {
    approve: {
      from: ['draft'],
      to: 'approved',
      label: '批准',
      actor: [own(ASSISTANCE_REVIEW), { permission: ASSISTANCE_REVIEW, level: 'any-ancestor' }],
      guard: (record: AidRecordFacts) => record.notFiled ?? record.capRefusal,
    },
    refuse: {
      from: ['draft'],
      to: 'refused',
      label: '不予批准',
      actor: [own(ASSISTANCE_REVIEW), { permission: ASSISTANCE_REVIEW, level: 'any-ancestor' }],
      requires: { comment: { label: '不予批准的理由' } },
    },
    cancel: {
      from: ['draft', 'approved'],
      to: 'cancelled',
      label: '撤销',
      actor: [own(ASSISTANCE_WRITE), own(ASSISTANCE_REVIEW)],
      requires: { comment: { label: '撤销原因' } },
    },
    pay: {
      from: ['approved'],
      to: 'paid',
      label: '登记发放',
      actor: own(ASSISTANCE_WRITE),
      guard: (record: AidRecordFacts) => (record.kind === 'cash' ? null : '实物帮扶请登记送达'),
    },
    deliver: {
      from: ['approved'],
      to: 'delivered',
      label: '登记实物送达',
      actor: own(ASSISTANCE_WRITE),
      guard: (record: AidRecordFacts) => (record.kind === 'in_kind' ? null : '现金帮扶请登记发放'),
    },
    confirm_receipt: {
      from: ['paid', 'delivered'],
      to: 'received',
      label: '确认签收',
      actor: [own(ASSISTANCE_WRITE), own(ASSISTANCE_REVIEW)],
      requires: {
        fields: ZReceiptForm,
        attachments: [
          { kind: 'other', label: '签收单（扫描件）', min: 0 },
          { kind: 'photo', label: '发放照片', min: 0 },
        ],
      },
    },
  },
  afterStep: recordAidStep,
});

export type AidTransition = keyof typeof aidWorkflow.transitions;
export type AidState = keyof typeof aidWorkflow.states;
