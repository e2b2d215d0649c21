import { sql } from 'kysely';
import { orgPathInScope } from '../../../../core/access/scope';
import { AppError } from '../../../../core/http/errors';
import type { RequestContext } from '../../../../core/http/request-context';
import { isWithin, subtreeOf } from '../../../../core/org/tree';
import { CAMPAIGN_MAX_HOUSEHOLDS, type TCampaignSelect } from '../../aid-contract';
import { loadHousehold } from '../queries/load-household';
import { notFiledReason } from './aid-household';
import { assertDraft, campaignAmountFen, type CampaignRow, loadCampaign } from './campaign-load';
import { formatYuan } from '../../rules/money';
import type { HardshipTier } from '../../contract';

type Candidate = { id: number; org_path: string; filed_tier: HardshipTier | null; name: string };

/** A 助学 campaign gives to a student of the household: the first member at school (家庭成员 order). */
async function studentsOf(ctx: RequestContext, householdIds: readonly number[]): Promise<Map<number, number>> {
  if (householdIds.length === 0) return new Map();
  const rows = await ctx.db
    .selectFrom('assistance_household_member')
    .select(['household_id', 'id'])
    .where('household_id', 'in', householdIds)
    .where('employment', '=', 'student')
    .orderBy('household_id')
    .orderBy('position')
    .execute();
  const first = new Map<number, number>();
  for (const row of rows) if (!first.has(row.household_id)) first.set(row.household_id, row.id);
  return first;
}

/** Puts households on the list; a 助学 campaign skips (and names) a household without a student. */
async function addRows(ctx: RequestContext, campaign: CampaignRow, candidates: readonly Candidate[]) {
  const students = campaign.category === 'education' ? await studentsOf(ctx, candidates.map((candidate) => candidate.id)) : new Map<number, number>();
  const skipped: { householdId: number; name: string; reason: string }[] = [];
  const rows = [];
  for (const candidate of candidates) {
    const student = students.get(candidate.id) ?? null;
    if (campaign.category === 'education' && student === null) {
      skipped.push({ householdId: candidate.id, name: candidate.name, reason: '家庭成员中没有在校学生，助学活动不能列入' });
      continue;
    }
    rows.push({
      campaign_id: campaign.id,
      household_id: candidate.id,
      org_path: candidate.org_path,
      amount: formatYuan(campaignAmountFen(campaign, candidate.filed_tier)),
      category: campaign.category,
      aid_year: Number(campaign.aid_date.slice(0, 4)),
      student_member_id: student,
      education_stage: campaign.education_stage,
    });
  }
  const listed = await ctx.db.selectFrom('assistance_aid_campaign_household').select(sql<number>`count(*)::int`.as('n')).where('campaign_id', '=', campaign.id).executeTakeFirstOrThrow();
  if (listed.n + rows.length > CAMPAIGN_MAX_HOUSEHOLDS) throw new AppError('CONFLICT', `一个活动的名单至多 ${CAMPAIGN_MAX_HOUSEHOLDS} 户，请缩小选取范围或分批开展`);
  if (rows.length > 0) await ctx.db.insertInto('assistance_aid_campaign_household').values(rows).onConflict((oc) => oc.doNothing()).execute();
  return { added: rows.length, skipped };
}

/**
 * 按条件选取: the filed households of a subtree (within the paying union's and
 * the caller's) by tier and cause, not yet on the list. The amount follows the
 * household's tier (the campaign's 分档标准) or the standard per household.
 */
export async function selectCampaignHouseholds(ctx: RequestContext, campaignId: number, filter: TCampaignSelect) {
  const campaign = await loadCampaign(ctx, campaignId, { lock: true });
  assertDraft(campaign);
  const rootPath = filter.orgUnitId === undefined ? campaign.org_path : await orgPathInScope(ctx, filter.orgUnitId);
  if (!isWithin(campaign.org_path, rootPath)) throw new AppError('VALIDATION_FAILED', '选取范围应在发放单位之内', { field: 'orgUnitId' });
  let query = ctx.db
    .selectFrom('assistance_household as h')
    .innerJoin('person as p', 'p.id', 'h.person_id')
    .select(['h.id', 'h.org_path', 'h.filed_tier', 'p.name'])
    .where(subtreeOf('h.org_path', rootPath))
    .where('h.status', '=', 'filed')
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('assistance_aid_campaign_household as c').select('c.household_id').where('c.campaign_id', '=', campaign.id).whereRef('c.household_id', '=', 'h.id'))),
    );
  if (filter.tiers?.length) query = query.where('h.filed_tier', 'in', filter.tiers);
  if (filter.causes?.length) {
    const causes = filter.causes;
    query = query.where((eb) => eb.or([eb('h.main_cause', 'in', causes), sql<boolean>`h.secondary_causes && ${sql.val(causes)}::text[]`]));
  }
  const candidates = await query.orderBy('h.org_path').orderBy('h.id').limit(CAMPAIGN_MAX_HOUSEHOLDS + 1).execute();
  const result = await addRows(ctx, campaign, candidates);
  await ctx.audit({ action: 'assistance.campaign.select', category: 'write', targetType: 'assistance_aid_campaign', targetId: campaign.id, details: { tiers: filter.tiers ?? null, causes: filter.causes ?? null, added: result.added, skipped: result.skipped.length } });
  return result;
}

/** Adds one filed household of the paying union's subtree, at the given amount or the standard. */
export async function addCampaignHousehold(ctx: RequestContext, campaignId: number, input: { householdId: number; amount?: number | undefined }) {
  const campaign = await loadCampaign(ctx, campaignId, { lock: true });
  assertDraft(campaign);
  const household = await loadHousehold(ctx, input.householdId);
  const notFiled = notFiledReason(household);
  if (notFiled) throw new AppError('CONFLICT', notFiled);
  if (!isWithin(campaign.org_path, household.org_path)) throw new AppError('VALIDATION_FAILED', '该家庭不在发放单位的范围内', { field: 'householdId' });
  const person = await ctx.db.selectFrom('person').select('name').where('id', '=', household.person_id).executeTakeFirstOrThrow();
  const exists = await ctx.db.selectFrom('assistance_aid_campaign_household').select('household_id').where('campaign_id', '=', campaign.id).where('household_id', '=', household.id).executeTakeFirst();
  if (exists) throw new AppError('CONFLICT', `${person.name}家已在名单中`);
  const result = await addRows(ctx, campaign, [{ id: household.id, org_path: household.org_path, filed_tier: household.filed_tier, name: person.name }]);
  if (result.skipped[0]) throw new AppError('CONFLICT', result.skipped[0].reason);
  if (input.amount !== undefined) {
    await ctx.db.updateTable('assistance_aid_campaign_household').set({ amount: input.amount.toFixed(2) }).where('campaign_id', '=', campaign.id).where('household_id', '=', household.id).execute();
  }
  await ctx.audit({ action: 'assistance.campaign.add', category: 'write', targetType: 'assistance_aid_campaign', targetId: campaign.id, details: { householdId: household.id } });
  return result;
}

export async function removeCampaignHousehold(ctx: RequestContext, campaignId: number, householdId: number) {
  const campaign = await loadCampaign(ctx, campaignId, { lock: true });
  assertDraft(campaign);
  const removed = await ctx.db.deleteFrom('assistance_aid_campaign_household').where('campaign_id', '=', campaign.id).where('household_id', '=', householdId).executeTakeFirst();
  if (Number(removed.numDeletedRows) === 0) throw new AppError('NOT_FOUND', '该家庭不在名单中');
  await ctx.audit({ action: 'assistance.campaign.remove', category: 'write', targetType: 'assistance_aid_campaign', targetId: campaign.id, details: { householdId } });
  return { added: 0, skipped: [] };
}
