import { sendXlsx, ZXlsxFile } from '../../../../core/files/xlsx-response';
import { defineRoute } from '../../../../core/http/route';
import {
  ASSISTANCE_EXPORT,
  ZAidActionInput,
  ZAidActionParams,
  ZAidIdParams,
  ZAidRecordDetail,
  ZCampaignAddHousehold,
  ZCampaignCancel,
  ZCampaignDecision,
  ZCampaignDetail,
  ZCampaignExportQuery,
  ZCampaignHouseholdParams,
  ZCampaignList,
  ZCampaignListQuery,
  ZCampaignReceiptResult,
  ZCampaignReceipts,
  ZCampaignSelect,
  ZCampaignSelectResult,
  ZCampaignVersion,
  ZCreateAidRecord,
  ZCreateCampaign,
  ZFundsSummary,
  ZFundsSummaryQuery,
  ZHouseholdAid,
  ZHouseholdAidQuery,
} from '../../aid-contract';
import { ASSISTANCE_READ, ASSISTANCE_REVIEW, ASSISTANCE_WRITE } from '../../contract';
import { confirmCampaignReceipts } from './campaign-receipts';
import { exportCampaign, getCampaignDetail, listCampaigns } from './campaign-views';
import { createAidRecord } from './create-aid-record';
import { createCampaign } from './create-campaign';
import { approveCampaign, cancelCampaign, distributeCampaign } from './decide-campaign';
import { addCampaignHousehold, removeCampaignHousehold, selectCampaignHouseholds } from './edit-campaign-list';
import { fundsSummary } from './funds-summary';
import { householdAid } from './household-aid';
import { getAidRecordDetail, takeAidAction } from './take-aid-action';

/**
 * 帮扶记录 (payments and in-kind deliveries) and 批量帮扶活动. Who may take a
 * workflow step is decided by the workflow's actor rules (the action routes
 * pass any `assistance.read` holder through to them); every read that names
 * households and sums given to them is audited as sensitive-read.
 */
export const createAidRecordRoute = defineRoute({
  method: 'POST',
  url: '/assistance/aid/records',
  summary: '登记帮扶记录（现金或实物，待审批）：只限已建档家庭，超出年度上限的不予登记',
  access: ASSISTANCE_WRITE,
  audit: 'write',
  body: ZCreateAidRecord,
  response: ZAidRecordDetail,
  handler: async ({ body, ctx }) => getAidRecordDetail(ctx, await createAidRecord(ctx, body), { audit: false }),
});

export const getAidRecordRoute = defineRoute({
  method: 'GET',
  url: '/assistance/aid/records/:id',
  summary: '查看帮扶记录、审批流程记录及当前用户可办理的步骤（记入审计）',
  access: ASSISTANCE_READ,
  audit: 'sensitive-read',
  params: ZAidIdParams,
  response: ZAidRecordDetail,
  handler: ({ params, ctx }) => getAidRecordDetail(ctx, params.id),
});

export const takeAidActionRoute = defineRoute({
  method: 'POST',
  url: '/assistance/aid/records/:id/actions/:transition',
  summary: '办理帮扶记录的一步：批准（复核年度上限）、不予批准、撤销、发放、实物送达、确认签收',
  access: ASSISTANCE_READ,
  audit: 'write',
  params: ZAidActionParams,
  body: ZAidActionInput,
  response: ZAidRecordDetail,
  handler: ({ params, body, ctx }) => takeAidAction(ctx, params.id, params.transition, body),
});

export const householdAidRoute = defineRoute({
  method: 'GET',
  url: '/assistance/aid/households/:id/records',
  summary: '某困难职工家庭的帮扶记录及各年度合计（档案详情页；记入审计）',
  access: ASSISTANCE_READ,
  audit: 'sensitive-read',
  params: ZAidIdParams,
  query: ZHouseholdAidQuery,
  response: ZHouseholdAid,
  handler: ({ params, query, ctx }) => householdAid(ctx, params.id, query.year),
});

export const fundsSummaryRoute = defineRoute({
  method: 'GET',
  url: '/assistance/aid/summary',
  summary: '帮扶资金汇总：某地区（子树）某年度按资金来源、帮扶类别的发放金额（不含个人信息）',
  access: ASSISTANCE_READ,
  audit: 'read',
  query: ZFundsSummaryQuery,
  response: ZFundsSummary,
  handler: ({ query, ctx }) => fundsSummary(ctx, query),
});

export const createCampaignRoute = defineRoute({
  method: 'POST',
  url: '/assistance/campaigns',
  summary: '新建批量帮扶活动（送温暖、金秋助学等）：类别、资金来源、每户或分档标准、预算、发放单位',
  access: ASSISTANCE_WRITE,
  audit: 'write',
  body: ZCreateCampaign,
  response: ZCampaignDetail,
  handler: async ({ body, ctx }) => getCampaignDetail(ctx, await createCampaign(ctx, body)),
});

export const listCampaignsRoute = defineRoute({
  method: 'GET',
  url: '/assistance/campaigns',
  summary: '批量帮扶活动列表（本级及下级工会发放的活动）',
  access: ASSISTANCE_READ,
  audit: 'read',
  query: ZCampaignListQuery,
  response: ZCampaignList,
  handler: ({ query, ctx }) => listCampaigns(ctx, query),
});

export const getCampaignRoute = defineRoute({
  method: 'GET',
  url: '/assistance/campaigns/:id',
  summary: '批量帮扶活动详情：名单（脱敏）、审批结果、签收情况及可办理的步骤（记入审计）',
  access: ASSISTANCE_READ,
  audit: 'sensitive-read',
  params: ZAidIdParams,
  response: ZCampaignDetail,
  handler: ({ params, ctx }) => getCampaignDetail(ctx, params.id),
});

export const selectCampaignHouseholdsRoute = defineRoute({
  method: 'POST',
  url: '/assistance/campaigns/:id/select',
  summary: '按困难类别、致困原因、地区（子树）选取已建档家庭加入名单',
  access: ASSISTANCE_WRITE,
  audit: 'write',
  params: ZAidIdParams,
  body: ZCampaignSelect,
  response: ZCampaignSelectResult,
  handler: ({ params, body, ctx }) => selectCampaignHouseholds(ctx, params.id, body),
});

export const addCampaignHouseholdRoute = defineRoute({
  method: 'POST',
  url: '/assistance/campaigns/:id/households',
  summary: '向名单中添加一户（可另定金额）',
  access: ASSISTANCE_WRITE,
  audit: 'write',
  params: ZAidIdParams,
  body: ZCampaignAddHousehold,
  response: ZCampaignSelectResult,
  handler: ({ params, body, ctx }) => addCampaignHousehold(ctx, params.id, body),
});

export const removeCampaignHouseholdRoute = defineRoute({
  method: 'DELETE',
  url: '/assistance/campaigns/:id/households/:householdId',
  summary: '从名单中移除一户（名单审批前）',
  access: ASSISTANCE_WRITE,
  audit: 'write',
  params: ZCampaignHouseholdParams,
  response: ZCampaignSelectResult,
  handler: ({ params, ctx }) => removeCampaignHousehold(ctx, params.id, params.householdId),
});

export const approveCampaignRoute = defineRoute({
  method: 'POST',
  url: '/assistance/campaigns/:id/approve',
  summary: '审批名单：逐户复核是否已建档及年度上限，不符合的逐户列出并移出名单；合计不得超过预算',
  access: ASSISTANCE_REVIEW,
  audit: 'write',
  params: ZAidIdParams,
  body: ZCampaignVersion,
  response: ZCampaignDecision,
  handler: ({ params, body, ctx }) => approveCampaign(ctx, params.id, body.expectedVersion),
});

export const distributeCampaignRoute = defineRoute({
  method: 'POST',
  url: '/assistance/campaigns/:id/distribute',
  summary: '发放：为审批通过的每户生成一条帮扶记录（同一事务，失败则全部不写入）',
  access: ASSISTANCE_WRITE,
  audit: 'write',
  params: ZAidIdParams,
  body: ZCampaignVersion,
  response: ZCampaignDecision,
  handler: ({ params, body, ctx }) => distributeCampaign(ctx, params.id, body.expectedVersion),
});

export const cancelCampaignRoute = defineRoute({
  method: 'POST',
  url: '/assistance/campaigns/:id/cancel',
  summary: '撤销活动（发放前；须填写原因）',
  access: ASSISTANCE_READ,
  audit: 'write',
  params: ZAidIdParams,
  body: ZCampaignCancel,
  response: ZCampaignDecision,
  handler: ({ params, body, ctx }) => cancelCampaign(ctx, params.id, body.expectedVersion, body.comment ?? null),
});

export const campaignReceiptsRoute = defineRoute({
  method: 'POST',
  url: '/assistance/campaigns/:id/receipts',
  summary: '确认签收：逐户或对全部未签收的家庭批量确认',
  access: ASSISTANCE_WRITE,
  audit: 'write',
  params: ZAidIdParams,
  body: ZCampaignReceipts,
  response: ZCampaignReceiptResult,
  handler: ({ params, body, ctx }) => confirmCampaignReceipts(ctx, params.id, body),
});

export const exportCampaignRoute = defineRoute({
  method: 'GET',
  url: '/assistance/campaigns/:id/export',
  summary: '导出发放签收表 Excel（脱敏；带签收栏；须填写用途；带水印；记入审计）',
  access: ASSISTANCE_EXPORT,
  audit: 'export',
  params: ZAidIdParams,
  query: ZCampaignExportQuery,
  response: ZXlsxFile,
  handler: async ({ params, query, ctx, reply }) => {
    const { file, truncated, fileName, asciiFileName } = await exportCampaign(ctx, params.id, query.purpose);
    return sendXlsx(reply, file, { fileName, asciiFileName, truncated });
  },
});

/** Every route of this slice, for the module manifest. */
export const AID_ROUTES = [
  createAidRecordRoute,
  getAidRecordRoute,
  takeAidActionRoute,
  householdAidRoute,
  fundsSummaryRoute,
  createCampaignRoute,
  listCampaignsRoute,
  getCampaignRoute,
  selectCampaignHouseholdsRoute,
  addCampaignHouseholdRoute,
  removeCampaignHouseholdRoute,
  approveCampaignRoute,
  distributeCampaignRoute,
  cancelCampaignRoute,
  campaignReceiptsRoute,
  exportCampaignRoute,
];

