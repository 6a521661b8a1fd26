import { existsSync } from 'node:fs';

import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium (deploy/local/browser.sh installs it), or CHROMIUM_PATH. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless Chromium for the console's browser tests. The flags keep it off the network it would otherwise call
 * at start (this machine's network is closed to it) and let it run as root.
 */
export function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `no Chromium at ${CHROMIUM}: run bash deploy/local/browser.sh (npm test does), or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
