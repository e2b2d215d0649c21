import { apiGet, withQuery } from '../../../web/api/client';
import { type TAssistanceDashboard, type TDashboardQuery, ZAssistanceDashboard } from '../dashboard-contract';

/** 帮扶统计 of a union's subtree and a year. */
export const fetchAssistanceDashboard = (query: TDashboardQuery): Promise<TAssistanceDashboard> =>
  apiGet(withQuery('/api/assistance/dashboard', { orgUnitId: query.orgUnitId, year: query.year }), ZAssistanceDashboard);

/** The .xlsx of the same figures: a plain navigation downloads it (the server audits it before sending). */
export const dashboardXlsxUrl = (query: TDashboardQuery) => withQuery('/api/assistance/dashboard.xlsx', { orgUnitId: query.orgUnitId, year: query.year });
