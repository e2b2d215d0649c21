import { requireUser } from '../http/request-context';
import { defineRoute } from '../http/route';
import { beijingDateStamp, formatBeijingTime } from '../files/beijing-time';
import type { ExportColumn } from '../files/xlsx-export';
import { buildXlsx, checkExportPurpose, sendXlsx, ZXlsxFile } from '../files/xlsx-response';
import {
  AUDIT_EXPORT,
  AUDIT_EXPORT_MAX_ROWS,
  AUDIT_READ,
  type TAuditEvent,
  type TAuditEventFilter,
  ZAuditEventPage,
  ZAuditEventsQuery,
  ZAuditExportQuery,
} from './contract';
import { auditEventsForExport, findAuditEvents } from './find-audit-events';

/** The filter as recorded in an audit event: only the fields that were set. */
function filterDetails(filter: TAuditEventFilter): Record<string, string | number> {
  const { actor, orgUnitId, action, result, from, to } = filter;
  const entries = Object.entries({ actor, orgUnitId, action, result, from, to });
  return Object.fromEntries(entries.filter((entry): entry is [string, string | number] => entry[1] !== undefined));
}

export const auditEventsRoute = defineRoute({
  method: 'GET',
  url: '/audit/events',
  summary: '查看审计日志（本组织及下级范围内，按时间倒序分页）',
  access: AUDIT_READ,
  // Who looked at the trail, and for what, is itself audited.
  audit: 'sensitive-read',
  query: ZAuditEventsQuery,
  response: ZAuditEventPage,
  handler: async ({ query, ctx }) => {
    const page = await findAuditEvents(ctx, query);
    await ctx.audit({
      action: 'audit.view',
      category: 'sensitive-read',
      details: {
        filter: filterDetails(query),
        ...(query.before === undefined ? {} : { before: query.before }),
        returned: page.items.length,
      },
    });
    return page;
  },
});

const EXPORT_COLUMNS: ExportColumn[] = [
  { key: 'seq', header: '序号', width: 10 },
  { key: 'time', header: '时间', width: 20 },
  { key: 'actorLogin', header: '操作人账号', width: 14 },
  { key: 'actorName', header: '操作人', width: 12 },
  { key: 'actorOrgName', header: '组织', width: 26 },
  { key: 'action', header: '操作', width: 22 },
  { key: 'category', header: '类别', width: 14 },
  { key: 'target', header: '对象', width: 18 },
  { key: 'result', header: '结果', width: 10 },
  { key: 'ip', header: 'IP', width: 16 },
  { key: 'requestId', header: '请求编号', width: 38 },
  { key: 'reason', header: '原因/用途', width: 24 },
  { key: 'details', header: '详情', width: 60 },
];

const RESULT_LABELS: Record<string, string> = { success: '成功', failure: '失败', denied: '拒绝' };
const CATEGORY_LABELS: Record<string, string> = {
  auth: '认证',
  write: '写入',
  'sensitive-read': '敏感查看',
  export: '导出',
  admin: '管理',
};

async function* exportRows(events: AsyncIterable<TAuditEvent>): AsyncGenerator<Record<string, unknown>> {
  for await (const event of events) {
    yield {
      ...event,
      time: formatBeijingTime(new Date(event.occurredAt), { seconds: true }),
      target: event.targetType ? `${event.targetType}${event.targetId ? ` #${event.targetId}` : ''}` : null,
      result: RESULT_LABELS[event.result] ?? event.result,
      category: CATEGORY_LABELS[event.category] ?? event.category,
      details: Object.keys(event.details).length > 0 ? JSON.stringify(event.details) : null,
    };
  }
}

export const auditExportRoute = defineRoute({
  method: 'GET',
  url: '/audit/export',
  summary: `导出审计日志为 Excel（须填写用途；最多 ${AUDIT_EXPORT_MAX_ROWS.toLocaleString('en-US')} 条）`,
  access: AUDIT_EXPORT,
  audit: 'export',
  query: ZAuditExportQuery,
  response: ZXlsxFile,
  handler: async ({ query, ctx, reply }) => {
    const user = requireUser(ctx);
    const { purpose, ...filter } = query;
    checkExportPurpose(purpose);
    const at = ctx.now();

    const { rows, outcome } = await auditEventsForExport(ctx, filter, AUDIT_EXPORT_MAX_ROWS);
    const file = await buildXlsx({
      sheetName: '审计日志',
      title: `审计日志 · ${user.org.name}`,
      columns: EXPORT_COLUMNS,
      rows: exportRows(rows),
      watermark: { user: `${user.account.name}（${user.account.login}）`, org: user.org.name, at, purpose },
    });

    await ctx.audit({
      action: 'audit.export',
      category: 'export',
      // `reason` is the trail's column for why data left the system (PIPL art. 6).
      reason: purpose,
      details: {
        filter: filterDetails(filter),
        purpose,
        rowCount: file.rowCount,
        truncated: outcome.truncated,
        bytes: file.bytes,
        sha256: file.sha256,
      },
    });

    const stamp = beijingDateStamp(at);
    return sendXlsx(reply, file, {
      fileName: `审计日志-${stamp}.xlsx`,
      asciiFileName: `audit-log-${stamp}.xlsx`,
      truncated: outcome.truncated,
    });
  },
});
