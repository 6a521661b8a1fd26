import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

import {
  bundleWorkflowCode,
  NativeConnection,
  Worker,
  type WorkflowBundle,
  type WorkflowBundleOption,
} from '@temporalio/worker';

import { DEVELOPMENT_PAYLOAD_KEY, type MessagingClient, payloadEncryptionCodec } from '@app/platform';

import { bundlerOptions } from './bundler-options';
import { correlationActivityInterceptor } from './correlation.interceptor';
import { createActivities } from '../activities/create-activities';

export interface WorkerSettings {
  address: string;
  namespace: string;
  taskQueue: string;
  messaging: MessagingClient;
  /** Prebuilt bundle (production); when absent the workflows are bundled from source at start. */
  workflowBundlePath?: string;
  /** A bundle made once in this process (see bundleWorkflows), shared by several workers. */
  workflowBundle?: WorkflowBundle;
  /** TEMPORAL_PAYLOAD_KEYS (the development key when absent: tests and the local stack). */
  payloadKeys?: string;
  nodeEnv?: string;
}

/** Bundles the workflows from source once, for several workers of one process. */
export function bundleWorkflows(): Promise<WorkflowBundle> {
  return bundleWorkflowCode({ workflowsPath: require.resolve('../workflows'), ...bundlerOptions });
}

/** The first 16 hex digits of the SHA-256 of a workflow bundle's code. */
function workflowCodeOf(code: string): string {
  return createHash('sha256').update(code).digest('hex').slice(0, 16);
}

/** The worker with every workflow and activity, used by main.ts and by tests (on their own task queue). */
export async function createWorker(
  settings: WorkerSettings,
): Promise<{ worker: Worker; connection: NativeConnection }> {
  // The bundle is made (or read) here rather than by Worker.create, so that its hash names the code it runs.
  const bundle: WorkflowBundleOption = settings.workflowBundlePath
    ? { codePath: settings.workflowBundlePath }
    : (settings.workflowBundle ?? (await bundleWorkflows()));
  const code = 'code' in bundle ? bundle.code : await readFile(bundle.codePath, 'utf8');
  const connection = await NativeConnection.connect({ address: settings.address });
  const worker = await Worker.create({
    connection,
    namespace: settings.namespace,
    taskQueue: settings.taskQueue,
    activities: createActivities({ messaging: settings.messaging, engine: { workflowCode: workflowCodeOf(code) } }),
    interceptors: { activity: [correlationActivityInterceptor] },
    dataConverter: {
      payloadCodecs: [payloadEncryptionCodec(settings.payloadKeys ?? DEVELOPMENT_PAYLOAD_KEY, settings.nodeEnv)],
    },
    workflowBundle: bundle,
  });
  return { worker, connection };
}
