import { AppError } from '../../../../core/http/errors';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import { loadCampaign } from './campaign-load';

/**
 * 确认签收 of a distributed campaign, per household or for every household
 * still unsigned: the records become 已签收 with the day, the signer (default
 * the main worker) and the staff member who confirmed.
 */
export async function confirmCampaignReceipts(ctx: RequestContext, campaignId: number, input: { householdIds?: number[] | undefined; receivedOn: string; signer?: string | undefined }) {
  const user = requireUser(ctx);
  const campaign = await loadCampaign(ctx, campaignId, { lock: true });
  if (campaign.status !== 'distributed') throw new AppError('CONFLICT', '活动尚未发放，不能确认签收');
  let query = ctx.db
    .selectFrom('assistance_aid_campaign_household as c')
    .innerJoin('assistance_aid_record as r', 'r.id', 'c.record_id')
    .innerJoin('assistance_household as h', 'h.id', 'c.household_id')
    .innerJoin('person as p', 'p.id', 'h.person_id')
    .select(['c.household_id', 'r.id as recordId', 'r.status', 'p.name'])
    .where('c.campaign_id', '=', campaign.id)
    .where('c.status', '=', 'distributed');
  if (input.householdIds) query = query.where('c.household_id', 'in', input.householdIds);
  const rows = await query.execute();
  if (input.householdIds) {
    const missing = input.householdIds.filter((id) => !rows.some((row) => row.household_id === id));
    if (missing.length > 0) throw new AppError('VALIDATION_FAILED', `第 ${input.householdIds.indexOf(missing[0]!) + 1} 户不在本活动的发放名单中`, { field: 'householdIds' });
  }
  const open = rows.filter((row) => row.status === 'paid' || row.status === 'delivered');
  const now = ctx.now();
  for (const row of open) {
    await ctx.db
      .updateTable('assistance_aid_record')
      .set({ status: 'received', receipt_signer: input.signer ?? row.name, received_on: input.receivedOn, receipt_confirmed_by: user.account.id, receipt_confirmed_at: now, updated_at: now })
      .where('id', '=', row.recordId)
      .execute();
  }
  await ctx.audit({ action: 'assistance.campaign.receipts', category: 'write', targetType: 'assistance_aid_campaign', targetId: campaign.id, details: { confirmed: open.length, receivedOn: input.receivedOn } });
  return { confirmed: open.length };
}
