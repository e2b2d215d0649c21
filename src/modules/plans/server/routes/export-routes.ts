import { z } from 'zod';
import { attachmentDisposition } from '../../../../core/files/content-disposition';
import { defineRoute } from '../../../../core/http/route';
import { PLANS_READ, ZPlanIdParams } from '../../contract';
import { type TStatusReportFormat, ZStatusReportQuery } from '../../export-contract';
import { exportStatusReport } from '../export/export-status-report';

/** 导出落实情况报告 (.xlsx, PDF): the roll-up at a union of the caller's subtree, audited as an export. */

const ZFileBytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, { message: '文件' });

const statusReportRoute = (format: TStatusReportFormat, summary: string) =>
  defineRoute({
    method: 'GET',
    url: `/plans/:id/status-report.${format}`,
    summary,
    access: PLANS_READ,
    audit: 'export',
    params: ZPlanIdParams,
    query: ZStatusReportQuery,
    response: ZFileBytes,
    handler: async ({ params, query, ctx, reply }) => {
      const file = await exportStatusReport(ctx, params.id, format, query);
      reply
        .type(file.contentType)
        .header('Content-Disposition', attachmentDisposition(file.fileName, file.asciiFileName))
        .header('X-Content-SHA256', file.sha256);
      return file.buffer;
    },
  });

export const EXPORT_ROUTES = [
  statusReportRoute('xlsx', '导出落实情况报告 Excel（汇总、措施进展、单位排名、督办清单；本单位及下级范围；记入审计）'),
  statusReportRoute('pdf', '导出落实情况报告 PDF（按党政机关公文格式排版，可打印；本单位及下级范围；记入审计）'),
];
