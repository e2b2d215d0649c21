import { useEffect, useState } from 'react';
import { ApiError } from '../../../../web/api/client';
import { t } from '../../../../web/i18n';
import type { TImportJob } from '../../contract';
import { fetchImportJob, isUnfinished } from './api';

const POLL_MS = 500;
const RETRY_MS = 2_000;
// Answers that another try will not change.
const FINAL_CODES = new Set(['NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'VALIDATION_FAILED']);

export type ImportJobState = {
  job: TImportJob | undefined;
  /** The last failure; `retrying` when polling goes on regardless (a network hiccup). */
  error: ApiError | undefined;
  retrying: boolean;
};

const EMPTY: ImportJobState = { job: undefined, error: undefined, retrying: false };

const toApiError = (error: unknown): ApiError =>
  error instanceof ApiError ? error : new ApiError({ code: 'CLIENT', message: t('page.loadFailed'), status: 0 });

/**
 * Follows an import job: asks every 500 ms while it is queued or running, then
 * stops. A failed poll is retried (the import runs on the server anyway), except
 * for answers such as 404 that will not change.
 */
export function useImportJob(jobId: number | undefined): ImportJobState {
  const [state, setState] = useState<ImportJobState & { id: number | undefined }>({ ...EMPTY, id: undefined });

  useEffect(() => {
    if (jobId === undefined) return undefined;
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setState({ ...EMPTY, id: jobId });
    const poll = async () => {
      try {
        const job = await fetchImportJob(jobId);
        if (!alive) return;
        setState({ job, error: undefined, retrying: false, id: jobId });
        if (isUnfinished(job)) timer = setTimeout(() => void poll(), POLL_MS);
      } catch (caught) {
        if (!alive) return;
        const error = toApiError(caught);
        const retrying = !FINAL_CODES.has(error.code);
        setState((previous) => ({ ...previous, error, retrying, id: jobId }));
        if (retrying) timer = setTimeout(() => void poll(), RETRY_MS);
      }
    };
    void poll();
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [jobId]);

  return state.id === jobId ? state : EMPTY;
}
