import type { Config } from 'jest';

import { baseConfig } from '../jest.config';

/** e2e tier: drives the running stack (npm run up) over HTTP, as a caseworker's client would. */
const config: Config = {
  ...baseConfig,
  rootDir: '..',
  displayName: 'e2e',
  roots: ['<rootDir>/test/e2e'],
  testRegex: '\\.e2e-spec\\.ts$',
  maxWorkers: 1,
  globalSetup: '<rootDir>/test/support/e2e-global-setup.ts',
  testTimeout: 60_000,
};

export default config;
