/**
 * Where the integration tier runs: its own database (dropped and re-created each run), its own NATS server
 * (so a running `npm run up` stack never answers test messages) and its own Temporal namespace.
 */
export const TEST_ENV = {
  databaseUrl: process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/dibao_test',
  natsPort: Number(process.env.TEST_NATS_PORT ?? 4223),
  temporalAddress: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
  temporalNamespace: process.env.TEST_TEMPORAL_NAMESPACE ?? 'dibao-test',
} as const;

export const TEST_NATS_SERVERS = `nats://127.0.0.1:${TEST_ENV.natsPort}`;
