import { orgPathInScope } from '../../../../core/access/scope';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import { startWorkflow } from '../../../../core/workflow/engine';
import type { TCreateCampaign } from '../../aid-contract';
import { CAMPAIGN_RECORD_TYPE, campaignWorkflow } from './campaign-workflow';

/** 新建批量帮扶活动 (名单编制中) at a paying union in the caller's scope. */
export async function createCampaign(ctx: RequestContext, input: TCreateCampaign): Promise<number> {
  const user = requireUser(ctx);
  // A union outside the caller's subtree does not exist for them (404, as every row out of scope).
  const path = await orgPathInScope(ctx, input.payingOrgUnitId);
  const row = await ctx.db
    .insertInto('assistance_aid_campaign')
    .values({
      org_unit_id: input.payingOrgUnitId,
      org_path: path,
      name: input.name,
      category: input.category,
      subkind: input.isGoldenAutumn ? 'golden_autumn' : null,
      funding_source: input.fundingSource,
      kind: input.kind,
      item_description: input.kind === 'in_kind' ? (input.itemDescription ?? null) : null,
      standard_amount: input.standardAmount.toFixed(2),
      tier_amounts: JSON.stringify(input.tierAmounts),
      budget: input.budget.toFixed(2),
      aid_date: input.aidDate,
      education_stage: input.category === 'education' ? (input.educationStage ?? null) : null,
      created_by: user.account.id,
      created_at: ctx.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await startWorkflow(ctx, campaignWorkflow, { recordType: CAMPAIGN_RECORD_TYPE, recordId: row.id, orgUnitId: input.payingOrgUnitId });
  await ctx.audit({
    action: 'assistance.campaign.create',
    category: 'write',
    targetType: 'assistance_aid_campaign',
    targetId: row.id,
    details: { category: input.category, fundingSource: input.fundingSource, budget: input.budget.toFixed(2), aidDate: input.aidDate },
  });
  return row.id;
}
