import { Type } from 'class-transformer';
import { IsInt, Min } from 'class-validator';

import { IsMonth } from '@app/contracts';

/** `:month` in a payroll path, YYYY-MM (400 on `month` otherwise). */
export class MonthParam {
  @IsMonth()
  month: string;
}

/** `:id` of a payroll line, a positive integer (400 on `id` otherwise). */
export class LineIdParam {
  @Type(() => Number)
  @IsInt({ message: '明细编号应为正整数' })
  @Min(1, { message: '明细编号应为正整数' })
  id: number;
}
