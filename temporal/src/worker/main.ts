import 'reflect-metadata';

import { ConfigService } from '@nestjs/config';
import { Logger } from 'nestjs-pino';

import { QUEUE_GROUPS } from '@app/contracts';
import { TASK_QUEUES } from '@app/contracts/temporal';
import { createService, MessagingClient } from '@app/platform';

import { createWorker } from './create-worker';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const app = await createService(WorkerModule, QUEUE_GROUPS.worker);
  await app.listen();
  const config = app.get(ConfigService);
  const logger = app.get(Logger);
  const { worker, connection } = await createWorker({
    address: config.getOrThrow<string>('TEMPORAL_ADDRESS'),
    namespace: config.getOrThrow<string>('TEMPORAL_NAMESPACE'),
    taskQueue: TASK_QUEUES.approval,
    messaging: app.get(MessagingClient),
    workflowBundlePath: config.get<string>('TEMPORAL_WORKFLOW_BUNDLE'),
  });
  logger.log(`worker polling task queue ${TASK_QUEUES.approval} in namespace ${config.get('TEMPORAL_NAMESPACE')}`);
  try {
    await worker.run();
  } finally {
    await connection.close();
    await app.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`worker failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
