import { DEMO_BANKS } from '@app/domain';

import { BankClient } from './bank-client';
import { simulateBank } from './simulate';

/**
 * A payment bank played against the running gateway's /bank/v1 API (a separate process):
 *
 *   npx ts-node --transpile-only -r tsconfig-paths/register test/bank-simulator/main.ts [--bank JLRCB] [--poll ms]
 *
 * Without --poll it makes one pass over every demo bank (or the one named) and prints a JSON summary per bank.
 * BANK_SECRET overrides the demo secret; GATEWAY_URL the address (default http://127.0.0.1:3000).
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const index = args.indexOf(name);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const baseUrl = process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000';
  const only = option('--bank');
  const poll = option('--poll');
  const banks = DEMO_BANKS.filter((bank) => !only || bank.code === only);
  if (banks.length === 0) {
    throw new Error(`no demo bank ${only}`);
  }
  for (;;) {
    for (const bank of banks) {
      const client = new BankClient(baseUrl, bank.code, process.env.BANK_SECRET ?? bank.secret);
      const summary = await simulateBank(client);
      process.stdout.write(`${JSON.stringify(summary)}\n`);
    }
    if (!poll) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, Number(poll)));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bank simulator failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
