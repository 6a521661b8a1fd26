import { rmSync } from 'node:fs';

import { TOKEN_CACHE } from './e2e-token-cache';

/** Each e2e run logs its users in afresh (the stack may have restarted with another signing key). */
export default function e2eGlobalSetup(): void {
  rmSync(TOKEN_CACHE, { force: true });
}
