import { z } from 'zod';

/**
 * 帮扶统计 (issue 6 "Dashboard"): the figures of a union's subtree and a year,
 * as the API, the console page and the .xlsx export share them. Aggregates
 * only: no names, no ID numbers.
 */

const year = z.coerce.number({ error: '请选择年份' }).int('年份应为整数').min(2000, '年份应在 2000 年至 2100 年之间').max(2100, '年份应在 2000 年至 2100 年之间');

export const ZDashboardQuery = z.object({
  /** A union in the caller's scope (default: the caller's own); its subtree is counted. */
  orgUnitId: z.coerce.number({ error: '请选择单位' }).int().positive('请选择单位').optional(),
  /** Funds, budget, exits and returns of this year (default: this year, Beijing time). */
  year: year.optional(),
});
export type TDashboardQuery = z.output<typeof ZDashboardQuery>;

const ZCountLine = z.object({ code: z.string(), label: z.string(), count: z.number().int() });

/** One bar of the regional breakdown: a child union's subtree, or the asked union's own files (isOwn). */
const ZUnitLine = z.object({
  orgUnitId: z.number().int(),
  name: z.string(),
  isOwn: z.boolean(),
  /** 在档 (filed) by tier. */
  deep: z.number().int(),
  relative: z.number().int(),
  accident: z.number().int(),
  filed: z.number().int(),
  /** 建档中 (application to public notice). */
  inProgress: z.number().int(),
  /** 脱困监测中. */
  monitoring: z.number().int(),
});

const ZFundsLine = z.object({ code: z.string(), label: z.string(), amount: z.number(), records: z.number().int(), budget: z.number() });

export const ZAssistanceDashboard = z.object({
  orgUnit: z.object({ id: z.number().int(), name: z.string() }),
  year: z.number().int(),
  /** The Beijing day the figures were read (counts of files are as of now, not as of the year's end). */
  asOf: z.string(),
  households: z.object({
    /** Every file of the subtree, whatever its state. */
    total: z.number().int(),
    filed: z.number().int(),
    inProgress: z.number().int(),
    byTier: z.array(ZCountLine),
    byCause: z.array(ZCountLine),
    byStatus: z.array(ZCountLine),
    byUnit: z.array(ZUnitLine),
  }),
  funds: z.object({
    disbursed: z.number(),
    records: z.number().int(),
    approvedNotPaid: z.number(),
    /** Sum of the budgets of the year's campaigns paid by unions of the subtree (not cancelled). */
    budget: z.number(),
    campaigns: z.number().int(),
    bySource: z.array(ZFundsLine),
    byCategory: z.array(ZFundsLine),
  }),
  monitoring: z.object({
    /** 脱困 taken in the year; 稳定脱困 and 返困 (re-entry) by the year the monitoring ended. */
    exits: z.number().int(),
    stable: z.number().int(),
    returns: z.number().int(),
    byYear: z.array(z.object({ year: z.number().int(), exits: z.number().int(), stable: z.number().int(), returns: z.number().int() })),
    monitoring: z.number().int(),
    openAlerts: z.number().int(),
    overdueCallbacks: z.number().int(),
    meetsExitCondition: z.number().int(),
  }),
});
export type TAssistanceDashboard = z.output<typeof ZAssistanceDashboard>;

/**
 * Why the budget is what it is: the platform keeps no annual budget table
 * (预算) yet, so the figure is what the campaigns (批量帮扶活动) set aside.
 * Shown under the funds chart and in the workbook.
 */
export const BUDGET_NOTE = '预算为本单位及下级工会本年度批量帮扶活动（未撤销）预算之和；平台暂无年度帮扶资金预算表，单笔登记的帮扶记录不计入预算。';
