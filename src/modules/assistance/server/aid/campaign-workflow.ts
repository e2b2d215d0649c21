import type { Transaction } from 'kysely';
import type { DB } from '../../../../core/db/schema';
import { type CompletedStep, defineWorkflow } from '../../../../core/workflow/engine';
import type { CampaignStatus } from '../../aid-vocabulary';
import { ASSISTANCE_REVIEW, ASSISTANCE_WRITE } from '../../contract';
import './aid-schema';

/** What the guards read of a campaign: rows by state and the budget, in fen. */
export type CampaignFacts = { listed: number; approved: number; approvedFen: bigint; budgetFen: bigint; budgetRefusal: string | null };

export const CAMPAIGN_RECORD_TYPE = 'assistance_aid_campaign';

const own = (permission: string) => ({ permission, level: 'own' as const });

async function recordCampaignStep(db: Transaction<DB>, step: CompletedStep<string, string>): Promise<void> {
  const to = step.to as CampaignStatus;
  await db
    .updateTable('assistance_aid_campaign')
    .set({ status: to, ...(to === 'distributed' ? { distributed_at: step.at } : {}) })
    .where('id', '=', Number(step.instance.recordId))
    .execute();
  if (to === 'cancelled') {
    // Approved rows stop counting against the households' caps.
    await db
      .updateTable('assistance_aid_campaign_household')
      .set({ status: 'excluded', excluded_reason: '活动已撤销' })
      .where('campaign_id', '=', Number(step.instance.recordId))
      .where('status', 'in', ['listed', 'approved'])
      .execute();
  }
}

/**
 * 批量帮扶（送温暖、金秋助学）: the paying union's clerk builds the list; a
 * reviewer of the paying union or above approves it as a whole (each
 * household checked against its caps, offenders left out by name); the clerk
 * distributes (one record per household, in one transaction); receipts are
 * confirmed per household or in bulk afterwards (campaign-receipts.ts).
 */
export const campaignWorkflow = defineWorkflow({
  id: 'assistance.aid_campaign',
  label: '批量帮扶',
  initial: 'draft',
  states: {
    draft: { label: '名单编制中' },
    approved: { label: '名单已审批' },
    distributed: { label: '已发放', final: true },
    cancelled: { label: '已撤销', final: true },
  },
  transitions: {
    approve: {
      from: ['draft'],
      to: 'approved',
      label: '审批名单',
      actor: [own(ASSISTANCE_REVIEW), { permission: ASSISTANCE_REVIEW, level: 'any-ancestor' }],
      guard: (facts: CampaignFacts) => (facts.listed + facts.approved === 0 ? '名单中没有家庭，请先选取' : facts.budgetRefusal),
    },
    distribute: {
      from: ['approved'],
      to: 'distributed',
      label: '发放',
      actor: own(ASSISTANCE_WRITE),
      guard: (facts: CampaignFacts) => (facts.approved === 0 ? '名单中没有审批通过的家庭' : null),
    },
    cancel: {
      from: ['draft', 'approved'],
      to: 'cancelled',
      label: '撤销活动',
      actor: [own(ASSISTANCE_WRITE), own(ASSISTANCE_REVIEW), { permission: ASSISTANCE_REVIEW, level: 'any-ancestor' }],
      requires: { comment: { label: '撤销原因' } },
    },
  },
  afterStep: recordCampaignStep,
});

export type CampaignTransition = keyof typeof campaignWorkflow.transitions;
