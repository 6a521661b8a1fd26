export const HEALTH_OPTIONS = 'HEALTH_OPTIONS';

export interface HealthOptions {
  /** Name shown in the aggregated report. */
  service: string;
  /** The NATS subject this process answers health checks on. */
  subject: string;
  database: boolean;
  temporal: boolean;
}
