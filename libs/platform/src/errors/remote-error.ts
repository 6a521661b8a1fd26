import { ErrorCode, type ErrorReply, type FieldError } from '@app/contracts';

/** A typed error reply from another service over NATS (or a timeout / transport failure on the way). */
export class RemoteError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly staffMessage: string,
    readonly subject: string,
    readonly details?: FieldError[],
  ) {
    super(`${subject} failed with ${code}: ${staffMessage}`);
    this.name = 'RemoteError';
  }

  static fromReply(subject: string, reply: ErrorReply): RemoteError {
    return new RemoteError(reply.code, reply.message, subject, reply.details);
  }

  /** True when retrying may help (timeouts, transport problems, dependencies down). */
  get retryable(): boolean {
    return this.code === ErrorCode.UNAVAILABLE || this.code === ErrorCode.INTERNAL;
  }

  toReply(): ErrorReply {
    return { code: this.code, message: this.staffMessage, details: this.details };
  }
}
