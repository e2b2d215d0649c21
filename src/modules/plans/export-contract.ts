import { z } from 'zod';

/**
 * The status report export (issue 5, "Dashboard": 导出落实情况报告 as .xlsx and
 * as a printable PDF laid out like an official document). Shared by the
 * server routes and the console's 导出 menu.
 *
 * A status report holds no personal data — it names unions, measures, figures
 * and the unions' own narratives, never a member or an account — so, unlike
 * the member and audit exports, it asks no purpose (PIPL art. 6 concerns
 * personal information); the export is still recorded in the audit trail with
 * the file's hash.
 */

export const STATUS_REPORT_FORMATS = ['xlsx', 'pdf'] as const;
export type TStatusReportFormat = (typeof STATUS_REPORT_FORMATS)[number];

export const ZStatusReportQuery = z.object({
  /** The union to report at (its subtree); default as the roll-up: the caller's own union, else the plan's owner. */
  orgUnitId: z.coerce.number().int().positive('单位编号须为正整数').optional(),
  /** 截至日期 (YYYY-MM-DD, Beijing); default today. Reports submitted and figures accepted after it are left out. */
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '截至日期格式应为 YYYY-MM-DD')
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), '截至日期不是有效日期')
    .optional(),
});
export type TStatusReportQuery = z.infer<typeof ZStatusReportQuery>;

/** The download address of a plan's status report. */
export function statusReportUrl(planId: number, format: TStatusReportFormat, query: { orgUnitId?: number; asOf?: string } = {}): string {
  const params = new URLSearchParams();
  if (query.orgUnitId !== undefined) params.set('orgUnitId', String(query.orgUnitId));
  if (query.asOf) params.set('asOf', query.asOf);
  const search = params.toString();
  return `/api/plans/${planId}/status-report.${format}${search ? `?${search}` : ''}`;
}
