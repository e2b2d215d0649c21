import { z } from 'zod';
import { attachmentDisposition } from '../../../../core/files/content-disposition';
import { defineRoute } from '../../../../core/http/route';
import {
  PLANS_READ,
  PLANS_REVIEW,
  PLANS_WRITE,
  ZCreateReportRequest,
  ZEditReportRequest,
  ZPlanIdParams,
  ZReportDetail,
  ZReportList,
  ZReportListQuery,
  ZReportStepRequest,
} from '../../contract';
import { EVIDENCE_CONTENT_TYPES } from '../files/sniff-evidence';
import { findReports } from '../queries/find-reports';
import { getReportDetail } from '../queries/get-report-detail';
import { acceptReport } from '../use-cases/accept-report';
import { createReport } from '../use-cases/create-report';
import { deleteEvidence } from '../use-cases/delete-evidence';
import { downloadEvidence } from '../use-cases/download-evidence';
import { editReport } from '../use-cases/edit-report';
import { returnReport } from '../use-cases/return-report';
import { submitReport } from '../use-cases/submit-report';
import { uploadEvidence } from '../use-cases/upload-evidence';

/** Progress reports: write, attach evidence, submit; the issuing union accepts or returns them. */

const ZFileBytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, { message: '文件' });

export const findReportsRoute = defineRoute({
  method: 'GET',
  url: '/plans/:id/reports',
  summary: '工作部署的进展报告（本单位及下级；可按措施、单位、期次、状态筛选；toReview：待本单位审核）',
  access: PLANS_READ,
  audit: 'none',
  params: ZPlanIdParams,
  query: ZReportListQuery,
  response: ZReportList,
  handler: ({ params, query, ctx }) => findReports(ctx, params.id, query),
});

export const createReportRoute = defineRoute({
  method: 'POST',
  url: '/plans/reports',
  summary: '新建本单位某措施某期次的进展报告（草稿）：推进情况、进展说明、各指标累计完成数',
  access: PLANS_WRITE,
  audit: 'write',
  body: ZCreateReportRequest,
  response: ZReportDetail,
  handler: ({ body, ctx }) => createReport(ctx, body),
});

export const getReportRoute = defineRoute({
  method: 'GET',
  url: '/plans/reports/:id',
  summary: '进展报告详情：完成数与目标、佐证材料、审核记录（含退回意见）、可办理的操作',
  access: PLANS_READ,
  audit: 'none',
  params: ZPlanIdParams,
  response: ZReportDetail,
  handler: ({ params, ctx }) => getReportDetail(ctx, params.id),
});

export const editReportRoute = defineRoute({
  method: 'PUT',
  url: '/plans/reports/:id',
  summary: '修改进展报告（仅草稿或被退回时，填报单位；回传 version）',
  access: PLANS_WRITE,
  audit: 'write',
  params: ZPlanIdParams,
  body: ZEditReportRequest,
  response: ZReportDetail,
  handler: ({ params, body, ctx }) => editReport(ctx, params.id, body),
});

export const submitReportRoute = defineRoute({
  method: 'POST',
  url: '/plans/reports/:id/submit',
  summary: '报送进展报告给下发单位审核（连同当前佐证材料）',
  access: PLANS_WRITE,
  audit: 'write',
  params: ZPlanIdParams,
  body: ZReportStepRequest,
  response: ZReportDetail,
  handler: ({ params, body, ctx }) => submitReport(ctx, params.id, body),
});

export const acceptReportRoute = defineRoute({
  method: 'POST',
  url: '/plans/reports/:id/accept',
  summary: '采纳进展报告（下发单位审核；采纳后完成数计入汇总）',
  access: PLANS_REVIEW,
  audit: 'write',
  params: ZPlanIdParams,
  body: ZReportStepRequest,
  response: ZReportDetail,
  handler: ({ params, body, ctx }) => acceptReport(ctx, params.id, body),
});

export const returnReportRoute = defineRoute({
  method: 'POST',
  url: '/plans/reports/:id/return',
  summary: '退回进展报告并填写退回意见（下发单位审核）',
  access: PLANS_REVIEW,
  audit: 'write',
  params: ZPlanIdParams,
  body: ZReportStepRequest,
  response: ZReportDetail,
  handler: ({ params, body, ctx }) => returnReport(ctx, params.id, body),
});

export const uploadEvidenceRoute = defineRoute({
  method: 'POST',
  url: '/plans/reports/:id/evidence',
  summary: '上传佐证材料（PDF、JPG、PNG、.docx、.xlsx，按内容识别类型，至多 20 MB；原始字节流，文件名放在 X-File-Name 头）',
  access: PLANS_WRITE,
  audit: 'write',
  params: ZPlanIdParams,
  response: ZReportDetail,
  handler: ({ params, ctx, request }) => uploadEvidence(ctx, params.id, request.body, request.headers['x-file-name']),
});

export const deleteEvidenceRoute = defineRoute({
  method: 'DELETE',
  url: '/plans/evidence/:id',
  summary: '删除佐证材料（仅草稿或被退回的报告）',
  access: PLANS_WRITE,
  audit: 'write',
  params: ZPlanIdParams,
  response: ZReportDetail,
  handler: ({ params, ctx }) => deleteEvidence(ctx, params.id),
});

export const downloadEvidenceRoute = defineRoute({
  method: 'GET',
  url: '/plans/evidence/:id',
  summary: '下载佐证材料（填报单位及其上级；记入审计）',
  access: PLANS_READ,
  audit: 'export',
  params: ZPlanIdParams,
  response: ZFileBytes,
  handler: async ({ params, ctx, reply }) => {
    const file = await downloadEvidence(ctx, params.id);
    reply
      .type(EVIDENCE_CONTENT_TYPES[file.kind])
      .header('Content-Disposition', attachmentDisposition(file.fileName, `evidence-${params.id}.${file.kind}`))
      .header('X-Content-SHA256', file.sha256);
    return file.bytes;
  },
});

export const REPORT_ROUTES = [
  findReportsRoute,
  createReportRoute,
  getReportRoute,
  editReportRoute,
  submitReportRoute,
  acceptReportRoute,
  returnReportRoute,
  uploadEvidenceRoute,
  deleteEvidenceRoute,
  downloadEvidenceRoute,
];
