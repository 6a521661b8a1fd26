import type { Config } from 'jest';

import { baseConfig } from '../jest.config';

/** Integration tier: real PostgreSQL, NATS and the Temporal dev server; one file at a time. */
const config: Config = {
  ...baseConfig,
  rootDir: '..',
  displayName: 'integration',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/temporal', '<rootDir>/test/integration'],
  testRegex: '\\.integration-spec\\.ts$',
  setupFiles: ['reflect-metadata', '<rootDir>/test/support/integration-env.setup.ts'],
  globalSetup: '<rootDir>/test/support/integration-global-setup.ts',
  globalTeardown: '<rootDir>/test/support/integration-global-teardown.ts',
  maxWorkers: 1,
  testTimeout: 60_000,
};

export default config;
