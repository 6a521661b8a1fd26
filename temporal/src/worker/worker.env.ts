import { IsOptional, IsString, Matches } from 'class-validator';

import { PlatformEnv } from '@app/platform';

export class WorkerEnv extends PlatformEnv {
  /** Activities build their requests from workflow state, never from user input; each service checks what it gets. */
  override NATS_CHECK_OUTGOING = false;

  /** Path of a prebuilt workflow bundle (npm run build:workflow-bundle); unset: bundle at start from source. */
  @IsOptional()
  @IsString()
  TEMPORAL_WORKFLOW_BUNDLE?: string;

  /**
   * host:port of the Temporal SDK's own Prometheus metrics (`temporal_*`: workflow and activity task latencies,
   * slots, sticky cache, polls); unset: not served. The process's own metrics are on METRICS_PORT.
   */
  @IsOptional()
  @Matches(/^[\w.-]+:\d{1,5}$/, { message: 'must be host:port' })
  TEMPORAL_METRICS_ADDRESS?: string;
}
