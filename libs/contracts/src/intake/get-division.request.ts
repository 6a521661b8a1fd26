import { IsOptional, Matches } from 'class-validator';

import { IsCalendarDate } from '../common/identity.validators';

export class GetDivisionRequest {
  @Matches(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/, { message: '行政区划代码应为2、4、6、9或12位数字' })
  code: string;

  /** The version valid on this day (YYYY-MM-DD); default today. */
  @IsOptional()
  @IsCalendarDate()
  at?: string;
}

export interface DivisionReply {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
  urbanRural: string;
  validFrom: string;
  validTo: string | null;
  successorCode: string | null;
}
