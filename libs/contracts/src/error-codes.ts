/** Codes of typed errors that cross NATS; callers branch on these, never on messages. */
export enum ErrorCode {
  /** The payload failed validation; `details` lists the fields. */
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  /** The message body was not JSON or not an object. */
  MALFORMED_MESSAGE = 'MALFORMED_MESSAGE',
  NOT_FOUND = 'NOT_FOUND',
  /** No valid credentials (HTTP 401). */
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  /** Wrong role, out of the caller's division, or a record the caller may not know exists (HTTP 403). */
  FORBIDDEN = 'FORBIDDEN',
  /** Too many attempts; the account or client must wait (HTTP 429). */
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  /** The idempotency key was used before with a different payload. */
  IDEMPOTENCY_CONFLICT = 'IDEMPOTENCY_CONFLICT',
  /** The request contradicts what is stored (e.g. a period overlapping an existing version) (HTTP 409). */
  CONFLICT = 'CONFLICT',
  /** A dependency (database, Temporal, another service) did not answer; retrying may help. */
  UNAVAILABLE = 'UNAVAILABLE',
  INTERNAL = 'INTERNAL',
}

export interface FieldError {
  field: string;
  /** What is wrong, in Simplified Chinese for staff. */
  messages: string[];
}

/** The body of every error reply on NATS. */
export interface ErrorReply {
  code: ErrorCode;
  /** Staff-facing message in Simplified Chinese. */
  message: string;
  details?: FieldError[];
}

export function isErrorReply(value: unknown): value is ErrorReply {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorReply).code === 'string' &&
    typeof (value as ErrorReply).message === 'string' &&
    Object.values(ErrorCode).includes((value as ErrorReply).code)
  );
}
