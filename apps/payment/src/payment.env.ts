import { Type } from 'class-transformer';
import { IsIn, IsInt, Max, Min } from 'class-validator';

import { PlatformEnv } from '@app/platform';

export class PaymentEnv extends PlatformEnv {
  /** Day of the month the Schedule starts the payroll (1–28; paid by the 10th in local practice). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(28)
  PAYROLL_DAY_OF_MONTH = 5;

  /** Hour (Beijing time) the payroll starts on that day. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(23)
  PAYROLL_HOUR = 2;

  /**
   * Chunks a month's lines are generated in, side by side: about one per core of the database server (2 here —
   * on two cores 4 chunks took 5.0–6.3 s against 3.9–5.3 s for 2, three runs each of the payroll benchmark).
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(64)
  PAYROLL_CHUNKS = 2;

  /** 'on': keep the payroll Schedule in Temporal as configured; 'off': leave it alone (tests, replicas). */
  @IsIn(['on', 'off'])
  PAYROLL_SCHEDULE: 'on' | 'off' = 'on';
}
