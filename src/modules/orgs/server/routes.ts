import { defineRoute } from '../../../core/http/route';
import {
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

export const ORGS_READ = 'orgs.read';

export const orgChildrenRoute = defineRoute({
  method: 'GET',
  url: '/orgs/children',
  summary: '下级组织（不带 parentId 时为当前组织本身）',
  access: ORGS_READ,
  audit: 'none',
  query: ZOrgChildrenQuery,
  response: ZOrgChildren,
  handler: ({ query, ctx }) => findOrgChildren(ctx, query.parentId),
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
  summary: '组织详情及上级路径',
  access: ORGS_READ,
  audit: 'none',
  params: ZOrgIdParams,
  response: ZOrgDetail,
  handler: ({ params, ctx }) => getOrgDetail(ctx, params.id),
});
