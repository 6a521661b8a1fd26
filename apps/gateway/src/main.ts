import 'reflect-metadata';

import { ConfigService } from '@nestjs/config';
import { Logger } from 'nestjs-pino';

import { createGateway } from './gateway.bootstrap';

async function main(): Promise<void> {
  const app = await createGateway();
  const port = app.get(ConfigService).getOrThrow<number>('PORT');
  await app.listen(port, '0.0.0.0');
  app.get(Logger).log(`gateway listening on http://127.0.0.1:${port} (OpenAPI at /api/docs)`);
}

void main();
