import { randomUUID } from 'node:crypto';

import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ClientProxy } from '@nestjs/microservices';
import { ErrorCode as NatsErrorCode, headers as natsHeaders, JSONCodec, type NatsConnection, NatsError } from 'nats';

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
import { natsRequestSeconds, outcomeOf } from '../metrics/metrics';

export interface RequestOptions {
  timeoutMs?: number;
  /** Overrides the correlation id of the current context. */
  correlationId?: string;
}

/** A Nest microservice's reply: the handler's value, or its error. */
interface ReplyPacket {
  response?: unknown;
  err?: unknown;
}

const codec = JSONCodec<unknown>();

/**
 * Typed request–reply over NATS. Validates the payload against its contract class before sending (unless
 * NATS_CHECK_OUTGOING is false: the answering service's check alone), carries the correlation id and the caller
 * (see CALLER_HEADERS) in headers, and turns error replies, timeouts and "no responders" into RemoteError.
 *
 * Sent with the NATS client's own request (one shared reply subscription per connection) in Nest's packet format,
 * which every service's server reads; Nest's client proxy subscribes and unsubscribes a reply inbox for every
 * request — two more protocol operations per call for the server's interest graph (nats.go#294).
 */
@Injectable()
export class MessagingClient implements OnApplicationShutdown {
  private readonly defaultTimeoutMs: number;
  private readonly checkOutgoing: boolean;
  private nats?: NatsConnection;

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
    const end = natsRequestSeconds.startTimer({ subject });
    try {
      const reply = await this.send(subject, payload, options);
      end({ outcome: 'ok' });
      return reply;
    } catch (error) {
      end({ outcome: outcomeOf(error) });
      throw error;
    }
  }

  private async send<S extends RequestSubject>(
    subject: S,
    payload: RequestOf<S>,
    options: RequestOptions,
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
    const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs;
    let reply: ReplyPacket;
    try {
      const nats = this.nats && !this.nats.isClosed() ? this.nats : await this.connection();
      const message = await nats.request(subject, codec.encode({ pattern: subject, data: payload, id: randomUUID() }), {
        headers,
        timeout: timeoutMs,
      });
      reply = codec.decode(message.data) as ReplyPacket;
    } catch (error) {
      throw this.translate(subject, error, timeoutMs);
    }
    if (reply.err !== undefined && reply.err !== null) {
      throw this.translate(subject, reply.err, timeoutMs);
    }
    return reply.response as ReplyOf<S>;
  }

  /** The underlying connection (Nest's client makes and keeps it): for requests and health checks. */
  async connection(): Promise<NatsConnection> {
    this.nats = (await this.client.connect()) as NatsConnection;
    return this.nats;
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
    if (error instanceof NatsError && error.code === String(NatsErrorCode.Timeout)) {
      return new RemoteError(ErrorCode.UNAVAILABLE, `服务在${timeoutMs}毫秒内未响应（${subject}）`, subject);
    }
    const text = error instanceof Error ? error.message : String(error);
    if (
      (error instanceof NatsError && error.code === String(NatsErrorCode.NoResponders)) ||
      /no responders|503/i.test(text)
    ) {
      return new RemoteError(ErrorCode.UNAVAILABLE, `没有可用的服务处理该请求（${subject}）`, subject);
    }
    if (/no matching message handler/i.test(text)) {
      return new RemoteError(ErrorCode.UNAVAILABLE, `服务不支持该请求（${subject}）`, subject);
    }
    return new RemoteError(ErrorCode.INTERNAL, `调用服务失败（${subject}）：${text}`, subject);
  }
}
