import { sendXlsx, ZXlsxFile } from '../../../core/files/xlsx-response';
import { defineRoute } from '../../../core/http/route';
import {
  ZApplyRequest,
  ZDecisionRequest,
  ZEndRequest,
  ZLifecycleResult,
  ZMemberDetail,
  ZRetainRequest,
  ZTransferList,
  ZTransferListQuery,
  ZTransferRequest,
  ZUnionDirectory,
  ZUnionDirectoryQuery,
  ZMemberStats,
  ZMemberStatsQuery,
  ZImportJob,
  ZImportJobList,
  ZImportStarted,
  ZImportUploadQuery,
  ZMemberExportQuery,
  ZMemberIdParams,
  ZMemberList,
  ZMemberListQuery,
  ZRevealRequest,
  ZRevealResult,
} from '../contract';
import { findMembers } from './queries/find-members';
import { findTransfers } from './queries/find-transfers';
import { findUnionDirectory } from './queries/find-union-directory';
import { getMemberDetail } from './queries/get-member-detail';
import { getMemberStats } from './stats/get-member-stats';
import { attachmentDisposition } from '../../../core/files/content-disposition';
import { buildErrorReport } from './import-job/build-error-report';
import { findImportJobs, getImportJob } from './import-job/import-job-queries';
import { uploadImport } from './import-job/upload-import';
import { writeImportTemplate } from './import/import-template';
import { applyForMembership } from './use-cases/apply-for-membership';
import { endMembership, reactivateMembership, retainMembership } from './use-cases/change-membership-status';
import { approveApplication, refuseApplication } from './use-cases/decide-application';
import { acceptTransfer, closeTransfer } from './use-cases/decide-transfer';
import { requestTransfer } from './use-cases/request-transfer';
import { exportMembers } from './use-cases/export-members';
import { revealMemberField } from './use-cases/reveal-member-field';

export const MEMBERS_READ = 'members.read';
export const MEMBERS_REVEAL = 'members.reveal';
export const MEMBERS_EXPORT = 'members.export';
export const MEMBERS_WRITE = 'members.write';
/** Approving or refusing an application: a second person, not the clerk who entered it. */
export const MEMBERS_REVIEW = 'members.review';

export const findMembersRoute = defineRoute({
  method: 'GET',
  url: '/members',
  summary: '会员列表（脱敏；按姓名前缀、身份证号或手机号查找；键集分页）',
  access: MEMBERS_READ,
  audit: 'read',
  query: ZMemberListQuery,
  response: ZMemberList,
  handler: ({ query, ctx }) => findMembers(ctx, query),
});

export const exportMembersRoute = defineRoute({
  method: 'GET',
  url: '/members/export',
  summary: '导出会员名册 Excel（脱敏；须填写用途；带水印；记入审计）',
  access: MEMBERS_EXPORT,
  audit: 'export',
  query: ZMemberExportQuery,
  response: ZXlsxFile,
  handler: async ({ query, ctx, reply }) => {
    const { file, truncated, fileName, asciiFileName } = await exportMembers(ctx, query);
    return sendXlsx(reply, file, { fileName, asciiFileName, truncated });
  },
});

export const getMemberRoute = defineRoute({
  method: 'GET',
  url: '/members/:id',
  summary: '会员详情（脱敏）及会籍历史',
  access: MEMBERS_READ,
  audit: 'read',
  params: ZMemberIdParams,
  response: ZMemberDetail,
  handler: ({ params, ctx }) => getMemberDetail(ctx, params.id),
});

export const applyRoute = defineRoute({
  method: 'POST',
  url: '/members/applications',
  summary: '登记入会申请（批准后成为会员）',
  access: MEMBERS_WRITE,
  audit: 'write',
  body: ZApplyRequest,
  response: ZLifecycleResult,
  handler: ({ body, ctx }) => applyForMembership(ctx, body),
});

export const approveRoute = defineRoute({
  method: 'POST',
  url: '/members/:id/approve',
  summary: '批准入会（入会日期为批准日期，按规则发放会员证号）',
  access: MEMBERS_REVIEW,
  audit: 'write',
  params: ZMemberIdParams,
  body: ZDecisionRequest,
  response: ZLifecycleResult,
  handler: ({ params, body, ctx }) => approveApplication(ctx, params.id, body),
});

export const refuseRoute = defineRoute({
  method: 'POST',
  url: '/members/:id/refuse',
  summary: '不予批准入会（须写明原因）',
  access: MEMBERS_REVIEW,
  audit: 'write',
  params: ZMemberIdParams,
  body: ZDecisionRequest,
  response: ZLifecycleResult,
  handler: ({ params, body, ctx }) => refuseApplication(ctx, params.id, body),
});

export const requestTransferRoute = defineRoute({
  method: 'POST',
  url: '/members/:id/transfer',
  summary: '发起转会（接收工会确认后生效）',
  access: MEMBERS_WRITE,
  audit: 'write',
  params: ZMemberIdParams,
  body: ZTransferRequest,
  response: ZLifecycleResult,
  handler: ({ params, body, ctx }) => requestTransfer(ctx, params.id, body),
});

export const retainRoute = defineRoute({
  method: 'POST',
  url: '/members/:id/retain',
  summary: '保留会籍（退休、下岗、失业）',
  access: MEMBERS_WRITE,
  audit: 'write',
  params: ZMemberIdParams,
  body: ZRetainRequest,
  response: ZLifecycleResult,
  handler: ({ params, body, ctx }) => retainMembership(ctx, params.id, body),
});

export const reactivateRoute = defineRoute({
  method: 'POST',
  url: '/members/:id/reactivate',
  summary: '恢复正常会籍',
  access: MEMBERS_WRITE,
  audit: 'write',
  params: ZMemberIdParams,
  response: ZLifecycleResult,
  handler: ({ params, ctx }) => reactivateMembership(ctx, params.id),
});

export const endRoute = defineRoute({
  method: 'POST',
  url: '/members/:id/end',
  summary: '会籍终止：退会、开除会籍（须写明原因）、去世',
  access: MEMBERS_WRITE,
  audit: 'write',
  params: ZMemberIdParams,
  body: ZEndRequest,
  response: ZLifecycleResult,
  handler: ({ params, body, ctx }) => endMembership(ctx, params.id, body),
});

export const findTransfersRoute = defineRoute({
  method: 'GET',
  url: '/members/transfers',
  summary: '转会申请：待本会接收的（incoming）或本会转出的（outgoing）',
  access: MEMBERS_READ,
  audit: 'read',
  query: ZTransferListQuery,
  response: ZTransferList,
  handler: ({ query, ctx }) => findTransfers(ctx, query),
});

export const acceptTransferRoute = defineRoute({
  method: 'POST',
  url: '/members/transfers/:id/accept',
  summary: '接收转入会员',
  access: MEMBERS_WRITE,
  audit: 'write',
  params: ZMemberIdParams,
  body: ZDecisionRequest,
  response: ZLifecycleResult,
  handler: ({ params, body, ctx }) => acceptTransfer(ctx, params.id, body),
});

export const refuseTransferRoute = defineRoute({
  method: 'POST',
  url: '/members/transfers/:id/refuse',
  summary: '拒收转入会员（须写明原因）',
  access: MEMBERS_WRITE,
  audit: 'write',
  params: ZMemberIdParams,
  body: ZDecisionRequest,
  response: ZLifecycleResult,
  handler: ({ params, body, ctx }) => closeTransfer(ctx, params.id, 'receiving', body),
});

export const cancelTransferRoute = defineRoute({
  method: 'POST',
  url: '/members/transfers/:id/cancel',
  summary: '撤回转会申请',
  access: MEMBERS_WRITE,
  audit: 'write',
  params: ZMemberIdParams,
  body: ZDecisionRequest,
  response: ZLifecycleResult,
  handler: ({ params, body, ctx }) => closeTransfer(ctx, params.id, 'sending', body),
});

export const unionDirectoryRoute = defineRoute({
  method: 'GET',
  url: '/members/union-directory',
  summary: '全省工会名录（转会时选择接收工会）',
  access: MEMBERS_WRITE,
  audit: 'none',
  query: ZUnionDirectoryQuery,
  response: ZUnionDirectory,
  handler: ({ query, ctx }) => findUnionDirectory(ctx, query.q),
});

export const revealMemberFieldRoute = defineRoute({
  method: 'POST',
  url: '/members/:id/reveal',
  summary: '查看完整身份证号或手机号（须填写原因，记入审计）',
  access: MEMBERS_REVEAL,
  audit: 'sensitive-read',
  params: ZMemberIdParams,
  body: ZRevealRequest,
  response: ZRevealResult,
  handler: ({ params, body, ctx }) => revealMemberField(ctx, params.id, body),
});

export const memberStatsRoute = defineRoute({
  method: 'GET',
  url: '/members/stats',
  summary: '会员统计（按子树，读取维护中的统计表）：人数、新会员、就业形态、性别、年龄段、月度趋势、入会率、建会率',
  access: MEMBERS_READ,
  audit: 'none',
  query: ZMemberStatsQuery,
  response: ZMemberStats,
  handler: ({ query, ctx }) => getMemberStats(ctx, query.orgUnitId),
});

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const uploadImportRoute = defineRoute({
  method: 'POST',
  url: '/members/imports',
  summary: '上传会员名册（.xlsx 或 .csv，原始字节流，文件名放在 X-File-Name 头），在后台导入；dryRun=true 只检查不写入',
  access: MEMBERS_WRITE,
  audit: 'write',
  query: ZImportUploadQuery,
  response: ZImportStarted,
  handler: ({ query, ctx, request }) => uploadImport(ctx, query, request.body, request.headers['x-file-name'] as string | undefined),
});

export const findImportJobsRoute = defineRoute({
  method: 'GET',
  url: '/members/imports',
  summary: '本单位及下级的导入任务',
  access: MEMBERS_READ,
  audit: 'read',
  response: ZImportJobList,
  handler: ({ ctx }) => findImportJobs(ctx),
});

export const getImportJobRoute = defineRoute({
  method: 'GET',
  url: '/members/imports/:id',
  summary: '导入任务的进度、结果和前 200 条错误',
  access: MEMBERS_READ,
  audit: 'read',
  params: ZMemberIdParams,
  response: ZImportJob,
  handler: ({ params, ctx }) => getImportJob(ctx, params.id),
});

export const importErrorReportRoute = defineRoute({
  method: 'GET',
  url: '/members/imports/:id/errors',
  summary: '下载导入错误报告（.xlsx：被拒绝的原始行及原因；记入审计）',
  access: MEMBERS_WRITE,
  audit: 'export',
  params: ZMemberIdParams,
  response: ZXlsxFile,
  handler: async ({ params, ctx, reply }) => {
    const report = await buildErrorReport(ctx, params.id);
    await ctx.audit({ action: 'members.import.error-report', category: 'export', targetType: 'import_job', targetId: params.id, details: { rows: report.rows } });
    reply.type(XLSX_TYPE).header('Content-Disposition', attachmentDisposition(report.fileName, `import-errors-${params.id}.xlsx`));
    return report.buffer;
  },
});

export const importTemplateRoute = defineRoute({
  method: 'GET',
  url: '/members/import-template',
  summary: '下载会员导入模板（.xlsx，含填写说明和下拉选项）',
  access: MEMBERS_WRITE,
  audit: 'none',
  response: ZXlsxFile,
  handler: async ({ reply }) => {
    reply.type(XLSX_TYPE).header('Content-Disposition', attachmentDisposition('会员导入模板.xlsx', 'member-import-template.xlsx'));
    return new Uint8Array(await writeImportTemplate());
  },
});
