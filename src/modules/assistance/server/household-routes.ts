import { z } from 'zod';
import { attachmentDisposition } from '../../../core/files/content-disposition';
import { requireUser } from '../../../core/http/request-context';
import { defineRoute } from '../../../core/http/route';
import { ASSISTANCE_READ, ASSISTANCE_REVEAL, ASSISTANCE_REVIEW, ASSISTANCE_WRITE } from '../contract';
import {
  ZCreateHousehold,
  ZEvidenceDownloadQuery,
  ZEvidenceFile,
  ZEvidenceOpenRequest,
  ZEvidenceOpenResult,
  ZEvidenceParams,
  ZEvidenceUploadQuery,
  ZHouseholdActionInput,
  ZHouseholdActionParams,
  ZHouseholdActionResult,
  ZHouseholdActions,
  ZHouseholdDetail,
  ZHouseholdHistory,
  ZHouseholdIdParams,
  ZHouseholdList,
  ZHouseholdListQuery,
  ZHouseholdNotice,
  ZHouseholdRevealRequest,
  ZHouseholdRevealResult,
  ZReverificationRequest,
  ZReverificationResult,
  ZUpdateHousehold,
} from '../household-contract';
import { householdActions, householdHistory, householdNotice } from './queries/filing-views';
import { findHouseholds } from './queries/find-households';
import { getHouseholdDetail } from './queries/get-household-detail';
import { createHousehold } from './use-cases/create-household';
import { revealHouseholdField } from './use-cases/reveal-household-field';
import { reverifyHouseholds } from './use-cases/reverify-households';
import { takeFilingAction } from './use-cases/take-filing-action';
import { updateHousehold } from './use-cases/update-household';
import { downloadEvidence } from './use-cases/download-evidence';
import { openEvidence } from './use-cases/open-evidence';
import { uploadEvidence } from './use-cases/upload-evidence';

/**
 * 困难职工档案 (一户一档) and its filing workflow. Who may take each workflow
 * step is decided by the workflow's actor rules (the route passes any
 * `assistance.read` holder through to them); views of a file's sensitive
 * fields are audited as sensitive-read (health, income: PIPL 第二十八条).
 */
export const createHouseholdRoute = defineRoute({
  method: 'POST',
  url: '/assistance/households',
  summary: '建档申请：为本工会在册会员登记困难职工家庭档案（一户一档），按规则表计算困难类别',
  access: ASSISTANCE_WRITE,
  audit: 'write',
  body: ZCreateHousehold,
  response: ZHouseholdDetail,
  handler: async ({ body, ctx }) => getHouseholdDetail(ctx, (await createHousehold(ctx, body)).id, { audit: false }),
});

export const updateHouseholdRoute = defineRoute({
  method: 'PUT',
  url: '/assistance/households/:id',
  summary: '修改档案（须提供版本号；公示期间和已结束的档案不能修改；重新计算困难类别）',
  access: ASSISTANCE_WRITE,
  audit: 'write',
  params: ZHouseholdIdParams,
  body: ZUpdateHousehold,
  response: ZHouseholdDetail,
  handler: async ({ params, body, ctx }) => {
    await updateHousehold(ctx, params.id, body);
    return getHouseholdDetail(ctx, params.id, { audit: false });
  },
});

export const findHouseholdsRoute = defineRoute({
  method: 'GET',
  url: '/assistance/households',
  summary: '困难职工档案列表（脱敏；按职工姓名开头、困难类别、状态、致困原因、地区子树筛选；键集分页）',
  access: ASSISTANCE_READ,
  audit: 'sensitive-read',
  query: ZHouseholdListQuery,
  response: ZHouseholdList,
  handler: async ({ query, ctx }) => {
    const list = await findHouseholds(ctx, query);
    await ctx.audit({
      action: 'assistance.household.list',
      category: 'sensitive-read',
      targetType: 'org_unit',
      targetId: query.orgUnitId ?? requireUser(ctx).org.id,
      // Whether a name was searched, never the name (as the members export records it).
      details: { tier: query.tier ?? null, status: query.status ?? null, cause: query.cause ?? null, searched: query.q !== undefined, rows: list.items.length },
    });
    return list;
  },
});

export const getHouseholdRoute = defineRoute({
  method: 'GET',
  url: '/assistance/households/:id',
  summary: '查看困难职工档案（身份证号、银行账号脱敏；记入审计）',
  access: ASSISTANCE_READ,
  audit: 'sensitive-read',
  params: ZHouseholdIdParams,
  response: ZHouseholdDetail,
  handler: ({ params, ctx }) => getHouseholdDetail(ctx, params.id),
});

export const revealHouseholdRoute = defineRoute({
  method: 'POST',
  url: '/assistance/households/:id/reveal',
  summary: '查看完整银行账号或家庭成员身份证号（须填写原因，记入审计）',
  access: ASSISTANCE_REVEAL,
  audit: 'sensitive-read',
  params: ZHouseholdIdParams,
  body: ZHouseholdRevealRequest,
  response: ZHouseholdRevealResult,
  handler: ({ params, body, ctx }) => revealHouseholdField(ctx, params.id, body),
});

export const householdActionsRoute = defineRoute({
  method: 'GET',
  url: '/assistance/households/:id/actions',
  summary: '当前用户可对该档案办理的建档步骤（按钮）及各步所需意见、表单和附件',
  access: ASSISTANCE_READ,
  audit: 'none',
  params: ZHouseholdIdParams,
  response: ZHouseholdActions,
  handler: ({ params, ctx }) => householdActions(ctx, params.id),
});

export const takeHouseholdActionRoute = defineRoute({
  method: 'POST',
  url: '/assistance/households/:id/actions/:transition',
  summary: '办理建档流程的一步（须提供流程版本号；退回、不予建档须填写理由；入户调查须上传签字的授权委托书）',
  access: ASSISTANCE_READ,
  audit: 'write',
  params: ZHouseholdActionParams,
  body: ZHouseholdActionInput,
  response: ZHouseholdActionResult,
  handler: ({ params, body, ctx }) => takeFilingAction(ctx, params.id, params.transition, body),
});

export const householdHistoryRoute = defineRoute({
  method: 'GET',
  url: '/assistance/households/:id/history',
  summary: '建档流程记录：每一步的办理人、工会、时间、意见、表单和附件（记入审计）',
  access: ASSISTANCE_READ,
  audit: 'sensitive-read',
  params: ZHouseholdIdParams,
  response: ZHouseholdHistory,
  handler: ({ params, ctx }) => householdHistory(ctx, params.id),
});

export const householdNoticeRoute = defineRoute({
  method: 'GET',
  url: '/assistance/households/:id/notice',
  summary: '建档公示文本（供打印张贴；姓名部分隐去，不含身份证号、收入和健康信息）',
  access: ASSISTANCE_READ,
  audit: 'sensitive-read',
  params: ZHouseholdIdParams,
  response: ZHouseholdNotice,
  handler: ({ params, ctx }) => householdNotice(ctx, params.id),
});

export const uploadEvidenceRoute = defineRoute({
  method: 'POST',
  url: '/assistance/households/:id/files',
  summary: '上传佐证材料（PDF、JPG、PNG，至多 10 MB；原始字节流，文件名放在 X-File-Name 头）',
  access: ASSISTANCE_WRITE,
  audit: 'write',
  params: ZHouseholdIdParams,
  query: ZEvidenceUploadQuery,
  response: ZEvidenceFile,
  handler: ({ params, query, ctx, request }) => uploadEvidence(ctx, params.id, query.kind, request.body, request.headers['x-file-name'] as string | undefined),
});

export const openEvidenceRoute = defineRoute({
  method: 'POST',
  url: '/assistance/households/:id/files/:fileId/open',
  summary: '查看佐证材料：填写原因（记入审计），取得 1 分钟内有效、只能使用一次的下载凭证',
  access: ASSISTANCE_READ,
  audit: 'sensitive-read',
  params: ZEvidenceParams,
  body: ZEvidenceOpenRequest,
  response: ZEvidenceOpenResult,
  handler: ({ params, body, ctx }) => openEvidence(ctx, params.id, params.fileId, body.reason),
});

export const readEvidenceRoute = defineRoute({
  method: 'GET',
  url: '/assistance/households/:id/files/:fileId',
  summary: '下载佐证材料（凭查看时取得的一次性凭证；记入审计）',
  access: ASSISTANCE_READ,
  audit: 'sensitive-read',
  params: ZEvidenceParams,
  query: ZEvidenceDownloadQuery,
  response: z.custom<Uint8Array>((value) => value instanceof Uint8Array, { message: '佐证材料文件' }),
  handler: async ({ params, query, ctx, reply }) => {
    const { file, bytes } = await downloadEvidence(ctx, params.id, params.fileId, query.token);
    const extension = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' }[file.content_type];
    reply
      .type(file.content_type)
      .header('Content-Disposition', attachmentDisposition(file.name, `evidence-${file.id}.${extension}`))
      .header('X-Content-SHA256', file.sha256);
    return bytes;
  },
});

export const reverifyHouseholdsRoute = defineRoute({
  method: 'POST',
  url: '/assistance/reverifications',
  summary: '年度复核：按现行规则表复核某地区（子树）全部已建档家庭，提出维持、调整类别或退出的建议并记录',
  access: ASSISTANCE_REVIEW,
  audit: 'write',
  body: ZReverificationRequest,
  response: ZReverificationResult,
  handler: ({ body, ctx }) => reverifyHouseholds(ctx, body),
});
