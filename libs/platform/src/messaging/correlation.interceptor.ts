import { type CallHandler, type ExecutionContext, Injectable, Logger, type NestInterceptor } from '@nestjs/common';
import { NatsContext } from '@nestjs/microservices';
import { type MsgHdrs } from 'nats';
import { Observable } from 'rxjs';

import { CORRELATION_HEADER, runWithCorrelation } from '../logging/correlation';

/** Runs each NATS handler inside the correlation id its caller sent in the message headers. */
@Injectable()
export class CorrelationInterceptor implements NestInterceptor {
  private readonly logger = new Logger('NatsHandler');

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') {
      return next.handle();
    }
    const natsContext = context.switchToRpc().getContext<NatsContext>();
    const headers = natsContext.getHeaders() as MsgHdrs | undefined;
    const correlationId = headers?.get(CORRELATION_HEADER) || undefined;
    const subject = natsContext.getSubject();
    const started = Date.now();
    return new Observable((subscriber) =>
      runWithCorrelation(correlationId, () => {
        this.logger.debug({ subject }, 'handling');
        return next.handle().subscribe({
          next: (value) => subscriber.next(value),
          error: (error: unknown) => {
            this.logger.log({ subject, ms: Date.now() - started, outcome: 'error' }, 'handled');
            subscriber.error(error);
          },
          complete: () => {
            this.logger.log({ subject, ms: Date.now() - started, outcome: 'ok' }, 'handled');
            subscriber.complete();
          },
        });
      }),
    );
  }
}
