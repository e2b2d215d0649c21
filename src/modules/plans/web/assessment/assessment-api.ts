import type { z } from 'zod';
import { apiGet, apiPost, apiPut, withQuery } from '../../../../web/api/client';
import {
  type TAssessmentScheme,
  type TRanking,
  type TRoundSheet,
  type TSaveSchemeRequest,
  type TSchemeList,
  type ZAdjustRequest,
  ZAssessmentScheme,
  type ZEntryRequest,
  ZRanking,
  ZRoundSheet,
  ZSchemeList,
} from '../../assessment-contract';

export const fetchSchemes = (planId: number): Promise<TSchemeList> => apiGet(withQuery('/api/plans/assessments', { planId }), ZSchemeList);
export const fetchScheme = (id: number): Promise<TAssessmentScheme> => apiGet(`/api/plans/assessments/${id}`, ZAssessmentScheme);
export const createScheme = (body: TSaveSchemeRequest): Promise<TAssessmentScheme> => apiPost('/api/plans/assessments', body, ZAssessmentScheme);
export const saveScheme = (id: number, body: TSaveSchemeRequest): Promise<TAssessmentScheme> => apiPut(`/api/plans/assessments/${id}`, body, ZAssessmentScheme);
export const createRound = (schemeId: number, title: string): Promise<TAssessmentScheme> => apiPost(`/api/plans/assessments/${schemeId}/rounds`, { title }, ZAssessmentScheme);
export const fetchRanking = (roundId: number): Promise<TRanking> => apiGet(`/api/plans/assessments/rounds/${roundId}/ranking`, ZRanking);
export const fetchSheet = (roundId: number, orgUnitId: number): Promise<TRoundSheet> =>
  apiGet(withQuery(`/api/plans/assessments/rounds/${roundId}/sheet`, { orgUnitId }), ZRoundSheet);
export const enterScore = (roundId: number, body: z.input<typeof ZEntryRequest>): Promise<TRoundSheet> => apiPut(`/api/plans/assessments/rounds/${roundId}/entries`, body, ZRoundSheet);
export const adjustScore = (roundId: number, body: z.input<typeof ZAdjustRequest>): Promise<TRoundSheet> =>
  apiPost(`/api/plans/assessments/rounds/${roundId}/adjustments`, body, ZRoundSheet);
export const publishRound = (roundId: number): Promise<TRanking> => apiPost(`/api/plans/assessments/rounds/${roundId}/publish`, {}, ZRanking);
export const exportRoundUrl = (roundId: number) => `/api/plans/assessments/rounds/${roundId}/export`;
