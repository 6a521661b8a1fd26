import { IsOptional, IsString } from 'class-validator';

export class HealthCheckRequest {
  /** Free text that shows up in the responder's log; optional. */
  @IsOptional()
  @IsString()
  probe?: string;
}

export type HealthStatus = 'up' | 'down';

export interface HealthReply {
  service: string;
  status: HealthStatus;
  /** Per indicator (database, nats, temporal …): its status and, when down, why. */
  details: Record<string, { status: HealthStatus; message?: string }>;
}
