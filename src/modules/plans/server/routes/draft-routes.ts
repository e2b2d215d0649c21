import { defineRoute } from '../../../../core/http/route';
import {
  PLANS_READ,
  PLANS_WRITE,
  ZAddIndicatorRequest,
  ZAddMeasureRequest,
  ZEditIndicatorRequest,
  ZEditMeasureRequest,
  ZEditPlanMetaRequest,
  ZEditSectionRequest,
  ZImportDraftRequest,
  ZPlanDetail,
  ZPlanIdParams,
  ZPlanList,
  ZPlanListQuery,
  ZSplitMeasureRequest,
  ZUploadDraftQuery,
  ZVersionQuery,
  ZVersionRequest,
} from '../../contract';
import { findPlans } from '../queries/find-plans';
import { getPlanDetail } from '../queries/get-plan-detail';
import { addIndicator } from '../use-cases/add-indicator';
import { addMeasure } from '../use-cases/add-measure';
import { confirmPlan } from '../use-cases/confirm-plan';
import { deleteIndicator } from '../use-cases/delete-indicator';
import { editIndicator } from '../use-cases/edit-indicator';
import { editMeasure } from '../use-cases/edit-measure';
import { editPlanMeta } from '../use-cases/edit-plan-meta';
import { editSection } from '../use-cases/edit-section';
import { importPlanDraft } from '../use-cases/import-plan-draft';
import { mergeMeasure } from '../use-cases/merge-measure';
import { reopenPlan } from '../use-cases/reopen-plan';
import { splitMeasure } from '../use-cases/split-measure';
import { uploadPlanDraft } from '../use-cases/upload-plan-draft';

/** Import, the review screen's edits, confirm. Every edit answers the whole plan, so the screen redraws from one reply. */

const ZIdParams = ZPlanIdParams;

export const findPlansRoute = defineRoute({
  method: 'GET',
  url: '/plans',
  summary: '工作部署列表：本单位发文（own）、收文待签收在前（received）、本级及下级可见的全部（all）',
  access: PLANS_READ,
  audit: 'none',
  query: ZPlanListQuery,
  response: ZPlanList,
  handler: ({ query, ctx }) => findPlans(ctx, query),
});

export const importDraftRoute = defineRoute({
  method: 'POST',
  url: '/plans/drafts',
  summary: '导入工作部署（粘贴正文）：解析为文件信息、标题层级、措施与量化指标，保存为待确认稿',
  access: PLANS_WRITE,
  audit: 'write',
  body: ZImportDraftRequest,
  response: ZPlanDetail,
  handler: ({ body, ctx }) => importPlanDraft(ctx, body),
});

export const uploadDraftRoute = defineRoute({
  method: 'POST',
  url: '/plans/drafts/upload',
  summary: '导入工作部署（上传 .txt/.docx/带文字层的 .pdf，原始字节流，文件名放在 X-File-Name 头）',
  access: PLANS_WRITE,
  audit: 'write',
  query: ZUploadDraftQuery,
  response: ZPlanDetail,
  handler: ({ query, ctx, request }) => uploadPlanDraft(ctx, query, request.body, request.headers['x-file-name']),
});

export const getPlanRoute = defineRoute({
  method: 'GET',
  url: '/plans/:id',
  summary: '工作部署详情：原文与解析结构（部分、措施、指标及其原文句子）、分工、签收与下发情况',
  access: PLANS_READ,
  audit: 'none',
  params: ZIdParams,
  response: ZPlanDetail,
  handler: ({ params, ctx }) => getPlanDetail(ctx, params.id),
});

export const editPlanMetaRoute = defineRoute({
  method: 'PUT',
  url: '/plans/:id',
  summary: '修改文件信息（标题、发文机关、发文字号、成文日期、主送单位；仅待确认稿，须回传 version）',
  access: PLANS_WRITE,
  audit: 'write',
  params: ZIdParams,
  body: ZEditPlanMetaRequest,
  response: ZPlanDetail,
  handler: ({ params, body, ctx }) => editPlanMeta(ctx, params.id, body),
});

export const confirmPlanRoute = defineRoute({
  method: 'POST',
  url: '/plans/:id/confirm',
  summary: '确认解析结果：此后结构冻结（下发前可撤回确认）',
  access: PLANS_WRITE,
  audit: 'write',
  params: ZIdParams,
  body: ZVersionRequest,
  response: ZPlanDetail,
  handler: ({ params, body, ctx }) => confirmPlan(ctx, params.id, body),
});

export const reopenPlanRoute = defineRoute({
  method: 'POST',
  url: '/plans/:id/reopen',
  summary: '撤回确认（仅下发前），回到待确认稿以修改结构',
  access: PLANS_WRITE,
  audit: 'write',
  params: ZIdParams,
  body: ZVersionRequest,
  response: ZPlanDetail,
  handler: ({ params, body, ctx }) => reopenPlan(ctx, params.id, body),
});

export const editSectionRoute = defineRoute({
  method: 'PUT',
  url: '/plans/sections/:id',
  summary: '修改部分标题与序号（仅待确认稿）',
  access: PLANS_WRITE,
  audit: 'write',
  params: ZIdParams,
  body: ZEditSectionRequest,
  response: ZPlanDetail,
  handler: ({ params, body, ctx }) => editSection(ctx, params.id, body),
});

export const addMeasureRoute = defineRoute({
  method: 'POST',
  url: '/plans/:id/measures',
  summary: '新增措施：待确认稿中为文件措施；确认后为收文单位的本级补充措施（须已签收）',
  access: PLANS_WRITE,
  audit: 'write',
  params: ZIdParams,
  body: ZAddMeasureRequest,
  response: ZPlanDetail,
  handler: ({ params, body, ctx }) => addMeasure(ctx, params.id, body),
});

export const editMeasureRoute = defineRoute({
  method: 'PUT',
  url: '/plans/measures/:id',
  summary: '修改措施的序号、标题、内容（待确认稿回传计划 version；本级补充措施回传措施 version）',
  access: PLANS_WRITE,
  audit: 'write',
  params: ZIdParams,
  body: ZEditMeasureRequest,
  response: ZPlanDetail,
  handler: ({ params, body, ctx }) => editMeasure(ctx, params.id, body),
});

export const splitMeasureRoute = defineRoute({
  method: 'POST',
  url: '/plans/measures/:id/split',
  summary: '拆分措施：offset 之后的文字成为下一条措施，原文句子在其中的指标随之移动（仅待确认稿）',
  access: PLANS_WRITE,
  audit: 'write',
  params: ZIdParams,
  body: ZSplitMeasureRequest,
  response: ZPlanDetail,
  handler: ({ params, body, ctx }) => splitMeasure(ctx, params.id, body),
});

export const mergeMeasureRoute = defineRoute({
  method: 'POST',
  url: '/plans/measures/:id/merge',
  summary: '合并到同一部分的上一条措施（内容与指标并入，本条删除；仅待确认稿）',
  access: PLANS_WRITE,
  audit: 'write',
  params: ZIdParams,
  body: ZVersionRequest,
  response: ZPlanDetail,
  handler: ({ params, body, ctx }) => mergeMeasure(ctx, params.id, body),
});

export const addIndicatorRoute = defineRoute({
  method: 'POST',
  url: '/plans/measures/:id/indicators',
  summary: '新增量化指标（数值、左右、比较方式、单位、指标名称、年度、原文依据）',
  access: PLANS_WRITE,
  audit: 'write',
  params: ZIdParams,
  body: ZAddIndicatorRequest,
  response: ZPlanDetail,
  handler: ({ params, body, ctx }) => addIndicator(ctx, params.id, body),
});

export const editIndicatorRoute = defineRoute({
  method: 'PUT',
  url: '/plans/indicators/:id',
  summary: '修改量化指标（未提交的字段不变）',
  access: PLANS_WRITE,
  audit: 'write',
  params: ZIdParams,
  body: ZEditIndicatorRequest,
  response: ZPlanDetail,
  handler: ({ params, body, ctx }) => editIndicator(ctx, params.id, body),
});

export const deleteIndicatorRoute = defineRoute({
  method: 'DELETE',
  url: '/plans/indicators/:id',
  summary: '删除量化指标（version 放在查询参数中）',
  access: PLANS_WRITE,
  audit: 'write',
  params: ZIdParams,
  query: ZVersionQuery,
  response: ZPlanDetail,
  handler: ({ params, query, ctx }) => deleteIndicator(ctx, params.id, query.version),
});

export const DRAFT_ROUTES = [
  findPlansRoute,
  importDraftRoute,
  uploadDraftRoute,
  getPlanRoute,
  editPlanMetaRoute,
  confirmPlanRoute,
  reopenPlanRoute,
  editSectionRoute,
  addMeasureRoute,
  editMeasureRoute,
  splitMeasureRoute,
  mergeMeasureRoute,
  addIndicatorRoute,
  editIndicatorRoute,
  deleteIndicatorRoute,
];

