import { apiDelete, apiGet, apiPost, withQuery } from '../../../web/api/client';
import {
  type TAidActionInput,
  type TAidRecordDetail,
  type TCampaign,
  type TCampaignDetail,
  type TCampaignSelect,
  ZAidRecordDetail,
  ZCampaignDecision,
  ZCampaignDetail,
  ZCampaignList,
  ZCampaignReceiptResult,
  ZCampaignSelectResult,
  ZHouseholdAid,
} from '../aid-contract';
import type { CampaignStatus } from '../aid-vocabulary';

/** The assistance-records and campaign routes (server/aid/aid-routes.ts), each answer checked against the contract. */
const AID = '/api/assistance/aid';
const CAMPAIGNS = '/api/assistance/campaigns';

/** A household's records, newest first, with the totals per year (audited as a sensitive read). */
export const fetchHouseholdAid = (householdId: number) => apiGet(`${AID}/households/${householdId}/records`, ZHouseholdAid);

/** 登记帮扶: the body as ZCreateAidRecord takes it (aid-form-values.ts builds it). */
export const createAidRecord = (body: Record<string, unknown>): Promise<TAidRecordDetail> => apiPost(`${AID}/records`, body, ZAidRecordDetail);

/** One record with the steps this user may take now and its history. */
export const fetchAidRecord = (id: number): Promise<TAidRecordDetail> => apiGet(`${AID}/records/${id}`, ZAidRecordDetail);

export const takeAidAction = (id: number, transition: string, input: TAidActionInput): Promise<TAidRecordDetail> =>
  apiPost(`${AID}/records/${id}/actions/${encodeURIComponent(transition)}`, input, ZAidRecordDetail);

export const fetchCampaigns = (query: { year?: number; status?: CampaignStatus }) => apiGet(withQuery(CAMPAIGNS, query), ZCampaignList);

export const createCampaign = (body: Record<string, unknown>): Promise<TCampaignDetail> => apiPost(CAMPAIGNS, body, ZCampaignDetail);

export const fetchCampaign = (id: number): Promise<TCampaignDetail> => apiGet(`${CAMPAIGNS}/${id}`, ZCampaignDetail);

export const selectCampaignHouseholds = (id: number, filter: TCampaignSelect) => apiPost(`${CAMPAIGNS}/${id}/select`, filter, ZCampaignSelectResult);

export const addCampaignHousehold = (id: number, householdId: number, amount?: number) =>
  apiPost(`${CAMPAIGNS}/${id}/households`, { householdId, ...(amount === undefined ? {} : { amount }) }, ZCampaignSelectResult);

export const removeCampaignHousehold = (id: number, householdId: number) => apiDelete(`${CAMPAIGNS}/${id}/households/${householdId}`, ZCampaignSelectResult);

/** approve, distribute or cancel: each carries the list version the page showed (a stale one is refused, 409). */
export const decideCampaign = (id: number, step: 'approve' | 'distribute' | 'cancel', expectedVersion: number, comment?: string) =>
  apiPost(`${CAMPAIGNS}/${id}/${step}`, { expectedVersion, ...(comment ? { comment } : {}) }, ZCampaignDecision);

/** 签收 of some households, or (no ids) of every one distributed and not yet signed for. */
export const confirmCampaignReceipts = (id: number, body: { householdIds?: number[]; receivedOn: string; signer?: string }) =>
  apiPost(`${CAMPAIGNS}/${id}/receipts`, body, ZCampaignReceiptResult);

/** The 签收 sheet: a plain navigation downloads it (the server checks the session, audits and watermarks with the purpose). */
export const campaignExportUrl = (id: number, purpose: string) => withQuery(`${CAMPAIGNS}/${id}/export`, { purpose });

export type { TCampaign, TCampaignDetail };
