import { defineRoute } from '../../../../core/http/route';
import {
  PLANS_ISSUE,
  PLANS_READ,
  PLANS_WRITE,
  ZAllocateRequest,
  ZAllocationState,
  ZAssignMeasureRequest,
  ZIssuePlanRequest,
  ZIssueResult,
  ZPlanDetail,
  ZPlanIdParams,
} from '../../contract';
import { getAllocationState } from '../queries/allocation-state';
import { acknowledgePlan } from '../use-cases/acknowledge-plan';
import { allocateIndicator } from '../use-cases/allocate-indicator';
import { assignMeasure } from '../use-cases/assign-measure';
import { issuePlan } from '../use-cases/issue-plan';

/** Assignment, issuing down the tree, signing for it, allocating targets. */

export const assignMeasureRoute = defineRoute({
  method: 'PUT',
  url: '/plans/measures/:id/assignment',
  summary: '措施分工：牵头部门、配合部门、责任单位、完成时限、报送周期（整体替换，回传措施 version）',
  access: PLANS_WRITE,
  audit: 'write',
  params: ZPlanIdParams,
  body: ZAssignMeasureRequest,
  response: ZPlanDetail,
  handler: ({ params, body, ctx }) => assignMeasure(ctx, params.id, body),
});

export const issuePlanRoute = defineRoute({
  method: 'POST',
  url: '/plans/:id/issue',
  summary: '下发：由本单位下发给所选下级单位，或某一类全部直属下级（如各市总工会、各产业工会）；收文单位须先签收方可转发',
  access: PLANS_ISSUE,
  audit: 'write',
  params: ZPlanIdParams,
  body: ZIssuePlanRequest,
  response: ZIssueResult,
  handler: ({ params, body, ctx }) => issuePlan(ctx, params.id, body),
});

export const acknowledgePlanRoute = defineRoute({
  method: 'POST',
  url: '/plans/:id/acknowledge',
  summary: '签收下发给本单位的工作部署（记录签收人与时间）',
  access: PLANS_ISSUE,
  audit: 'write',
  params: ZPlanIdParams,
  response: ZPlanDetail,
  handler: ({ params, ctx }) => acknowledgePlan(ctx, params.id),
});

export const allocationStateRoute = defineRoute({
  method: 'GET',
  url: '/plans/indicators/:id/allocations',
  summary: '本单位该指标的目标、已分解到各下发单位的数额与未分解提示',
  access: PLANS_READ,
  audit: 'none',
  params: ZPlanIdParams,
  response: ZAllocationState,
  handler: ({ params, ctx }) => getAllocationState(ctx, params.id),
});

export const allocateIndicatorRoute = defineRoute({
  method: 'PUT',
  url: '/plans/indicators/:id/allocations',
  summary: '分解指标到本单位已下发的单位（整体替换；合计可与目标不同，少于目标时提示）',
  access: PLANS_ISSUE,
  audit: 'write',
  params: ZPlanIdParams,
  body: ZAllocateRequest,
  response: ZAllocationState,
  handler: ({ params, body, ctx }) => allocateIndicator(ctx, params.id, body),
});

export const ISSUE_ROUTES = [assignMeasureRoute, issuePlanRoute, acknowledgePlanRoute, allocationStateRoute, allocateIndicatorRoute];
