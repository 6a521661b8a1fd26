import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { BASE_URL } from './http-client';
import type { SimulationSummary } from '../bank-simulator/simulate';

const run = promisify(execFile);

/** Runs the bank simulator as its own process (as a bank would be) for one pass; returns its summary line. */
export async function runBankSimulator(bankCode: string): Promise<SimulationSummary> {
  const { stdout } = await run(
    'npx',
    ['ts-node', '--transpile-only', '-r', 'tsconfig-paths/register', 'test/bank-simulator/main.ts', '--bank', bankCode],
    { env: { ...process.env, TS_NODE_PROJECT: 'tsconfig.json', GATEWAY_URL: BASE_URL }, timeout: 120_000 },
  );
  return JSON.parse(stdout.trim().split('\n').pop()!) as SimulationSummary;
}
