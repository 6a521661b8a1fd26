import { IsOptional, IsString } from 'class-validator';

import { PlatformEnv } from '@app/platform';

export class WorkerEnv extends PlatformEnv {
  /** Path of a prebuilt workflow bundle (npm run build:workflow-bundle); unset: bundle at start from source. */
  @IsOptional()
  @IsString()
  TEMPORAL_WORKFLOW_BUNDLE?: string;
}
