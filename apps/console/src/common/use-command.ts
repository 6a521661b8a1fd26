import { useCallback, useRef, useState } from 'react';

import { ApiError, type FieldError } from '../api/api-error';
import { api, type RequestOptions } from '../api/client';
import { newIdempotencyKey } from '../api/idempotency-key';

export interface Command {
  /**
   * Sends the command under its idempotency key: the answer, or undefined when it failed (then `error` says why).
   * The key is kept until the command is answered, so sending again after a lost answer (a network failure, a
   * 5xx) gives the first answer; a refusal (4xx) recorded nothing, so the corrected command goes under a new key.
   */
  send: <T>(path: string, options: Omit<RequestOptions, 'idempotencyKey'>) => Promise<T | undefined>;
  /** The form changed: what is sent next is another command, under a new key (the refusal stays shown). */
  changed: () => void;
  /** Starts afresh (another form, another line): a new key, no refusal shown. */
  reset: () => void;
  /** Refuses before sending (what only the console can tell, e.g. an amount that is not yuan), shown by field. */
  refuse: (message: string, fields: FieldError[]) => void;
  busy: boolean;
  error: ApiError | undefined;
  /** The refusal's messages for one field and the fields under it. */
  errorsOf: (field: string) => string[];
}

/**
 * Whether a failed command keeps its key: a refusal (4xx) recorded nothing, so the corrected command is another;
 * a lost answer (no connection, a 5xx) may have been recorded, so sending again must give the first answer.
 */
export function keepsKey(failure: ApiError): boolean {
  return failure.status < 400 || failure.status >= 500;
}

/** A command of a form (a decision, a new version, a re-issue …), sent once however often it is retried. */
export function useCommand(): Command {
  const key = useRef<string>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const send = useCallback(async <T>(path: string, options: Omit<RequestOptions, 'idempotencyKey'>) => {
    key.current ??= newIdempotencyKey();
    setBusy(true);
    setError(undefined);
    try {
      const reply = await api<T>(path, { ...options, idempotencyKey: key.current });
      key.current = null;
      return reply;
    } catch (failure) {
      const refusal = failure instanceof ApiError ? failure : new ApiError(0, 'CLIENT', String(failure));
      if (!keepsKey(refusal)) {
        key.current = null;
      }
      setError(refusal);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  const changed = useCallback(() => {
    key.current = null;
  }, []);
  const reset = useCallback(() => {
    key.current = null;
    setError(undefined);
  }, []);
  const refuse = useCallback((message: string, fields: FieldError[]) => {
    setError(new ApiError(400, 'VALIDATION_FAILED', message, fields));
  }, []);
  const errorsOf = (field: string) => error?.messagesOf(field) ?? [];
  return { send, changed, reset, refuse, busy, error, errorsOf };
}
