import { type INestMicroservice, type Type } from '@nestjs/common';
import { connect, type NatsConnection } from 'nats';

import { createService } from '@app/platform';

import { TEST_NATS_SERVERS } from './test-env';

/** Boots a service's real module graph on the test NATS server in its queue group, listening. */
export async function startService(module: Type<unknown>, queue: string): Promise<INestMicroservice> {
  const app = await createService(module, queue, TEST_NATS_SERVERS);
  await app.listen();
  return app;
}

/** A raw NATS connection to the test server, for sending what no typed client would. */
export function rawNats(): Promise<NatsConnection> {
  return connect({ servers: TEST_NATS_SERVERS });
}
