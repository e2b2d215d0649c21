import type { Selectable } from 'kysely';
import { inCallerScope } from '../../../../core/access/scope';
import { AppError, notFound } from '../../../../core/http/errors';
import type { RequestContext } from '../../../../core/http/request-context';
import { findWorkflowInstance, type WorkflowInstance } from '../../../../core/workflow/engine';
import type { HardshipTier } from '../../contract';
import { yuanTextToFen } from '../../rules/aid-caps';
import { formatYuan, yuanToFen } from '../../rules/money';
import type { AssistanceAidCampaignTable } from './aid-schema';
import { CAMPAIGN_RECORD_TYPE, type CampaignFacts, campaignWorkflow } from './campaign-workflow';

export type CampaignRow = Selectable<AssistanceAidCampaignTable>;

export const campaignNotFound = () => notFound('帮扶活动');

/** A campaign in the caller's scope (its paying union in their subtree), optionally locked. */
export async function loadCampaign(ctx: RequestContext, id: number, options: { lock?: boolean } = {}): Promise<CampaignRow> {
  let query = ctx.db.selectFrom('assistance_aid_campaign').selectAll().where('id', '=', id).where(inCallerScope(ctx, 'assistance_aid_campaign.org_path'));
  if (options.lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw campaignNotFound();
  return row;
}

export async function campaignInstance(ctx: RequestContext, campaignId: number): Promise<WorkflowInstance> {
  const instance = await findWorkflowInstance(ctx, campaignWorkflow, { recordType: CAMPAIGN_RECORD_TYPE, recordId: campaignId });
  if (!instance) throw new AppError('CONFLICT', '该帮扶活动没有流程记录');
  return instance;
}

export function assertDraft(campaign: CampaignRow): void {
  if (campaign.status !== 'draft') throw new AppError('CONFLICT', '名单已审批或活动已结束，不能再修改名单');
}

/** The household's amount: the campaign's standard for its filed tier, else the standard per household. */
export function campaignAmountFen(campaign: CampaignRow, tier: HardshipTier | null): bigint {
  const byTier = tier ? campaign.tier_amounts[tier] : undefined;
  return byTier === undefined ? yuanTextToFen(campaign.standard_amount) : yuanToFen(byTier);
}

/** What the campaign workflow's guards read: rows by state, the approved sum against the budget. */
export async function campaignFacts(ctx: RequestContext, campaign: CampaignRow): Promise<CampaignFacts> {
  const rows = await ctx.db.selectFrom('assistance_aid_campaign_household').select(['status', 'amount']).where('campaign_id', '=', campaign.id).execute();
  const listed = rows.filter((row) => row.status === 'listed');
  const approved = rows.filter((row) => row.status === 'approved');
  const sum = (list: typeof rows) => list.reduce((total, row) => total + yuanTextToFen(row.amount), 0n);
  const budgetFen = yuanTextToFen(campaign.budget);
  const wanted = campaign.status === 'draft' ? sum(listed) + sum(approved) : sum(approved);
  return {
    listed: listed.length,
    approved: approved.length,
    approvedFen: sum(approved),
    budgetFen,
    budgetRefusal: wanted > budgetFen ? `名单合计 ${formatYuan(wanted)} 元，超过活动预算 ${formatYuan(budgetFen)} 元，请调整名单或标准` : null,
  };
}
