import { defineRoute } from '../../../../core/http/route';
import { ASSISTANCE_READ, ASSISTANCE_REVIEW, ASSISTANCE_WRITE } from '../../contract';
import {
  ZAlertDecisionInput,
  ZAlertDecisionResult,
  ZAlertIdParams,
  ZAlertList,
  ZAlertListQuery,
  ZCallbackIdParams,
  ZCallbackInput,
  ZCallbackList,
  ZCallbackListQuery,
  ZCallbackResult,
  ZExitInput,
  ZExitResult,
  ZHouseholdIdParams,
  ZIncomeCheckInput,
  ZIncomeCheckList,
  ZIncomeCheckResult,
  ZMonitoringSummary,
  ZMonitoringSummaryQuery,
  ZRiskSignalInput,
  ZRiskSignalResult,
} from '../../monitoring-contract';
import { decideAlert } from './decide-alert';
import { exitHousehold } from './exit-household';
import { findIncomeChecks } from './income-check-views';
import { findAlerts, findCallbacks, monitoringSummary } from './monitoring-views';
import { recordCallback } from './record-callback';
import { recordIncomeCheck } from './record-income-check';
import { reportRiskSignal } from './report-risk-signal';

/**
 * 脱困 and 返困监测 (domain.md §2.5). Income, health and call-back notes are
 * sensitive (PIPL 第二十八条): lists naming workers are audited as
 * sensitive-read; the dashboard's counts are aggregates.
 */
export const recordIncomeCheckRoute = defineRoute({
  method: 'POST',
  url: '/assistance/households/:id/income-checks',
  summary: '登记月度收入核查（每户每月一条），按当月低保标准判断是否符合脱困条件；监测期内收入过低产生返困风险信号',
  access: ASSISTANCE_WRITE,
  audit: 'write',
  params: ZHouseholdIdParams,
  body: ZIncomeCheckInput,
  response: ZIncomeCheckResult,
  handler: ({ params, body, ctx }) => recordIncomeCheck(ctx, params.id, body),
});

export const findIncomeChecksRoute = defineRoute({
  method: 'GET',
  url: '/assistance/households/:id/income-checks',
  summary: '档案的月度收入核查记录及脱困条件判断（说明连续月份和所用低保标准；记入审计）',
  access: ASSISTANCE_READ,
  audit: 'sensitive-read',
  params: ZHouseholdIdParams,
  response: ZIncomeCheckList,
  handler: ({ params, ctx }) => findIncomeChecks(ctx, params.id),
});

export const exitHouseholdRoute = defineRoute({
  method: 'POST',
  url: '/assistance/households/:id/exit',
  summary: '脱困退出（审核人办理；收入原因须符合连续月数条件，其他原因须上传佐证材料；死亡、迁出直接销档，其余进入返困监测并生成回访任务）',
  access: ASSISTANCE_REVIEW,
  audit: 'write',
  params: ZHouseholdIdParams,
  body: ZExitInput,
  response: ZExitResult,
  handler: ({ params, body, ctx }) => exitHousehold(ctx, params.id, body),
});

export const reportRiskSignalRoute = defineRoute({
  method: 'POST',
  url: '/assistance/households/:id/risk-signals',
  summary: '登记返困风险信号（新发重大疾病、失业、意外、大额医疗支出、收入下降），产生或并入返困预警',
  access: ASSISTANCE_WRITE,
  audit: 'write',
  params: ZHouseholdIdParams,
  body: ZRiskSignalInput,
  response: ZRiskSignalResult,
  handler: ({ params, body, ctx }) => reportRiskSignal(ctx, params.id, body),
});

export const findCallbacksRoute = defineRoute({
  method: 'GET',
  url: '/assistance/monitoring/callbacks',
  summary: '回访任务（待回访、已逾期、已回访），按地区子树（记入审计）',
  access: ASSISTANCE_READ,
  audit: 'sensitive-read',
  query: ZCallbackListQuery,
  response: ZCallbackList,
  handler: async ({ query, ctx }) => {
    const list = await findCallbacks(ctx, query);
    await ctx.audit({ action: 'assistance.monitoring.callback_list', category: 'sensitive-read', targetType: 'org_unit', targetId: query.orgUnitId ?? ctx.user!.org.id, details: { filter: query.filter, rows: list.items.length } });
    return list;
  },
});

export const recordCallbackRoute = defineRoute({
  method: 'POST',
  url: '/assistance/monitoring/callbacks/:id',
  summary: '登记回访（日期、联系结果、家庭情况、风险标记；风险标记产生返困风险信号）',
  access: ASSISTANCE_WRITE,
  audit: 'write',
  params: ZCallbackIdParams,
  body: ZCallbackInput,
  response: ZCallbackResult,
  handler: ({ params, body, ctx }) => recordCallback(ctx, params.id, body),
});

export const findAlertsRoute = defineRoute({
  method: 'GET',
  url: '/assistance/monitoring/alerts',
  summary: '返困预警列表（按状态、地区子树，含风险信号和总数；记入审计）',
  access: ASSISTANCE_READ,
  audit: 'sensitive-read',
  query: ZAlertListQuery,
  response: ZAlertList,
  handler: async ({ query, ctx }) => {
    const list = await findAlerts(ctx, query);
    await ctx.audit({ action: 'assistance.monitoring.alert_list', category: 'sensitive-read', targetType: 'org_unit', targetId: query.orgUnitId ?? ctx.user!.org.id, details: { status: query.status, rows: list.items.length } });
    return list;
  },
});

export const startReentryRoute = defineRoute({
  method: 'POST',
  url: '/assistance/monitoring/alerts/:id/reentry',
  summary: '研判返困预警：启动重新纳入审核（档案回到基层工会初审，保留全部记录）',
  access: ASSISTANCE_REVIEW,
  audit: 'write',
  params: ZAlertIdParams,
  body: ZAlertDecisionInput,
  response: ZAlertDecisionResult,
  handler: ({ params, body, ctx }) => decideAlert(ctx, params.id, 'reentry', body),
});

export const dismissAlertRoute = defineRoute({
  method: 'POST',
  url: '/assistance/monitoring/alerts/:id/dismiss',
  summary: '研判返困预警：排除（须填写理由；档案继续监测至监测期满）',
  access: ASSISTANCE_REVIEW,
  audit: 'write',
  params: ZAlertIdParams,
  body: ZAlertDecisionInput,
  response: ZAlertDecisionResult,
  handler: ({ params, body, ctx }) => decideAlert(ctx, params.id, 'dismiss', body),
});

export const monitoringSummaryRoute = defineRoute({
  method: 'GET',
  url: '/assistance/monitoring/summary',
  summary: '脱困与返困统计：各年度脱困、稳定脱困、返困户数，监测中户数，待研判预警数，逾期回访数（按地区子树）',
  access: ASSISTANCE_READ,
  audit: 'none',
  query: ZMonitoringSummaryQuery,
  response: ZMonitoringSummary,
  handler: ({ query, ctx }) => monitoringSummary(ctx, query),
});

/** In manifest order (index.ts). */
export const MONITORING_ROUTES = [
  recordIncomeCheckRoute,
  findIncomeChecksRoute,
  exitHouseholdRoute,
  reportRiskSignalRoute,
  findCallbacksRoute,
  recordCallbackRoute,
  findAlertsRoute,
  startReentryRoute,
  dismissAlertRoute,
  monitoringSummaryRoute,
] as const;
