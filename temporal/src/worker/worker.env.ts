import { IsOptional, IsString } from 'class-validator';

import { PlatformEnv } from '@app/platform';

export class WorkerEnv extends PlatformEnv {
  /** Activities build their requests from workflow state, never from user input; each service checks what it gets. */
  override NATS_CHECK_OUTGOING = false;

  /** Path of a prebuilt workflow bundle (npm run build:workflow-bundle); unset: bundle at start from source. */
  @IsOptional()
  @IsString()
  TEMPORAL_WORKFLOW_BUNDLE?: string;
}
