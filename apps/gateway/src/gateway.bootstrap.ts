import 'reflect-metadata';

import { type INestApplication, RequestMethod } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';

import { correlationMiddleware, createHttpValidationPipe, HttpErrorFilter, httpMetricsMiddleware } from '@app/platform';

import { AppModule } from './app.module';
import { serveConsole } from './console/serve-console';
import { assertProductionSecret, type GatewayEnv } from './gateway.env';
import { setupOpenApi } from './openapi/openapi';

/** Builds the gateway app with its pipes, filters, prefix and OpenAPI docs (used by main and tests). */
export async function createGateway(): Promise<INestApplication> {
  // rawBody: bank requests are signed over the exact body bytes.
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true, rawBody: true });
  // Bank result posts carry up to 5,000 lines.
  app.useBodyParser('json', { limit: '2mb' });
  assertProductionSecret({
    NODE_ENV: app.get(ConfigService).get('NODE_ENV'),
    JWT_SECRET: app.get(ConfigService).get('JWT_SECRET'),
  } as GatewayEnv);
  app.useLogger(app.get(Logger));
  app.use(correlationMiddleware);
  app.use(httpMetricsMiddleware);
  const staffConsole = serveConsole(app, app.get(ConfigService).getOrThrow<string>('CONSOLE_DIR'));
  if (!staffConsole.built) {
    app.get(Logger).warn(`staff console not built yet (${staffConsole.directory}): /console/ answers 404 until it is`);
  }
  app.setGlobalPrefix('api', { exclude: ['health', { path: 'bank/*path', method: RequestMethod.ALL }] });
  app.useGlobalPipes(createHttpValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter());
  app.enableShutdownHooks();
  setupOpenApi(app);
  return app;
}
