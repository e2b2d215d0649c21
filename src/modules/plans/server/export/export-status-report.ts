import { createHash } from 'node:crypto';
import type { RequestContext } from '../../../../core/http/request-context';
import type { TStatusReportFormat, TStatusReportQuery } from '../../export-contract';
import { loadStatusReport } from './load-status-report';
import { renderStatusReportPdf } from './status-report-pdf';
import { renderStatusReportXlsx } from './status-report-xlsx';

export const STATUS_REPORT_CONTENT_TYPES: Record<TStatusReportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

// Characters no file system takes in a name (Windows is the strictest), and a sane length for the title part.
const FILE_NAME_UNSAFE = /[\\/:*?"<>|\p{Cc}]/gu;
const TITLE_IN_NAME_MAX = 40;

/** `2026年全省工会工作要点-落实情况-陕西省总工会-20260705.pdf` */
export function statusReportFileName(planTitle: string, unitName: string, asOf: string, format: TStatusReportFormat): string {
  const title = [...planTitle.replace(/^《|》$/g, '').replace(FILE_NAME_UNSAFE, '_').trim()].slice(0, TITLE_IN_NAME_MAX).join('');
  return `${title}-落实情况-${unitName.replace(FILE_NAME_UNSAFE, '_')}-${asOf.replaceAll('-', '')}.${format}`;
}

/**
 * 导出落实情况报告: the model, drawn as .xlsx or PDF, and an audit event with
 * what was exported (plan, union, day, format) and the file's hash. No
 * purpose is asked (export-contract.ts: no personal data). The file is built
 * before the audit event, and the kernel commits the event before the bytes
 * are sent, so every file handed out is in the trail.
 */
export async function exportStatusReport(ctx: RequestContext, planId: number, format: TStatusReportFormat, query: TStatusReportQuery) {
  const model = await loadStatusReport(ctx, planId, query);
  const buffer = format === 'xlsx' ? await renderStatusReportXlsx(model) : await renderStatusReportPdf(model, { at: ctx.now() });
  const sha256 = createHash('sha256').update(buffer).digest('hex');
  await ctx.audit({
    action: 'plans.export-status-report',
    category: 'export',
    targetType: 'plans_plan',
    targetId: planId,
    details: { format, orgUnitId: model.header.unit.id, asOf: model.header.asOf, measures: model.summary.measures, bytes: buffer.length, sha256 },
  });
  const stamp = model.header.asOf.replaceAll('-', '');
  return {
    buffer,
    sha256,
    contentType: STATUS_REPORT_CONTENT_TYPES[format],
    fileName: statusReportFileName(model.header.planTitle, model.header.unit.name, model.header.asOf, format),
    asciiFileName: `plan-${planId}-status-report-${stamp}.${format}`,
  };
}
