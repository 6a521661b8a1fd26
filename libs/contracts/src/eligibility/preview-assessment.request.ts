import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

import { codeChoices, HEALTH_LABELS, HEALTH_STATES } from '@app/domain';
import type { AssessmentResult, HealthState } from '@app/domain';

import { IsCalendarDate, IsIdNumber } from '../common/identity.validators';
import { DeclaredMeans } from '../intake/application-details';

export class PreviewMember {
  @IsIdNumber()
  idNumber: string;

  @IsCalendarDate({ message: '出生日期应为存在的日期，格式YYYY-MM-DD' })
  birthDate: string;

  @IsOptional()
  @IsInt({ message: '残疾等级必须是整数' })
  @Min(1, { message: '残疾等级为1至4级' })
  @Max(4, { message: '残疾等级为1至4级' })
  disabilityGrade?: number;

  @IsIn(HEALTH_STATES, { message: `健康状况只能是：${codeChoices(HEALTH_LABELS)}` })
  health: HealthState;
}

/** A household composition, incomes and assets to assess, stored nowhere (a caseworker's preview). */
export class PreviewAssessmentRequest extends DeclaredMeans {
  /** The community (12 digits) or county the household lives in; its standard applies. */
  @Matches(/^(\d{6}|\d{9}|\d{12})$/, { message: '行政区划代码应为6、9或12位数字' })
  divisionCode: string;

  @IsIn(['URBAN', 'RURAL'], { message: '城乡类别只能是URBAN（城市）或RURAL（农村）' })
  urbanRural: 'URBAN' | 'RURAL';

  @IsCalendarDate({ message: '评估日期应为存在的日期，格式YYYY-MM-DD' })
  at: string;

  @IsArray()
  @ArrayMinSize(1, { message: '至少一名家庭成员' })
  @ArrayMaxSize(30, { message: '家庭成员不能超过30人' })
  @ValidateNested({ each: true })
  @Type(() => PreviewMember)
  members: PreviewMember[];
}

export type AssessmentReply = AssessmentResult;
