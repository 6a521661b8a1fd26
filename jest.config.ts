import type { Config } from 'jest';

/** Shared by the three tiers: TypeScript through ts-jest (type-checking is `npm run typecheck`), @app/* aliases. */
export const baseConfig: Config = {
  rootDir: __dirname,
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.jest.json' }] },
  moduleNameMapper: {
    '^@app/(contracts|platform|domain)$': '<rootDir>/libs/$1/src',
    '^@app/(contracts|platform|domain)/(.*)$': '<rootDir>/libs/$1/src/$2',
    '^@apps/(.*)$': '<rootDir>/apps/$1',
    '^@test/support$': '<rootDir>/test/support',
    '^@test/support/(.*)$': '<rootDir>/test/support/$1',
  },
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
};

/** Unit tier: pure logic beside the code, no I/O. */
const config: Config = {
  ...baseConfig,
  displayName: 'unit',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/temporal'],
  testRegex: '\\.spec\\.ts$',
};

export default config;
