import { type DependencyList, type Dispatch, type SetStateAction, useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../api/client';
import { t } from '../i18n';

/** One page of a keyset-paged list: the rows and the cursor of the next page (null on the last). */
export type KeysetPage<T> = { items: T[]; nextCursor: string | null };

export type KeysetPages<T> = {
  /** The rows loaded so far, in server order. */
  rows: T[];
  /** For callers that change a row in place (an edit) or add one (a create). */
  setRows: Dispatch<SetStateAction<T[]>>;
  /** The next page's cursor; null when everything is loaded. */
  cursor: string | null;
  loading: boolean;
  /** The server's message (Chinese) when the last load failed. */
  error: string | undefined;
  /** `reset`: the first page replaces the rows; otherwise the page after `cursor` is appended. */
  load: (reset: boolean) => Promise<void>;
  loadMore: () => Promise<void>;
};

/**
 * The state of a list paged by keyset cursors ("加载更多"). `fetchPage(after)`
 * asks for the page after a cursor (undefined for the first); the first page is
 * loaded again whenever `deps` change (the filters, the acting unit). An answer
 * that arrives after the list was reset is dropped, so a slow page of old
 * filters never lands on top of the new ones.
 */
export function useKeysetPages<T>(fetchPage: (after: string | undefined) => Promise<KeysetPage<T>>, deps: DependencyList): KeysetPages<T> {
  const [rows, setRows] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const cursorRef = useRef<string | null>(null);
  const generation = useRef(0);

  const load = useCallback(async (reset: boolean) => {
    const after = reset ? undefined : cursorRef.current;
    if (after === null) return; // nothing more to load
    if (reset) {
      generation.current += 1;
      cursorRef.current = null; // a "load more" clicked meanwhile would fetch a page of the old list
    }
    const mine = generation.current;
    setLoading(true);
    setError(undefined);
    try {
      const page = await fetchRef.current(after);
      if (mine !== generation.current) return;
      setRows((previous) => (after === undefined ? page.items : [...previous, ...page.items]));
      cursorRef.current = page.nextCursor;
      setCursor(page.nextCursor);
    } catch (caught) {
      if (mine === generation.current) setError(isApiError(caught) ? caught.message : t('page.loadFailed'));
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, []);

  const loadMore = useCallback(() => load(false), [load]);

  useEffect(() => {
    void load(true);
    // The caller lists what `fetchPage` depends on in `deps`.
  }, deps);

  return { rows, setRows, cursor, loading, error, load, loadMore };
}
