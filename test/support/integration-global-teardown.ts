import { existsSync, readFileSync, rmSync } from 'node:fs';

import { NATS_PID_FILE } from './integration-global-setup';

/** Stops the NATS server the global setup started (and only that one). */
export default function globalTeardown(): void {
  if (!existsSync(NATS_PID_FILE)) {
    return;
  }
  const pid = Number(readFileSync(NATS_PID_FILE, 'utf8'));
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    // already gone
  }
  rmSync(NATS_PID_FILE, { force: true });
}
