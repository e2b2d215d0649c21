import type { z } from 'zod';
import { ApiError, apiGet, apiPost, apiPut, withQuery } from '../../../web/api/client';
import { t } from '../../../web/i18n';
import { ZMemberList } from '../../members/contract';
import {
  type TEvidenceFile,
  type THouseholdActionInput,
  type THouseholdDetail,
  type THouseholdList,
  type THouseholdListQuery,
  type THouseholdRevealRequest,
  type TReverificationResult,
  ZEvidenceFile,
  ZEvidenceOpenResult,
  ZHouseholdActionResult,
  ZHouseholdActions,
  ZHouseholdDetail,
  ZHouseholdHistory,
  ZHouseholdList,
  ZHouseholdNotice,
  ZHouseholdRevealResult,
  ZReverificationResult,
} from '../household-contract';
import type { EvidenceKind } from '../vocabulary';

const BASE = '/api/assistance/households';

export const fetchHouseholds = (query: Partial<THouseholdListQuery>): Promise<THouseholdList> =>
  apiGet(
    withQuery(BASE, { orgUnitId: query.orgUnitId, tier: query.tier, status: query.status, cause: query.cause, q: query.q, after: query.after, limit: query.limit }),
    ZHouseholdList,
  );

export const fetchHousehold = (id: number): Promise<THouseholdDetail> => apiGet(`${BASE}/${id}`, ZHouseholdDetail);

export const createHousehold = (body: { membershipId: number } & Record<string, unknown>): Promise<THouseholdDetail> => apiPost(BASE, body, ZHouseholdDetail);

export const updateHousehold = (id: number, body: { expectedVersion: number } & Record<string, unknown>): Promise<THouseholdDetail> =>
  apiPut(`${BASE}/${id}`, body, ZHouseholdDetail);

export const revealHouseholdField = (id: number, request: THouseholdRevealRequest) => apiPost(`${BASE}/${id}/reveal`, request, ZHouseholdRevealResult);

export const fetchHouseholdActions = (id: number) => apiGet(`${BASE}/${id}/actions`, ZHouseholdActions);

export const takeHouseholdAction = (id: number, transition: string, input: THouseholdActionInput) =>
  apiPost(`${BASE}/${id}/actions/${encodeURIComponent(transition)}`, input, ZHouseholdActionResult);

export const fetchHouseholdHistory = (id: number) => apiGet(`${BASE}/${id}/history`, ZHouseholdHistory);

export const fetchHouseholdNotice = (id: number) => apiGet(`${BASE}/${id}/notice`, ZHouseholdNotice);
export type THouseholdNotice = z.output<typeof ZHouseholdNotice>;

/** Opening a file states why (audited, in the body): the answer is a one-time token for the download. */
export const openEvidence = (householdId: number, fileId: number, reason: string) => apiPost(`${BASE}/${householdId}/files/${fileId}/open`, { reason }, ZEvidenceOpenResult);

/** The download a new tab navigates to: the token, spent by this one request (the server checks the session too). */
export const evidenceDownloadUrl = (householdId: number, fileId: number, token: string) => withQuery(`${BASE}/${householdId}/files/${fileId}`, { token });

export const runReverification = (orgUnitId: number, on?: string): Promise<TReverificationResult> =>
  apiPost('/api/assistance/reverifications', { orgUnitId, ...(on ? { on } : {}) }, ZReverificationResult);

/** Members of the caller's subtree by name prefix or full ID number (the applicant of a new file). */
export const searchMembers = (q: string) => apiGet(withQuery('/api/members', { q, limit: 20 }), ZMemberList);

/** What the server takes as evidence (it checks the bytes again): PDF, JPG, PNG up to 10 MB. */
export const EVIDENCE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const EVIDENCE_EXTENSIONS = /\.(pdf|jpe?g|png)$/i;
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

/**
 * Uploads one evidence file with its progress (fetch reports none): the raw
 * bytes, the name URI-encoded in X-File-Name and the session's CSRF token, as
 * apiUpload sends them.
 */
export function uploadEvidence(
  householdId: number,
  kind: EvidenceKind,
  file: File,
  csrfToken: string,
  onProgress: (percent: number) => void,
): Promise<TEvidenceFile> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', withQuery(`${BASE}/${householdId}/files`, { kind }));
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    request.setRequestHeader('Accept', 'application/json');
    request.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    request.setRequestHeader('X-CSRF-Token', csrfToken);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onerror = () => reject(new ApiError({ code: 'NETWORK', message: t('error.network'), status: 0 }));
    request.onload = () => {
      let body: { error?: { code?: string; message?: string; field?: string } } | undefined;
      try {
        body = JSON.parse(request.responseText) as typeof body;
      } catch {
        body = undefined;
      }
      if (request.status >= 200 && request.status < 300) {
        const parsed = ZEvidenceFile.safeParse(body);
        if (parsed.success) resolve(parsed.data);
        else reject(new ApiError({ code: 'BAD_RESPONSE', message: t('error.badResponse'), status: request.status }));
        return;
      }
      const error = body?.error;
      reject(
        new ApiError({
          code: error?.code ?? 'HTTP',
          message: error?.message ?? t('error.http', { status: request.status }),
          status: request.status,
          ...(error?.field ? { field: error.field } : {}),
        }),
      );
    };
    request.send(file);
  });
}
