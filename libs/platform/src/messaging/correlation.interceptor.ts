import { type CallHandler, type ExecutionContext, Injectable, Logger, type NestInterceptor } from '@nestjs/common';
import { NatsContext } from '@nestjs/microservices';
import { type MsgHdrs } from 'nats';
import { Observable, type Subscriber } from 'rxjs';

import { callerFromHeaders, CORRELATION_HEADER, runAsCaller, runWithCorrelation } from '../context/request-context';
import { natsHandledSeconds, outcomeOf } from '../metrics/metrics';

/**
 * Runs each NATS handler inside the correlation id and caller identity its sender put in the message headers; logs
 * and times it (`dibao_nats_handled_seconds`).
 */
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
    const caller = callerFromHeaders((name) => headers?.get(name) || undefined);
    const subject = natsContext.getSubject();
    const started = Date.now();
    return new Observable((subscriber) =>
      runWithCorrelation(correlationId, () =>
        caller
          ? runAsCaller(caller, () => this.handle(next, subscriber, subject, started))
          : this.handle(next, subscriber, subject, started),
      ),
    );
  }

  private handle(next: CallHandler, subscriber: Subscriber<unknown>, subject: string, started: number) {
    this.logger.debug({ subject }, 'handling');
    return next.handle().subscribe({
      next: (value) => subscriber.next(value),
      error: (error: unknown) => {
        natsHandledSeconds.observe({ subject, outcome: outcomeOf(error) }, (Date.now() - started) / 1000);
        this.logger.log({ subject, ms: Date.now() - started, outcome: 'error' }, 'handled');
        subscriber.error(error);
      },
      complete: () => {
        natsHandledSeconds.observe({ subject, outcome: 'ok' }, (Date.now() - started) / 1000);
        this.logger.log({ subject, ms: Date.now() - started, outcome: 'ok' }, 'handled');
        subscriber.complete();
      },
    });
  }
}
