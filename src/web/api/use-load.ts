import { type DependencyList, useCallback, useEffect, useState } from 'react';
import { ApiError } from './client';
import { t } from '../i18n';

export type LoadState<T> = {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
};

const toApiError = (error: unknown): ApiError =>
  error instanceof ApiError ? error : new ApiError({ code: 'CLIENT', message: t('page.loadFailed'), status: 0 });

/** Runs `load` when `deps` change (and on `reload()`); stale answers are dropped. */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList): LoadState<T> {
  const [state, setState] = useState<{ data: T | undefined; error: ApiError | undefined; loading: boolean }>({
    data: undefined,
    error: undefined,
    loading: true,
  });
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((value) => value + 1), []);

  useEffect(() => {
    let current = true;
    setState((previous) => ({ ...previous, error: undefined, loading: true }));
    load().then(
      (data) => {
        if (current) setState({ data, error: undefined, loading: false });
      },
      (error: unknown) => {
        if (current) setState({ data: undefined, error: toApiError(error), loading: false });
      },
    );
    return () => {
      current = false;
    };
    // The caller lists what `load` depends on in `deps`.
  }, [...deps, round]);

  return { ...state, reload };
}
