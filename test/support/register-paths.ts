import { join } from 'node:path';

import { register } from 'tsconfig-paths';

// Jest's global setup runs outside its module mapper: resolve the @app/* aliases for it the same way.
register({
  baseUrl: join(__dirname, '..', '..'),
  paths: {
    '@app/contracts': ['libs/contracts/src'],
    '@app/contracts/*': ['libs/contracts/src/*'],
    '@app/platform': ['libs/platform/src'],
    '@app/domain': ['libs/domain/src'],
    '@apps/*': ['apps/*'],
  },
});
