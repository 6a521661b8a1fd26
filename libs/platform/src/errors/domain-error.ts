import type { ErrorCode, FieldError } from '@app/contracts';

/**
 * A business error thrown by services. `message` is for developers (English); `staffMessage` is shown to
 * staff (Simplified Chinese). Mapped to NATS error replies and HTTP statuses only at the edges.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly staffMessage: string,
    readonly details?: FieldError[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}
