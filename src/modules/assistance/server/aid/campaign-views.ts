import { sql } from 'kysely';
import { inCallerScope } from '../../../../core/access/scope';
import { beijingDateStamp } from '../../../../core/files/beijing-time';
import type { ExportColumn } from '../../../../core/files/xlsx-export';
import { buildXlsx, checkExportPurpose } from '../../../../core/files/xlsx-response';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import { availableActions, describeInstance, findWorkflowInstance } from '../../../../core/workflow/engine';
import type { TCampaign, TCampaignDetail } from '../../aid-contract';
import { AID_CATEGORY_LABELS, AID_SUBKIND_LABELS, CAMPAIGN_ROW_STATUS_LABELS, CAMPAIGN_STATUS_LABELS, type CampaignStatus, FUNDING_SOURCE_LABELS } from '../../aid-vocabulary';
import { HARDSHIP_TIER_LABELS } from '../../contract';
import { yuanNumber } from './aid-record-views';
import { campaignFacts, type CampaignRow, loadCampaign } from './campaign-load';
import { CAMPAIGN_RECORD_TYPE, campaignWorkflow } from './campaign-workflow';

type Counted = CampaignRow & { unionName: string; households: number; amount: string };

const toCampaign = (row: Counted): TCampaign => ({
  id: row.id,
  name: row.name,
  payingUnion: { id: row.org_unit_id, name: row.unionName },
  category: row.category,
  categoryLabel: row.subkind ? AID_SUBKIND_LABELS[row.subkind] : AID_CATEGORY_LABELS[row.category],
  fundingSource: row.funding_source,
  fundingSourceLabel: FUNDING_SOURCE_LABELS[row.funding_source],
  kind: row.kind,
  itemDescription: row.item_description,
  standardAmount: yuanNumber(row.standard_amount),
  tierAmounts: row.tier_amounts,
  budget: yuanNumber(row.budget),
  aidDate: row.aid_date,
  educationStage: row.education_stage,
  status: row.status,
  statusLabel: CAMPAIGN_STATUS_LABELS[row.status],
  households: Number(row.households),
  amount: yuanNumber(row.amount),
  createdAt: row.created_at.toISOString(),
});

async function campaignsWhere(ctx: RequestContext, filter: { id?: number; year?: number | undefined; status?: CampaignStatus | undefined }): Promise<TCampaign[]> {
  let query = ctx.db
    .selectFrom('assistance_aid_campaign as c')
    .innerJoin('org_unit as u', 'u.id', 'c.org_unit_id')
    .selectAll('c')
    .select([
      'u.name as unionName',
      sql<number>`(select count(*)::int from assistance_aid_campaign_household x where x.campaign_id = c.id)`.as('households'),
      sql<string>`(select coalesce(sum(x.amount), 0)::text from assistance_aid_campaign_household x where x.campaign_id = c.id and x.status <> 'excluded')`.as('amount'),
    ])
    .where(inCallerScope(ctx, 'c.org_path'));
  if (filter.id !== undefined) query = query.where('c.id', '=', filter.id);
  if (filter.year !== undefined) query = query.where(sql<boolean>`extract(year from c.aid_date) = ${filter.year}`);
  if (filter.status !== undefined) query = query.where('c.status', '=', filter.status);
  const rows = await query.orderBy('c.aid_date', 'desc').orderBy('c.id', 'desc').limit(500).execute();
  return rows.map(toCampaign);
}

/** 帮扶活动 of the caller's subtree (their paying unions), newest first. */
export const listCampaigns = async (ctx: RequestContext, query: { year?: number | undefined; status?: CampaignStatus | undefined }) => ({ items: await campaignsWhere(ctx, query) });

/** The list's rows with each household's worker (masked ID), union, tier, amount and receipt. */
async function campaignRows(ctx: RequestContext, campaignId: number) {
  const rows = await ctx.db
    .selectFrom('assistance_aid_campaign_household as c')
    .innerJoin('assistance_household as h', 'h.id', 'c.household_id')
    .innerJoin('person as p', 'p.id', 'h.person_id')
    .innerJoin('org_unit as u', 'u.id', 'h.org_unit_id')
    .leftJoin('assistance_aid_record as r', 'r.id', 'c.record_id')
    .select(['c.household_id', 'c.amount', 'c.status', 'c.excluded_reason', 'c.record_id', 'p.name', 'p.id_number_masked', 'u.id as unionId', 'u.name as unionName', 'h.filed_tier', 'r.received_on', 'r.receipt_signer'])
    .where('c.campaign_id', '=', campaignId)
    .orderBy('h.org_path')
    .orderBy('c.household_id')
    .execute();
  return rows.map((row) => ({
    householdId: row.household_id,
    name: row.name,
    idNumberMasked: row.id_number_masked,
    union: { id: row.unionId, name: row.unionName },
    tier: row.filed_tier,
    tierLabel: row.filed_tier ? HARDSHIP_TIER_LABELS[row.filed_tier] : '',
    amount: yuanNumber(row.amount),
    status: row.status,
    statusLabel: CAMPAIGN_ROW_STATUS_LABELS[row.status],
    excludedReason: row.excluded_reason,
    recordId: row.record_id,
    receivedOn: row.received_on ?? null,
    receiptSigner: row.receipt_signer ?? null,
  }));
}

/** One campaign with its list, workflow and the buttons this user has (names of households: audited). */
export async function getCampaignDetail(ctx: RequestContext, campaignId: number): Promise<TCampaignDetail> {
  const campaign = await loadCampaign(ctx, campaignId);
  const [summary] = await campaignsWhere(ctx, { id: campaignId });
  const instance = await findWorkflowInstance(ctx, campaignWorkflow, { recordType: CAMPAIGN_RECORD_TYPE, recordId: campaignId });
  const actions = instance ? await availableActions(ctx, campaignWorkflow, instance, { record: await campaignFacts(ctx, campaign) }) : [];
  const rows = await campaignRows(ctx, campaignId);
  await ctx.audit({ action: 'assistance.campaign.read', category: 'sensitive-read', targetType: 'assistance_aid_campaign', targetId: campaignId, details: { rows: rows.length } });
  return { ...summary!, rows, workflow: instance ? describeInstance(campaignWorkflow, instance) : null, actions };
}

const COLUMNS: ExportColumn[] = [
  { key: 'no', header: '序号', width: 6 },
  { key: 'name', header: '姓名', width: 10 },
  { key: 'idNumberMasked', header: '身份证号（脱敏）', width: 22 },
  { key: 'union', header: '所在工会', width: 28 },
  { key: 'tier', header: '困难类别', width: 10 },
  { key: 'amount', header: '金额（元）', width: 12 },
  { key: 'status', header: '状态', width: 10 },
  { key: 'signature', header: '签收（本人签字）', width: 18 },
  { key: 'receivedOn', header: '签收日期', width: 12 },
];

/**
 * 发放名单 as .xlsx to print for signatures (签收 column left blank for the
 * pen; rows signed on the platform show the day). Excluded households are
 * not on it. Masked ID numbers, a watermark, and an audit event with the hash.
 */
export async function exportCampaign(ctx: RequestContext, campaignId: number, purpose: string) {
  const user = requireUser(ctx);
  checkExportPurpose(purpose);
  const campaign = await loadCampaign(ctx, campaignId);
  const rows = (await campaignRows(ctx, campaignId)).filter((row) => row.status !== 'excluded');
  const at = ctx.now();
  const file = await buildXlsx({
    sheetName: '发放签收表',
    title: `${campaign.name} 发放签收表`,
    columns: COLUMNS,
    rows: rows.map((row, index) => ({
      no: index + 1,
      name: row.name,
      idNumberMasked: row.idNumberMasked,
      union: row.union.name,
      tier: row.tierLabel,
      amount: row.amount.toFixed(2),
      status: row.statusLabel,
      signature: row.receivedOn ? (row.receiptSigner ?? '') : '',
      receivedOn: row.receivedOn ?? '',
    })),
    watermark: { user: `${user.account.name}（${user.account.login}）`, org: user.org.name, at, purpose },
  });
  await ctx.audit({
    action: 'assistance.campaign.export',
    category: 'export',
    reason: purpose,
    targetType: 'assistance_aid_campaign',
    targetId: campaignId,
    details: { rowCount: file.rowCount, bytes: file.bytes, sha256: file.sha256 },
  });
  const stamp = beijingDateStamp(at);
  return { file, truncated: false, fileName: `${campaign.name}-签收表-${stamp}.xlsx`, asciiFileName: `campaign-${campaignId}-${stamp}.xlsx` };
}
