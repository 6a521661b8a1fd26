import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vite';

/**
 * The staff console: built to static files (dist/console) that the gateway serves at /console/. It takes from
 * libs/contracts and libs/domain only
 * plain constants, types and pure functions (labels, dates), never a validator.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  resolve: {
    alias: {
      '@app/contracts': fileURLToPath(new URL('../../libs/contracts/src', import.meta.url)),
      '@app/domain': fileURLToPath(new URL('../../libs/domain/src', import.meta.url)),
    },
  },
  build: {
    outDir: fileURLToPath(new URL('../../dist/console', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 400,
    rolldownOptions: {
      // react-router marks its modules "use client" (for server components); a plain browser bundle has none.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') {
          warn(warning);
        }
      },
    },
  },
});
