import { attachmentDisposition } from '../../../../core/files/content-disposition';
import { ZXlsxFile } from '../../../../core/files/xlsx-response';
import { defineRoute } from '../../../../core/http/route';
import { ASSISTANCE_READ } from '../../contract';
import { ZAssistanceDashboard, ZDashboardQuery } from '../../dashboard-contract';
import { assistanceDashboard } from './assistance-dashboard';
import { exportDashboard } from './export-dashboard';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 帮扶统计: counts and sums of a subtree, no personal data (the lists behind them are audited where they are read). */
export const dashboardRoute = defineRoute({
  method: 'GET',
  url: '/assistance/dashboard',
  summary: '帮扶统计：某单位（子树）困难职工家庭按类别、致困原因、状态、下级单位分布，年度资金按来源和类别对比预算，脱困、返困、预警与逾期回访（不含个人信息）',
  access: ASSISTANCE_READ,
  audit: 'read',
  query: ZDashboardQuery,
  response: ZAssistanceDashboard,
  handler: ({ query, ctx }) => assistanceDashboard(ctx, query),
});

export const dashboardXlsxRoute = defineRoute({
  method: 'GET',
  url: '/assistance/dashboard.xlsx',
  summary: '导出帮扶统计 Excel（概况、类别、原因、状态、分地区、资金来源、帮扶类别、脱困返困；带水印；记入审计）',
  access: ASSISTANCE_READ,
  audit: 'export',
  query: ZDashboardQuery,
  response: ZXlsxFile,
  handler: async ({ query, ctx, reply }) => {
    const file = await exportDashboard(ctx, query);
    reply.type(XLSX_TYPE).header('Content-Disposition', attachmentDisposition(file.fileName, file.asciiFileName)).header('X-Content-SHA256', file.sha256);
    return file.buffer;
  },
});

/** In manifest order (index.ts). */
export const DASHBOARD_ROUTES = [dashboardRoute, dashboardXlsxRoute] as const;
