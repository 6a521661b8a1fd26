import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { TEST_ENV, TEST_NATS_SERVERS } from './test-env';

// Every app booted by an integration spec reads these through its validated config.
process.env.DATABASE_URL = TEST_ENV.databaseUrl;
process.env.NATS_SERVERS = TEST_NATS_SERVERS;
process.env.TEMPORAL_ADDRESS = TEST_ENV.temporalAddress;
process.env.TEMPORAL_NAMESPACE = TEST_ENV.temporalNamespace;
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'warn';
process.env.NATS_REQUEST_TIMEOUT_MS = '5000';
process.env.ARCHIVE_BLOB_DIR = mkdtempSync(join(tmpdir(), 'dibao-test-blobs-'));
process.env.AUTH_LOGIN_RATE_PER_MINUTE = '40';
process.env.UPLOAD_MAX_BYTES = String(2 * 1024 * 1024);
// The payroll Schedule is tested on its own; services booted by other specs leave it alone.
process.env.PAYROLL_SCHEDULE = 'off';
