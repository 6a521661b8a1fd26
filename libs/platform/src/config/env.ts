import { plainToInstance, Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, Min, validateSync } from 'class-validator';

import { DEVELOPMENT_PAYLOAD_KEY } from '../temporal/payload-encryption.codec';

/** Infrastructure settings shared by every process; same names everywhere (see .env.example). */
export class PlatformEnv {
  @IsString()
  @IsNotEmpty()
  DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/dibao';

  @IsString()
  @IsNotEmpty()
  NATS_SERVERS = 'nats://127.0.0.1:4222';

  /** A request over NATS fails with a typed timeout after this long; shorter than any activity timeout. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(120_000)
  NATS_REQUEST_TIMEOUT_MS = 10_000;

  /**
   * Whether this process checks a request against its contract before sending it (the service that answers always
   * checks it). "false" where requests are built by code alone, not from user input (the Temporal worker).
   */
  @IsBoolean({ message: 'must be true or false' })
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  NATS_CHECK_OUTGOING = true;

  @IsString()
  @IsNotEmpty()
  TEMPORAL_ADDRESS = '127.0.0.1:7233';

  @IsString()
  @IsNotEmpty()
  TEMPORAL_NAMESPACE = 'dibao';

  /**
   * Keys (32 bytes, base64, comma-separated; the first encrypts) of the payloads Temporal stores. The development
   * key is refused in production.
   */
  @IsString()
  @IsNotEmpty()
  TEMPORAL_PAYLOAD_KEYS = DEVELOPMENT_PAYLOAD_KEY;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Port of this process's `GET /metrics` (Prometheus); 0: not served. Each process of a host needs its own. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65_535)
  METRICS_PORT = 0;

  /** Address the metrics port listens on: loopback unless a scraper on another host must reach it. */
  @IsString()
  @IsNotEmpty()
  METRICS_HOST = '127.0.0.1';

  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV?: string;
}

/**
 * Returns a `validate` function for ConfigModule that parses process.env into `envClass` (defaults
 * filled in) and fails boot listing every bad variable.
 */
export function validateEnv<T extends object>(envClass: new () => T): (raw: Record<string, unknown>) => T {
  return (raw) => {
    const known = Object.keys(new envClass());
    const picked = Object.fromEntries(Object.entries(raw).filter(([key]) => known.includes(key) && raw[key] !== ''));
    const env = plainToInstance(envClass, picked, { exposeDefaultValues: true });
    const errors = validateSync(env, { skipMissingProperties: false });
    if (errors.length > 0) {
      const list = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`).join('\n');
      throw new Error(`Invalid environment:\n${list}`);
    }
    return env;
  };
}

/** Reads the environment once outside Nest (scripts, the MikroORM CLI). */
export function readEnv<T extends object>(envClass: new () => T): T {
  return validateEnv(envClass)(process.env);
}
