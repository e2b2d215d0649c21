import { defineRoute } from '../../../../core/http/route';
import { PLANS_READ, PLANS_WRITE, ZBindIndicatorRequest, ZPlanDetail, ZPlanIdParams, ZRollup, ZRollupQuery } from '../../contract';
import { getRollup } from '../queries/get-rollup';
import { bindIndicator } from '../use-cases/bind-indicator';

/** Live figures and the roll-up. */

export const bindIndicatorRoute = defineRoute({
  method: 'POST',
  url: '/plans/indicators/:id/binding',
  summary: '绑定统计指标（如某年入会会员数），完成数随业务数据实时更新；metricId 为 null 时解除绑定',
  access: PLANS_WRITE,
  audit: 'write',
  params: ZPlanIdParams,
  body: ZBindIndicatorRequest,
  response: ZPlanDetail,
  handler: ({ params, body, ctx }) => bindIndicator(ctx, params.id, body),
});

export const rollupRoute = defineRoute({
  method: 'GET',
  url: '/plans/:id/rollup',
  summary: '汇总：各措施与指标在本单位的目标、分解、完成、完成率、红黄绿灯，以及各下发单位的同项数据（排名、逾期与风险标记）',
  access: PLANS_READ,
  audit: 'none',
  params: ZPlanIdParams,
  query: ZRollupQuery,
  response: ZRollup,
  handler: ({ params, query, ctx }) => getRollup(ctx, params.id, query),
});

export const ROLLUP_ROUTES = [bindIndicatorRoute, rollupRoute];
