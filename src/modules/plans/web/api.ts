import type { z } from 'zod';
import { apiDelete, apiGet, apiPost, apiPut, apiUpload, withQuery } from '../../../web/api/client';
import { ZOrgChildren } from '../../orgs/contract';
import {
  type TAllocationState,
  type TPlanDetail,
  type TPlanList,
  type TReportDetail,
  type TReportRow,
  type TRollup,
  ZAllocationState,
  type ZAddIndicatorRequest,
  type ZAddMeasureRequest,
  type ZAssignMeasureRequest,
  type ZBindIndicatorRequest,
  type ZCreateReportRequest,
  type ZEditIndicatorRequest,
  type ZEditMeasureRequest,
  type ZEditReportRequest,
  ZIssueResult,
  ZPlanDetail,
  ZPlanList,
  ZReportDetail,
  ZReportList,
  ZRollup,
} from '../contract';

type In<T extends z.ZodType> = z.input<T>;

export const fetchPlans = (box: 'all' | 'own' | 'received' = 'all'): Promise<TPlanList> => apiGet(withQuery('/api/plans', { box }), ZPlanList);
export const fetchPlan = (id: number): Promise<TPlanDetail> => apiGet(`/api/plans/${id}`, ZPlanDetail);

// ---- Import and review --------------------------------------------------
export const importDraftText = (text: string, fileName?: string): Promise<TPlanDetail> =>
  apiPost('/api/plans/drafts', { text, fileName: fileName ?? null }, ZPlanDetail);
export const importDraftFile = (file: File): Promise<TPlanDetail> => apiUpload('/api/plans/drafts/upload', file, ZPlanDetail);
export const confirmPlan = (id: number, version: number): Promise<TPlanDetail> => apiPost(`/api/plans/${id}/confirm`, { version }, ZPlanDetail);
export const editMeasure = (id: number, body: In<typeof ZEditMeasureRequest>): Promise<TPlanDetail> =>
  apiPut(`/api/plans/measures/${id}`, body, ZPlanDetail);
export const splitMeasure = (id: number, version: number, offset: number): Promise<TPlanDetail> =>
  apiPost(`/api/plans/measures/${id}/split`, { version, offset }, ZPlanDetail);
export const mergeMeasure = (id: number, version: number): Promise<TPlanDetail> => apiPost(`/api/plans/measures/${id}/merge`, { version }, ZPlanDetail);
export const addMeasure = (planId: number, body: In<typeof ZAddMeasureRequest>): Promise<TPlanDetail> =>
  apiPost(`/api/plans/${planId}/measures`, body, ZPlanDetail);
export const addIndicator = (measureId: number, body: In<typeof ZAddIndicatorRequest>): Promise<TPlanDetail> =>
  apiPost(`/api/plans/measures/${measureId}/indicators`, body, ZPlanDetail);
export const editIndicator = (id: number, body: In<typeof ZEditIndicatorRequest>): Promise<TPlanDetail> =>
  apiPut(`/api/plans/indicators/${id}`, body, ZPlanDetail);
export const deleteIndicator = (id: number, version: number): Promise<TPlanDetail> =>
  apiDelete(withQuery(`/api/plans/indicators/${id}`, { version }), ZPlanDetail);

// ---- Assign, issue, acknowledge, allocate ---------------------------------
export const assignMeasure = (id: number, body: In<typeof ZAssignMeasureRequest>): Promise<TPlanDetail> =>
  apiPut(`/api/plans/measures/${id}/assignment`, body, ZPlanDetail);
export const issuePlan = (id: number, orgUnitIds: number[]) => apiPost(`/api/plans/${id}/issue`, { orgUnitIds }, ZIssueResult);
/** 下发至全部下级: every active direct subordinate of the given org types (the server resolves them; already issued ones are reported, not refused). */
export const issuePlanToLevel = (id: number, childTypes: string[]) => apiPost(`/api/plans/${id}/issue`, { childTypes }, ZIssueResult);
export const acknowledgePlan = (id: number): Promise<TPlanDetail> => apiPost(`/api/plans/${id}/acknowledge`, {}, ZPlanDetail);
export const fetchAllocation = (indicatorId: number): Promise<TAllocationState> =>
  apiGet(`/api/plans/indicators/${indicatorId}/allocations`, ZAllocationState);
export const saveAllocation = (indicatorId: number, allocations: { orgUnitId: number; value: number }[]): Promise<TAllocationState> =>
  apiPut(`/api/plans/indicators/${indicatorId}/allocations`, { allocations }, ZAllocationState);

/** The direct subordinates of a union (the units a plan may be issued to), first page of 200. */
export const fetchChildUnits = async (parentId: number) =>
  (await apiGet(withQuery('/api/orgs/children', { parentId, limit: 200 }), ZOrgChildren)).items;

// ---- Metric binding ---------------------------------------------------------
/** 绑定统计数据 (`metricId: null` unbinds); the plan comes back with the indicator's binding. */
export const bindIndicator = (id: number, body: In<typeof ZBindIndicatorRequest>): Promise<TPlanDetail> =>
  apiPost(`/api/plans/indicators/${id}/binding`, body, ZPlanDetail);

// ---- Reports ---------------------------------------------------------------
export const fetchReports = (planId: number, query: { box?: 'all' | 'toReview'; orgUnitId?: number; measureId?: number } = {}): Promise<TReportRow[]> =>
  apiGet(withQuery(`/api/plans/${planId}/reports`, query), ZReportList).then((list) => list.items);
export const fetchReport = (id: number): Promise<TReportDetail> => apiGet(`/api/plans/reports/${id}`, ZReportDetail);
export const createReport = (body: In<typeof ZCreateReportRequest>): Promise<TReportDetail> => apiPost('/api/plans/reports', body, ZReportDetail);
export const editReport = (id: number, body: In<typeof ZEditReportRequest>): Promise<TReportDetail> =>
  apiPut(`/api/plans/reports/${id}`, body, ZReportDetail);
/** 报送 / 采纳 / 退回 (the transitions the report's `actions` name). */
export const takeReportStep = (id: number, transition: string, version: number, comment?: string): Promise<TReportDetail> =>
  apiPost(`/api/plans/reports/${id}/${transition}`, { version, comment }, ZReportDetail);
export const deleteEvidence = (id: number): Promise<TReportDetail> => apiDelete(`/api/plans/evidence/${id}`, ZReportDetail);
export const evidenceUrl = (id: number): string => `/api/plans/evidence/${id}`;

/**
 * Uploads one evidence file with its progress (fetch reports none): the raw
 * bytes, the name URI-encoded in X-File-Name, the session's CSRF token.
 */
export function uploadEvidence(reportId: number, file: File, csrfToken: string, onProgress: (percent: number) => void): Promise<TReportDetail> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/plans/reports/${reportId}/evidence`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onerror = () => reject(new Error('网络连接失败，请稍后重试'));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        const parsed = ZReportDetail.safeParse(body);
        if (parsed.success) resolve(parsed.data);
        else reject(new Error('服务器返回的数据无法识别'));
        return;
      }
      const message = (body as { error?: { message?: string } } | undefined)?.error?.message;
      reject(new Error(message ?? `上传失败（${xhr.status}）`));
    };
    xhr.send(file);
  });
}

// ---- Roll-up -----------------------------------------------------------------
export const fetchRollup = (planId: number, orgUnitId?: number): Promise<TRollup> =>
  apiGet(withQuery(`/api/plans/${planId}/rollup`, { orgUnitId }), ZRollup);
