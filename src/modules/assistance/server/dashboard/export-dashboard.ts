import { createHash } from 'node:crypto';
import { beijingDateStamp } from '../../../../core/files/beijing-time';
import { type RequestContext, requireUser } from '../../../../core/http/request-context';
import type { TDashboardQuery } from '../../dashboard-contract';
import { assistanceDashboard } from './assistance-dashboard';
import { renderDashboardXlsx } from './dashboard-xlsx';

// Characters no file system takes in a name (Windows is the strictest).
const FILE_NAME_UNSAFE = /[\\/:*?"<>|\p{Cc}]/gu;

/**
 * 导出帮扶统计: the dashboard's figures as .xlsx, audited as an export with
 * the union, the year and the file's hash. Aggregates only (no names), so no
 * purpose is asked, as for the plans status report; the watermark still
 * names who exported it. The kernel commits the event before the bytes go.
 */
export async function exportDashboard(ctx: RequestContext, query: TDashboardQuery) {
  const user = requireUser(ctx);
  const model = await assistanceDashboard(ctx, query);
  const at = ctx.now();
  const buffer = await renderDashboardXlsx(model, { user: `${user.account.name}（${user.account.login}）`, org: user.org.name, at });
  const sha256 = createHash('sha256').update(buffer).digest('hex');
  await ctx.audit({
    action: 'assistance.dashboard.export',
    category: 'export',
    targetType: 'org_unit',
    targetId: model.orgUnit.id,
    details: { year: model.year, asOf: model.asOf, households: model.households.total, bytes: buffer.length, sha256 },
  });
  const stamp = beijingDateStamp(at);
  return {
    buffer,
    sha256,
    fileName: `帮扶统计-${model.orgUnit.name.replace(FILE_NAME_UNSAFE, '_')}-${model.year}年-${stamp}.xlsx`,
    asciiFileName: `assistance-dashboard-${model.orgUnit.id}-${model.year}-${stamp}.xlsx`,
  };
}
