import { type INestMicroservice, type Type } from '@nestjs/common';
import { connect, type NatsConnection } from 'nats';

import { ErrorCode } from '@app/contracts';
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

/**
 * Asks until the service answers: a service just started listens before its subscriptions have reached the NATS
 * server, so the first requests may find no responder (UNAVAILABLE) for a moment. Any other error is thrown at once.
 */
export async function untilAnswered<T>(ask: () => Promise<T>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await ask();
    } catch (error) {
      if ((error as { code?: unknown }).code !== ErrorCode.UNAVAILABLE || Date.now() > deadline) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
