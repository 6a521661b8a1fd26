import { Logger } from '@nestjs/common';
import type { Context as ActivityContext } from '@temporalio/activity';
import type { ActivityInterceptors } from '@temporalio/worker';

import { runAsCaller, runWithCorrelation, SYSTEM_CALLER } from '@app/platform';

const logger = new Logger('Activity');

/**
 * Runs every activity as the system caller, inside the correlation id its input carries, so the worker's log
 * lines and every NATS request the activity makes share the id of the HTTP request that started the chain.
 */
export function correlationActivityInterceptor(context: ActivityContext): ActivityInterceptors {
  return {
    inbound: {
      execute: (input, next) => {
        const [first] = input.args as Array<{ correlationId?: unknown } | undefined>;
        const correlationId = typeof first?.correlationId === 'string' ? first.correlationId : undefined;
        const { activityType, workflowExecution, attempt } = context.info;
        return runWithCorrelation(correlationId, () =>
          runAsCaller(SYSTEM_CALLER, async () => {
            const started = Date.now();
            try {
              const result = await next(input);
              logger.log(
                { activityType, workflowId: workflowExecution?.workflowId, attempt, ms: Date.now() - started },
                'activity completed',
              );
              return result;
            } catch (error) {
              logger.warn(
                { activityType, workflowId: workflowExecution?.workflowId, attempt, err: error },
                'activity failed',
              );
              throw error;
            }
          }),
        );
      },
    },
  };
}
