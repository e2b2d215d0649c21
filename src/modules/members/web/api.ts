import type { z } from 'zod';
import { apiGet, apiPost, withQuery } from '../../../web/api/client';
import {
  type TMemberDetail,
  type TMemberList,
  type TMemberListQuery,
  type TRevealRequest,
  type TRevealResult,
  type ZApplyRequest,
  type ZDecisionRequest,
  type ZEndRequest,
  ZLifecycleResult,
  ZMemberDetail,
  ZMemberList,
  type ZRetainRequest,
  ZRevealResult,
  ZTransferList,
  type ZTransferListQuery,
  type ZTransferRequest,
  ZUnionDirectory,
} from '../contract';

export type TApplyRequest = z.input<typeof ZApplyRequest>;
export type TDecisionRequest = z.input<typeof ZDecisionRequest>;
export type TTransferRequest = z.input<typeof ZTransferRequest>;
export type TRetainRequest = z.input<typeof ZRetainRequest>;
export type TEndRequest = z.input<typeof ZEndRequest>;
export type TLifecycleResult = z.output<typeof ZLifecycleResult>;
export type TTransferListQuery = z.input<typeof ZTransferListQuery>;
export type TUnionDirectoryEntry = z.output<typeof ZUnionDirectory>['items'][number];

export const fetchMembers = (query: Partial<TMemberListQuery>): Promise<TMemberList> =>
  apiGet(
    withQuery('/api/members', {
      orgUnitId: query.orgUnitId,
      q: query.q,
      status: query.status,
      employmentForm: query.employmentForm,
      joinedYear: query.joinedYear,
      review: query.review,
      after: query.after,
      limit: query.limit,
    }),
    ZMemberList,
  );

export const revealMemberField = (membershipId: number, request: TRevealRequest): Promise<TRevealResult> =>
  apiPost(`/api/members/${membershipId}/reveal`, request, ZRevealResult);

export const fetchMember = (membershipId: number): Promise<TMemberDetail> => apiGet(`/api/members/${membershipId}`, ZMemberDetail);

export const applyForMembership = (request: TApplyRequest): Promise<TLifecycleResult> =>
  apiPost('/api/members/applications', request, ZLifecycleResult);

export const approveApplication = (membershipId: number, request: TDecisionRequest = {}): Promise<TLifecycleResult> =>
  apiPost(`/api/members/${membershipId}/approve`, request, ZLifecycleResult);

export const refuseApplication = (membershipId: number, request: TDecisionRequest): Promise<TLifecycleResult> =>
  apiPost(`/api/members/${membershipId}/refuse`, request, ZLifecycleResult);

export const requestTransfer = (membershipId: number, request: TTransferRequest): Promise<TLifecycleResult> =>
  apiPost(`/api/members/${membershipId}/transfer`, request, ZLifecycleResult);

export const retainMembership = (membershipId: number, request: TRetainRequest): Promise<TLifecycleResult> =>
  apiPost(`/api/members/${membershipId}/retain`, request, ZLifecycleResult);

export const reactivateMembership = (membershipId: number): Promise<TLifecycleResult> =>
  apiPost(`/api/members/${membershipId}/reactivate`, {}, ZLifecycleResult);

export const endMembership = (membershipId: number, request: TEndRequest): Promise<TLifecycleResult> =>
  apiPost(`/api/members/${membershipId}/end`, request, ZLifecycleResult);

export const fetchTransfers = (query: TTransferListQuery) =>
  apiGet(withQuery('/api/members/transfers', { direction: query.direction, status: query.status }), ZTransferList);

export const acceptTransfer = (transferId: number, request: TDecisionRequest = {}): Promise<TLifecycleResult> =>
  apiPost(`/api/members/transfers/${transferId}/accept`, request, ZLifecycleResult);

export const refuseTransfer = (transferId: number, request: TDecisionRequest): Promise<TLifecycleResult> =>
  apiPost(`/api/members/transfers/${transferId}/refuse`, request, ZLifecycleResult);

export const cancelTransfer = (transferId: number, request: TDecisionRequest = {}): Promise<TLifecycleResult> =>
  apiPost(`/api/members/transfers/${transferId}/cancel`, request, ZLifecycleResult);

/** The province-wide directory of unions that can hold a membership (name contains, or exact code). */
export const searchUnionDirectory = (q: string) => apiGet(withQuery('/api/members/union-directory', { q }), ZUnionDirectory);
