import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsString, Max, Min, MinLength, ValidateIf } from 'class-validator';

import { PlatformEnv } from '@app/platform';

const DEVELOPMENT_JWT_SECRET = 'dibao-local-development-secret-not-for-production';

export class GatewayEnv extends PlatformEnv {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  /** The staff console's built files (npm run build:console), served at /console/; relative to the working directory. */
  @IsString()
  @IsNotEmpty()
  CONSOLE_DIR = 'dist/console';

  /** How long GET /health waits for each component. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  HEALTH_TIMEOUT_MS = 2000;

  /** HS256 key of the access tokens. Required (≥ 32 characters, not the development default) in production. */
  @IsString()
  @IsNotEmpty()
  @ValidateIf((env: GatewayEnv) => env.NODE_ENV === 'production')
  @MinLength(32)
  JWT_SECRET = DEVELOPMENT_JWT_SECRET;

  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(3600)
  JWT_ACCESS_TTL_SECONDS = 900;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(90)
  REFRESH_TOKEN_TTL_DAYS = 7;

  /** Failed logins in a row that lock an account, and for how long. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  AUTH_LOCKOUT_THRESHOLD = 5;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  AUTH_LOCKOUT_MINUTES = 15;

  /** Login attempts per client address per minute (throttling, before any password check). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  AUTH_LOGIN_RATE_PER_MINUTE = 30;

  /** Largest evidence upload accepted, in bytes (default 10 MiB). */
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(200 * 1024 * 1024)
  UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

  /** How long the dossier waits for each service's part before marking it unavailable. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(30_000)
  DOSSIER_SECTION_TIMEOUT_MS = 2000;

  /** The most applications a register export (`GET /api/v1/applications?format=csv`) holds; more is refused. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  REGISTER_EXPORT_MAX = 2000;
}

export function assertProductionSecret(env: GatewayEnv): void {
  if (env.NODE_ENV === 'production' && env.JWT_SECRET === DEVELOPMENT_JWT_SECRET) {
    throw new Error('JWT_SECRET must be set in production');
  }
}
