import { useCallback, useEffect, useState } from 'react';

import { ApiError } from '../api/api-error';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads once per change of `key`, and again on `reload()`; an answer to an older load is dropped. While a new load
 * runs, the last answer stays shown (`loading` says a newer one is on its way).
 */
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [round, setRound] = useState(0);
  const wanted = `${round}:${key}`;
  const [state, setState] = useState<{ of?: string; data?: T; error?: ApiError }>({});
  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setState({ of: wanted, data }),
      (error: unknown) =>
        current &&
        setState({ of: wanted, error: error instanceof ApiError ? error : new ApiError(0, 'CLIENT', String(error)) }),
    );
    return () => {
      current = false;
    };
    // `load` is a new closure every render; `wanted` says when what it loads changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wanted]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data: state.data, error: state.error, loading: state.of !== wanted, reload };
}
