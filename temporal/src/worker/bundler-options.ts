import { existsSync } from 'node:fs';
import { join } from 'node:path';

import type { BundleOptions } from '@temporalio/worker';
import { TsconfigPathsPlugin } from 'tsconfig-paths-webpack-plugin';

/** One webpack hook, shared by the worker, the bundle script and tests, so @app/* aliases resolve in the bundle. */
export const bundlerOptions: Pick<BundleOptions, 'webpackConfigHook' | 'ignoreModules'> = {
  webpackConfigHook: (config) => {
    // From sources the root tsconfig is three folders up; compiled output (dist/) has its aliases rewritten already.
    const configFile = join(__dirname, '..', '..', '..', 'tsconfig.json');
    if (!existsSync(configFile)) {
      return config;
    }
    config.resolve = config.resolve ?? {};
    config.resolve.plugins = [...(config.resolve.plugins ?? []), new TsconfigPathsPlugin({ configFile, silent: true })];
    return config;
  },
};
