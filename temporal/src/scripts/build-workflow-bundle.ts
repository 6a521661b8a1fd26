import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { bundleWorkflowCode } from '@temporalio/worker';

import { bundlerOptions } from '../worker/bundler-options';

/** Writes the production workflow bundle to dist/workflow-bundle.js (set TEMPORAL_WORKFLOW_BUNDLE to use it). */
async function main(): Promise<void> {
  const { code } = await bundleWorkflowCode({ workflowsPath: require.resolve('../workflows'), ...bundlerOptions });
  const target = join(__dirname, '..', '..', '..', 'dist', 'workflow-bundle.js');
  await writeFile(target, code);
  process.stdout.write(`workflow bundle written to ${target}\n`);
}

void main();
