import { sendXlsx, ZXlsxFile } from '../../../../core/files/xlsx-response';
import { defineRoute } from '../../../../core/http/route';
import {
  ZAdjustRequest,
  ZAssessmentScheme,
  ZCreateRoundRequest,
  ZEntryRequest,
  ZIdParams,
  ZRanking,
  ZRoundSheet,
  ZSaveSchemeRequest,
  ZSchemeList,
  ZSchemeListQuery,
  ZSheetQuery,
} from '../../assessment-contract';
import { PLANS_READ, PLANS_REVIEW, PLANS_WRITE } from '../../contract';
import { adjustScore } from './adjust-score';
import { createRound } from './create-round';
import { createScheme } from './create-scheme';
import { editScheme } from './edit-scheme';
import { enterScore } from './enter-score';
import { exportRound } from './export-round';
import { getRanking, getSheet } from './get-round';
import { findSchemes, getScheme } from './get-scheme';
import { publishRound } from './publish-round';

/** 考核: schemes (plans.write builds them), rounds and scoring (plans.review), viewing within scope (plans.read). */

export const ASSESSMENT_ROUTES = [
  defineRoute({
    method: 'GET',
    url: '/plans/assessments',
    summary: '考核方案列表（本单位制定的，以及考核本单位或下级的）',
    access: PLANS_READ,
    audit: 'none',
    query: ZSchemeListQuery,
    response: ZSchemeList,
    handler: ({ query, ctx }) => findSchemes(ctx, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/plans/assessments',
    summary: '新建考核方案：考核维度、项目、评分规则及分值（同级分值之和须等于上级），被考核单位',
    access: PLANS_WRITE,
    audit: 'write',
    body: ZSaveSchemeRequest,
    response: ZAssessmentScheme,
    handler: ({ body, ctx }) => createScheme(ctx, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/plans/assessments/:id',
    summary: '查看考核方案与考核轮次',
    access: PLANS_READ,
    audit: 'none',
    params: ZIdParams,
    response: ZAssessmentScheme,
    handler: ({ params, ctx }) => getScheme(ctx, params.id),
  }),
  defineRoute({
    method: 'PUT',
    url: '/plans/assessments/:id',
    summary: '修改考核方案（整棵指标树，须带版本号）',
    access: PLANS_WRITE,
    audit: 'write',
    params: ZIdParams,
    body: ZSaveSchemeRequest,
    response: ZAssessmentScheme,
    handler: ({ params, body, ctx }) => editScheme(ctx, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/plans/assessments/:id/rounds',
    summary: '新建考核轮次',
    access: PLANS_REVIEW,
    audit: 'write',
    params: ZIdParams,
    body: ZCreateRoundRequest,
    response: ZAssessmentScheme,
    handler: ({ params, body, ctx }) => createRound(ctx, params.id, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/plans/assessments/rounds/:id/ranking',
    summary: '考核排名（评分中实时计算；已发布为固定结果）',
    access: PLANS_READ,
    audit: 'none',
    params: ZIdParams,
    response: ZRanking,
    handler: ({ params, ctx }) => getRanking(ctx, params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/plans/assessments/rounds/:id/sheet',
    summary: '单位评分表：各项计算得分、调整、理由、最终得分与维度小计',
    access: PLANS_READ,
    audit: 'none',
    params: ZIdParams,
    query: ZSheetQuery,
    response: ZRoundSheet,
    handler: ({ params, query, ctx }) => getSheet(ctx, params.id, query.orgUnitId),
  }),
  defineRoute({
    method: 'PUT',
    url: '/plans/assessments/rounds/:id/entries',
    summary: '评分录入：人工评分、实测值、加分或扣分（项数或分值）',
    access: PLANS_REVIEW,
    audit: 'write',
    params: ZIdParams,
    body: ZEntryRequest,
    response: ZRoundSheet,
    handler: ({ params, body, ctx }) => enterScore(ctx, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/plans/assessments/rounds/:id/adjustments',
    summary: '调整考核项目得分（加减分须填写理由，留痕并记入审计，不覆盖计算得分）',
    access: PLANS_REVIEW,
    audit: 'write',
    params: ZIdParams,
    body: ZAdjustRequest,
    response: ZRoundSheet,
    handler: ({ params, body, ctx }) => adjustScore(ctx, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/plans/assessments/rounds/:id/publish',
    summary: '发布考核结果：成绩与排名固定为快照，此后数据变化不再影响',
    access: PLANS_REVIEW,
    audit: 'write',
    params: ZIdParams,
    response: ZRanking,
    handler: ({ params, ctx }) => publishRound(ctx, params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/plans/assessments/rounds/:id/export',
    summary: '导出考核排名与评分明细 Excel（带水印，记入审计）',
    access: PLANS_READ,
    audit: 'export',
    params: ZIdParams,
    response: ZXlsxFile,
    handler: async ({ params, ctx, reply }) => {
      const { file, fileName, asciiFileName, truncated } = await exportRound(ctx, params.id);
      return sendXlsx(reply, file, { fileName, asciiFileName, truncated });
    },
  }),
];
