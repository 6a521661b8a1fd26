import 'reflect-metadata';

import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';

import { correlationMiddleware, createHttpValidationPipe, HttpErrorFilter } from '@app/platform';

import { AppModule } from './app.module';
import { setupOpenApi } from './openapi/openapi';

/** Builds the gateway app with its pipes, filters, prefix and OpenAPI docs (used by main and tests). */
export async function createGateway(): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.use(correlationMiddleware);
  app.setGlobalPrefix('api', { exclude: ['health'] });
  app.useGlobalPipes(createHttpValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter());
  app.enableShutdownHooks();
  setupOpenApi(app);
  return app;
}
