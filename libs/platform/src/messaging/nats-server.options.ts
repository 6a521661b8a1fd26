import { type NatsOptions, Transport } from '@nestjs/microservices';

import { LenientJsonDeserializer } from './lenient-json.deserializer';

/** NATS transport options for a service: its queue group (replicas share the load) and a safe deserializer. */
export function natsServerOptions(servers: string, queue: string): NatsOptions {
  return {
    transport: Transport.NATS,
    options: {
      servers: servers.split(','),
      queue,
      name: queue,
      deserializer: new LenientJsonDeserializer(),
      // Requests and JetStream publications without an Error captured up front for their failures' stacks.
      noAsyncTraces: true,
    },
  };
}
