import { defineRoute } from '../../../../core/http/route';
import { PLANS_READ, PLANS_SUPERVISE, PLANS_WRITE, ZPlanIdParams } from '../../contract';
import { ZCloseSupervisionRequest, ZIssueSupervisionRequest, ZReplySupervisionRequest, ZSupervisionBoard, ZSupervisionItem, ZSupervisionParams } from '../../supervision-contract';
import { closeSupervision } from '../supervision/close-supervision';
import { getSupervisionBoard } from '../supervision/get-supervision-board';
import { issueSupervision } from '../supervision/issue-supervision';
import { replySupervision } from '../supervision/reply-supervision';

/** 督办: flags, issuing, replying, closing. */

export const supervisionBoardRoute = defineRoute({
  method: 'GET',
  url: '/plans/:id/supervision',
  summary: '督办：本单位及下级各收文单位（逐级下发的县、基层工会在内）逾期、存在风险的措施（实时计算），以及本单位范围内的督办事项与记录',
  access: PLANS_READ,
  audit: 'none',
  params: ZPlanIdParams,
  response: ZSupervisionBoard,
  handler: ({ params, ctx }) => getSupervisionBoard(ctx, params.id),
});

export const issueSupervisionRoute = defineRoute({
  method: 'POST',
  url: '/plans/:id/supervision',
  summary: '发起督办（催办、督办函、约谈）：站内通知被督办单位，可同时向其登记的联系电话发送短信',
  access: PLANS_SUPERVISE,
  audit: 'write',
  params: ZPlanIdParams,
  body: ZIssueSupervisionRequest,
  response: ZSupervisionItem,
  handler: ({ params, body, ctx }) => issueSupervision(ctx, params.id, body),
});

export const replySupervisionRoute = defineRoute({
  method: 'POST',
  url: '/plans/:id/supervision/:supervisionId/reply',
  summary: '被督办单位答复：情况说明与预计完成日期',
  access: PLANS_WRITE,
  audit: 'write',
  params: ZSupervisionParams,
  body: ZReplySupervisionRequest,
  response: ZSupervisionItem,
  handler: ({ params, body, ctx }) => replySupervision(ctx, params.id, params.supervisionId, body),
});

export const closeSupervisionRoute = defineRoute({
  method: 'POST',
  url: '/plans/:id/supervision/:supervisionId/close',
  summary: '督办单位办结督办事项',
  access: PLANS_SUPERVISE,
  audit: 'write',
  params: ZSupervisionParams,
  body: ZCloseSupervisionRequest,
  response: ZSupervisionItem,
  handler: ({ params, body, ctx }) => closeSupervision(ctx, params.id, params.supervisionId, body),
});

export const SUPERVISION_ROUTES = [supervisionBoardRoute, issueSupervisionRoute, replySupervisionRoute, closeSupervisionRoute];
