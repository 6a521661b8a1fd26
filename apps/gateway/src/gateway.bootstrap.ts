import 'reflect-metadata';

import type { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';

import { correlationMiddleware, createHttpValidationPipe, HttpErrorFilter } from '@app/platform';

import { AppModule } from './app.module';
import { assertProductionSecret, type GatewayEnv } from './gateway.env';
import { setupOpenApi } from './openapi/openapi';

/** Builds the gateway app with its pipes, filters, prefix and OpenAPI docs (used by main and tests). */
export async function createGateway(): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule, { bufferLogs: true });
  assertProductionSecret({
    NODE_ENV: app.get(ConfigService).get('NODE_ENV'),
    JWT_SECRET: app.get(ConfigService).get('JWT_SECRET'),
  } as GatewayEnv);
  app.useLogger(app.get(Logger));
  app.use(correlationMiddleware);
  app.setGlobalPrefix('api', { exclude: ['health'] });
  app.useGlobalPipes(createHttpValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter());
  app.enableShutdownHooks();
  setupOpenApi(app);
  return app;
}
