import { ArgumentsHost, Catch, type ExceptionFilter, Logger, RpcExceptionFilter } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { type Observable, throwError } from 'rxjs';

import { ErrorCode, type ErrorReply, isErrorReply } from '@app/contracts';

import { DomainError } from './domain-error';
import { RemoteError } from './remote-error';

/**
 * Turns anything a NATS handler throws into a typed error reply `{ code, message, details }`, so the
 * caller never sees "Internal server error" and never waits for a timeout.
 */
@Catch()
export class RpcErrorFilter implements RpcExceptionFilter<unknown>, ExceptionFilter<unknown> {
  private readonly logger = new Logger(RpcErrorFilter.name);

  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => this.toReply(exception));
  }

  private toReply(exception: unknown): ErrorReply {
    if (exception instanceof DomainError) {
      return { code: exception.code, message: exception.staffMessage, details: exception.details };
    }
    if (exception instanceof RemoteError) {
      return exception.toReply();
    }
    if (exception instanceof RpcException) {
      const error = exception.getError();
      if (isErrorReply(error)) {
        return error;
      }
    }
    this.logger.error({ err: exception }, 'unhandled error in NATS handler');
    return { code: ErrorCode.INTERNAL, message: '服务内部错误，请稍后重试或联系管理员' };
  }
}
