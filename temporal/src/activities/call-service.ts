import { ApplicationFailure } from '@temporalio/activity';

import { RemoteError } from '@app/platform';

/**
 * Runs one service call for an activity. A business rejection (validation, not found, conflicting key)
 * becomes a non-retryable ApplicationFailure typed by the contract error code; timeouts and transport
 * errors are thrown as they are, so Temporal retries them.
 */
export async function callService<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof RemoteError && !error.retryable) {
      throw ApplicationFailure.create({
        message: error.message,
        type: error.code,
        nonRetryable: true,
        details: [error.details ?? []],
      });
    }
    throw error;
  }
}
