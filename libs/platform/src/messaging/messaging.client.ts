import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ClientProxy, NatsRecordBuilder } from '@nestjs/microservices';
import { headers as natsHeaders, type NatsConnection } from 'nats';
import { firstValueFrom, timeout, TimeoutError } from 'rxjs';

import {
  ErrorCode,
  isErrorReply,
  REQUEST_CLASSES,
  type ReplyOf,
  type RequestOf,
  type RequestSubject,
} from '@app/contracts';

import { NATS_CLIENT } from './messaging.constants';
import { callerToHeaders, CORRELATION_HEADER, currentCaller, currentCorrelationId } from '../context/request-context';
import { DomainError } from '../errors/domain-error';
import { RemoteError } from '../errors/remote-error';
import { toFieldErrors, validateContract } from '../errors/validation';

export interface RequestOptions {
  timeoutMs?: number;
  /** Overrides the correlation id of the current context. */
  correlationId?: string;
}

/**
 * Typed request–reply over NATS. Validates the payload against its contract class before sending (unless
 * NATS_CHECK_OUTGOING is false: the answering service's check alone), carries the correlation id and the caller
 * (see CALLER_HEADERS) in headers, and turns error replies, timeouts and "no responders" into RemoteError.
 */
@Injectable()
export class MessagingClient implements OnApplicationShutdown {
  private readonly defaultTimeoutMs: number;
  private readonly checkOutgoing: boolean;

  constructor(
    @Inject(NATS_CLIENT) private readonly client: ClientProxy,
    config: ConfigService,
  ) {
    this.defaultTimeoutMs = config.get<number>('NATS_REQUEST_TIMEOUT_MS', 10_000);
    this.checkOutgoing = config.get<boolean>('NATS_CHECK_OUTGOING', true);
  }

  async request<S extends RequestSubject>(
    subject: S,
    payload: RequestOf<S>,
    options: RequestOptions = {},
  ): Promise<ReplyOf<S>> {
    if (this.checkOutgoing) {
      this.validate(subject, payload);
    }
    const headers = natsHeaders();
    const correlationId = options.correlationId ?? currentCorrelationId();
    if (correlationId) {
      headers.set(CORRELATION_HEADER, correlationId);
    }
    const caller = currentCaller();
    if (caller) {
      for (const [name, value] of Object.entries(callerToHeaders(caller))) {
        headers.set(name, value);
      }
    }
    const record = new NatsRecordBuilder(payload).setHeaders(headers).build();
    const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs;
    try {
      return await firstValueFrom(this.client.send<ReplyOf<S>>(subject, record).pipe(timeout(timeoutMs)));
    } catch (error) {
      throw this.translate(subject, error, timeoutMs);
    }
  }

  /** The underlying connection, for health checks. */
  async connection(): Promise<NatsConnection> {
    return (await this.client.connect()) as NatsConnection;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }

  private validate(subject: RequestSubject, payload: object): void {
    const { errors } = validateContract(REQUEST_CLASSES[subject], payload);
    if (errors.length > 0) {
      throw new DomainError(
        ErrorCode.VALIDATION_FAILED,
        `payload for ${subject} failed validation`,
        '消息内容不符合要求',
        toFieldErrors(errors),
      );
    }
  }

  private translate(subject: string, error: unknown, timeoutMs: number): Error {
    if (isErrorReply(error)) {
      return RemoteError.fromReply(subject, error);
    }
    if (error instanceof TimeoutError) {
      return new RemoteError(ErrorCode.UNAVAILABLE, `服务在${timeoutMs}毫秒内未响应（${subject}）`, subject);
    }
    const text = error instanceof Error ? error.message : String(error);
    if (/no responders|no subscribers|503/i.test(text)) {
      return new RemoteError(ErrorCode.UNAVAILABLE, `没有可用的服务处理该请求（${subject}）`, subject);
    }
    if (/no matching message handler/i.test(text)) {
      return new RemoteError(ErrorCode.UNAVAILABLE, `服务不支持该请求（${subject}）`, subject);
    }
    return new RemoteError(ErrorCode.INTERNAL, `调用服务失败（${subject}）：${text}`, subject);
  }
}
