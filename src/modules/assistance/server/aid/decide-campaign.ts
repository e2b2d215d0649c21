import { sql } from 'kysely';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import { describeInstance, takeTransition } from '../../../../core/workflow/engine';
import { CAMPAIGN_STATUS_LABELS, type CampaignStatus } from '../../aid-vocabulary';
import { yuanTextToFen } from '../../rules/aid-caps';
import { fenToYuan } from '../../rules/money';
import type { HouseholdRow } from '../queries/load-household';
import { claimRefusal } from './aid-caps-for';
import { notFiledReason } from './aid-household';
import { campaignFacts, campaignInstance, type CampaignRow, loadCampaign } from './campaign-load';
import { type CampaignFacts, type CampaignTransition, campaignWorkflow } from './campaign-workflow';

type Offender = { householdId: number; name: string; reason: string };

/**
 * The list's rows in a state with their households, locked in id order (the
 * one order every cap check takes: approvals of single records lock one
 * household, a campaign locks its households ascending — no deadlock).
 */
async function lockRows(ctx: RequestContext, campaignId: number, status: 'listed' | 'approved') {
  const rows = await ctx.db
    .selectFrom('assistance_aid_campaign_household')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('status', '=', status)
    .orderBy('household_id')
    .execute();
  if (rows.length === 0) return [];
  const households = await ctx.db
    .selectFrom('assistance_household as h')
    .innerJoin('person as p', 'p.id', 'h.person_id')
    .selectAll('h')
    .select('p.name as workerName')
    .where('h.id', 'in', rows.map((row) => row.household_id))
    .orderBy('h.id')
    .forUpdate('h')
    .execute();
  const byId = new Map(households.map((household) => [household.id, household]));
  return rows.map((row) => ({ row, household: byId.get(row.household_id)! as HouseholdRow & { workerName: string } }));
}

const exclude = (ctx: RequestContext, campaignId: number, householdId: number, reason: string) =>
  ctx.db.updateTable('assistance_aid_campaign_household').set({ status: 'excluded', excluded_reason: reason }).where('campaign_id', '=', campaignId).where('household_id', '=', householdId).execute();

async function step(ctx: RequestContext, campaign: CampaignRow, transition: CampaignTransition, input: { expectedVersion: number; comment: string | null; facts: CampaignFacts }, excluded: Offender[]) {
  const instance = await campaignInstance(ctx, campaign.id);
  const next = await takeTransition(ctx, campaignWorkflow, instance.id, transition, { expectedVersion: input.expectedVersion, comment: input.comment, record: input.facts });
  const counted = await ctx.db
    .selectFrom('assistance_aid_campaign_household')
    .select([sql<number>`count(*)::int`.as('households'), sql<string>`coalesce(sum(amount), 0)::text`.as('amount')])
    .where('campaign_id', '=', campaign.id)
    .where('status', 'in', ['approved', 'distributed'])
    .executeTakeFirstOrThrow();
  const status = next.state as CampaignStatus;
  return { status, statusLabel: CAMPAIGN_STATUS_LABELS[status], households: counted.households, amount: fenToYuan(yuanTextToFen(counted.amount)), excluded, workflow: describeInstance(campaignWorkflow, next) };
}

/**
 * 审批名单 as a whole: each household is checked — still filed, and within its
 * caps counted now, under its lock — and passes or is left out with the
 * reason, reported row by row; the approved sum must fit the budget.
 */
export async function approveCampaign(ctx: RequestContext, campaignId: number, expectedVersion: number) {
  const campaign = await loadCampaign(ctx, campaignId, { lock: true });
  const excluded: Offender[] = [];
  for (const { row, household } of await lockRows(ctx, campaign.id, 'listed')) {
    const reason =
      notFiledReason(household) ??
      (await claimRefusal(ctx.db, household, {
        householdId: household.id,
        category: row.category,
        aidDate: campaign.aid_date,
        studentMemberId: row.student_member_id,
        educationStage: row.education_stage,
        amountFen: yuanTextToFen(row.amount),
      }));
    if (reason) {
      excluded.push({ householdId: household.id, name: household.workerName, reason });
      await exclude(ctx, campaign.id, household.id, reason);
    } else {
      await ctx.db.updateTable('assistance_aid_campaign_household').set({ status: 'approved' }).where('campaign_id', '=', campaign.id).where('household_id', '=', household.id).execute();
    }
  }
  const result = await step(ctx, campaign, 'approve', { expectedVersion, comment: null, facts: await campaignFacts(ctx, campaign) }, excluded);
  await ctx.audit({ action: 'assistance.campaign.approve', category: 'write', targetType: 'assistance_aid_campaign', targetId: campaign.id, details: { approved: result.households, excluded: excluded.length } });
  return result;
}

/**
 * 发放: one record per approved household (已发放 or 已送达), all in this
 * transaction — a failure writes none. A household whose file is no longer
 * filed is left out and named.
 */
export async function distributeCampaign(ctx: RequestContext, campaignId: number, expectedVersion: number) {
  const user = requireUser(ctx);
  const campaign = await loadCampaign(ctx, campaignId, { lock: true });
  const excluded: Offender[] = [];
  const now = ctx.now();
  // The guard reads the list as approved (distributed rows are no longer 'approved').
  const facts = await campaignFacts(ctx, campaign);
  const rows = campaign.status === 'approved' ? await lockRows(ctx, campaign.id, 'approved') : [];
  for (const { row, household } of rows) {
    const reason = notFiledReason(household);
    if (reason) {
      excluded.push({ householdId: household.id, name: household.workerName, reason });
      await exclude(ctx, campaign.id, household.id, reason);
      continue;
    }
    const record = await ctx.db
      .insertInto('assistance_aid_record')
      .values({
        household_id: household.id,
        org_path: household.org_path,
        paying_org_unit_id: campaign.org_unit_id,
        category: campaign.category,
        subkind: campaign.subkind,
        funding_source: campaign.funding_source,
        kind: campaign.kind,
        item_description: campaign.item_description,
        quantity: campaign.kind === 'in_kind' ? 1 : null,
        amount: row.amount,
        aid_date: campaign.aid_date,
        aid_year: row.aid_year,
        student_member_id: row.student_member_id,
        education_stage: row.education_stage,
        note: campaign.name,
        status: campaign.kind === 'cash' ? 'paid' : 'delivered',
        campaign_id: campaign.id,
        paid_at: now,
        created_by: user.account.id,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.db.updateTable('assistance_aid_campaign_household').set({ status: 'distributed', record_id: record.id }).where('campaign_id', '=', campaign.id).where('household_id', '=', household.id).execute();
  }
  const result = await step(ctx, campaign, 'distribute', { expectedVersion, comment: null, facts }, excluded);
  await ctx.audit({ action: 'assistance.campaign.distribute', category: 'write', targetType: 'assistance_aid_campaign', targetId: campaign.id, details: { records: result.households, excluded: excluded.length } });
  return result;
}

export async function cancelCampaign(ctx: RequestContext, campaignId: number, expectedVersion: number, comment: string | null) {
  const campaign = await loadCampaign(ctx, campaignId, { lock: true });
  return step(ctx, campaign, 'cancel', { expectedVersion, comment, facts: await campaignFacts(ctx, campaign) }, []);
}
