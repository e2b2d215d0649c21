import { apiGet, apiPost } from '../../../web/api/client';
import {
  type TCloseSupervisionRequest,
  type TIssueSupervisionRequest,
  type TReplySupervisionRequest,
  type TSupervisionBoard,
  type TSupervisionItem,
  ZSupervisionBoard,
  ZSupervisionItem,
} from '../supervision-contract';

/** The 督办 tab's calls (supervision-routes.ts). */
export const fetchSupervision = (planId: number): Promise<TSupervisionBoard> => apiGet(`/api/plans/${planId}/supervision`, ZSupervisionBoard);
export const issueSupervision = (planId: number, body: TIssueSupervisionRequest): Promise<TSupervisionItem> => apiPost(`/api/plans/${planId}/supervision`, body, ZSupervisionItem);
export const replySupervision = (planId: number, id: number, body: TReplySupervisionRequest): Promise<TSupervisionItem> =>
  apiPost(`/api/plans/${planId}/supervision/${id}/reply`, body, ZSupervisionItem);
export const closeSupervision = (planId: number, id: number, body: TCloseSupervisionRequest): Promise<TSupervisionItem> =>
  apiPost(`/api/plans/${planId}/supervision/${id}/close`, body, ZSupervisionItem);
