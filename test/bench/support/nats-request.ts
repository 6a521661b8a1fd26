import { headers as natsHeaders, JSONCodec, type NatsConnection } from 'nats';

import type { Caller } from '@app/contracts';
import { callerToHeaders } from '@app/platform';

const codec = JSONCodec();

/** One request to a service over NATS as `caller`, as a non-Nest client would send it; a refusal throws. */
export async function natsRequest<T>(
  nats: NatsConnection,
  subject: string,
  body: unknown,
  caller: Caller,
  timeout = 600_000,
): Promise<T> {
  const headers = natsHeaders();
  for (const [key, value] of Object.entries(callerToHeaders(caller))) {
    headers.set(key, value);
  }
  const reply = codec.decode((await nats.request(subject, codec.encode(body), { headers, timeout })).data) as {
    err?: unknown;
    response?: T;
  } & T;
  if (reply.err) {
    throw new Error(`${subject}: ${JSON.stringify(reply.err).slice(0, 300)}`);
  }
  return reply.response ?? reply;
}
