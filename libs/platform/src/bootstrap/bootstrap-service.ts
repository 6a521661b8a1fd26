import 'reflect-metadata';

import { type INestMicroservice, type Type } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';

import { createNatsValidationPipe } from '../errors/nats-validation.pipe';
import { RpcErrorFilter } from '../errors/rpc-error.filter';
import { CorrelationInterceptor } from '../messaging/correlation.interceptor';
import { MalformedMessagePipe } from '../messaging/malformed-message.pipe';
import { natsServerOptions } from '../messaging/nats-server.options';

/** Applies the platform's pipes, filters and interceptors to a NATS service (also used by tests). */
export function configureService(app: INestMicroservice): void {
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(new MalformedMessagePipe(), createNatsValidationPipe());
  app.useGlobalFilters(new RpcErrorFilter());
  app.useGlobalInterceptors(new CorrelationInterceptor());
  app.enableShutdownHooks();
}

/** Creates a NATS-only service in its queue group and starts listening. */
export async function createService(
  module: Type<unknown>,
  queue: string,
  natsServers?: string,
): Promise<INestMicroservice> {
  const servers = natsServers ?? process.env.NATS_SERVERS ?? 'nats://127.0.0.1:4222';
  const app = await NestFactory.createMicroservice(module, { ...natsServerOptions(servers, queue), bufferLogs: true });
  configureService(app);
  return app;
}

export async function bootstrapService(module: Type<unknown>, queue: string): Promise<void> {
  const app = await createService(module, queue);
  await app.listen();
  app
    .get(Logger)
    .log(
      `${queue} service listening on NATS (${app.get(ConfigService).get<string>('NATS_SERVERS')}), queue group ${queue}`,
    );
}
