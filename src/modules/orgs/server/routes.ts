import { defineRoute } from '../../../core/http/route';
import {
  ORGS_READ,
  ORGS_WRITE,
  ZCreateOrgRequest,
  ZDissolveOrgRequest,
  ZEditOrgRequest,
  ZMergeOrgRequest,
  ZMoveOrgRequest,
  ZOrgChangeResult,
  ZOrgChildren,
  ZOrgChildrenQuery,
  ZOrgDetail,
  ZOrgIdParams,
  ZOrgSummary,
  ZOrgSummaryQuery,
} from '../contract';
import { findOrgChildren } from './queries/find-org-children';
import { getOrgDetail } from './queries/get-org-detail';
import { getOrgSummary } from './queries/get-org-summary';
import { createOrg } from './use-cases/create-org';
import { dissolveOrg } from './use-cases/dissolve-org';
import { editOrg } from './use-cases/edit-org';
import { mergeOrg } from './use-cases/merge-org';
import { moveOrg } from './use-cases/move-org';

export { ORGS_READ, ORGS_WRITE };

export const orgChildrenRoute = defineRoute({
  method: 'GET',
  url: '/orgs/children',
  summary: '下级组织（不带 parentId 时为当前组织本身；按名称筛选 q；键集分页 after）',
  access: ORGS_READ,
  audit: 'none',
  query: ZOrgChildrenQuery,
  response: ZOrgChildren,
  handler: ({ query, ctx }) => findOrgChildren(ctx, query),
});

export const orgSummaryRoute = defineRoute({
  method: 'GET',
  url: '/orgs/summary',
  summary: '组织概况：按类型统计、职工人数、各下级的基层工会数',
  access: ORGS_READ,
  audit: 'none',
  query: ZOrgSummaryQuery,
  response: ZOrgSummary,
  handler: ({ query, ctx }) => getOrgSummary(ctx, query.rootId),
});

export const orgDetailRoute = defineRoute({
  method: 'GET',
  url: '/orgs/:id',
  summary: '组织详情（登记信息，联系电话脱敏）及上级路径',
  access: ORGS_READ,
  audit: 'none',
  params: ZOrgIdParams,
  response: ZOrgDetail,
  handler: ({ params, ctx }) => getOrgDetail(ctx, params.id),
});

export const createOrgRoute = defineRoute({
  method: 'POST',
  url: '/orgs',
  summary: '新建下级组织（上级须在管理范围内且未撤销；类型须符合隶属规则；组织代码可由系统生成）',
  access: ORGS_WRITE,
  audit: 'write',
  body: ZCreateOrgRequest,
  response: ZOrgDetail,
  handler: ({ body, ctx }) => createOrg(ctx, body),
});

export const editOrgRoute = defineRoute({
  method: 'PUT',
  url: '/orgs/:id',
  summary: '修改组织信息（未提交的字段不变，null 清空；须回传 updatedAt，他人已修改时 409）',
  access: ORGS_WRITE,
  audit: 'write',
  params: ZOrgIdParams,
  body: ZEditOrgRequest,
  response: ZOrgDetail,
  handler: ({ params, body, ctx }) => editOrg(ctx, params.id, body),
});

export const moveOrgRoute = defineRoute({
  method: 'POST',
  url: '/orgs/:id/move',
  summary: '调整隶属关系（连同全部下级；不能调整本组织，不能移到自身下级之下）',
  access: ORGS_WRITE,
  audit: 'write',
  params: ZOrgIdParams,
  body: ZMoveOrgRequest,
  response: ZOrgChangeResult,
  handler: ({ params, body, ctx }) => moveOrg(ctx, params.id, body),
});

export const dissolveOrgRoute = defineRoute({
  method: 'POST',
  url: '/orgs/:id/dissolve',
  summary: '撤销组织（须先撤销或迁移下级；会员等转入接收工会，默认上级，历史保留）',
  access: ORGS_WRITE,
  audit: 'write',
  params: ZOrgIdParams,
  body: ZDissolveOrgRequest,
  response: ZOrgChangeResult,
  handler: ({ params, body, ctx }) => dissolveOrg(ctx, params.id, body),
});

export const mergeOrgRoute = defineRoute({
  method: 'POST',
  url: '/orgs/:id/merge',
  summary: '合并组织（下级组织与会员等转入目标工会，本组织撤销并记录合并去向）',
  access: ORGS_WRITE,
  audit: 'write',
  params: ZOrgIdParams,
  body: ZMergeOrgRequest,
  response: ZOrgChangeResult,
  handler: ({ params, body, ctx }) => mergeOrg(ctx, params.id, body),
});

export const ORG_ROUTES = [
  orgChildrenRoute,
  orgSummaryRoute,
  orgDetailRoute,
  createOrgRoute,
  editOrgRoute,
  moveOrgRoute,
  dissolveOrgRoute,
  mergeOrgRoute,
];
