import 'reflect-metadata';

import { ConfigService } from '@nestjs/config';
import { Runtime } from '@temporalio/worker';
import { Logger } from 'nestjs-pino';

import { QUEUE_GROUPS } from '@app/contracts';
import { TASK_QUEUES } from '@app/contracts/temporal';
import { createService, MessagingClient } from '@app/platform';

import { bundleWorkflows, createWorker } from './create-worker';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const app = await createService(WorkerModule, QUEUE_GROUPS.worker);
  await app.listen();
  const config = app.get(ConfigService);
  const logger = app.get(Logger);
  const metricsAddress = config.get<string>('TEMPORAL_METRICS_ADDRESS');
  if (metricsAddress) {
    // Before the first connection to Temporal: the SDK's runtime is made once per process.
    Runtime.install({ telemetryOptions: { metrics: { prometheus: { bindAddress: metricsAddress } } } });
    logger.log(`Temporal SDK metrics on http://${metricsAddress}/metrics`);
  }
  // One worker per task queue (approval chains; the monthly payroll), same workflows and activities.
  const bundlePath = config.get<string>('TEMPORAL_WORKFLOW_BUNDLE');
  const workflowBundle = bundlePath ? undefined : await bundleWorkflows();
  const workers = await Promise.all(
    [TASK_QUEUES.approval, TASK_QUEUES.payroll].map((taskQueue) =>
      createWorker({
        address: config.getOrThrow<string>('TEMPORAL_ADDRESS'),
        namespace: config.getOrThrow<string>('TEMPORAL_NAMESPACE'),
        taskQueue,
        messaging: app.get(MessagingClient),
        workflowBundlePath: bundlePath,
        workflowBundle,
        payloadKeys: config.getOrThrow<string>('TEMPORAL_PAYLOAD_KEYS'),
        nodeEnv: config.get<string>('NODE_ENV'),
      }),
    ),
  );
  logger.log(
    `worker polling task queues ${TASK_QUEUES.approval}, ${TASK_QUEUES.payroll} in namespace ${config.get('TEMPORAL_NAMESPACE')}`,
  );
  try {
    await Promise.all(workers.map(({ worker }) => worker.run()));
  } finally {
    await Promise.all(workers.map(({ connection }) => connection.close()));
    await app.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`worker failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
