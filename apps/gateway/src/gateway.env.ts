import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

import { PlatformEnv } from '@app/platform';

export class GatewayEnv extends PlatformEnv {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  /** How long GET /health waits for each component. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  HEALTH_TIMEOUT_MS = 2000;
}
