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

import { HEALTH_STATES } from '@app/domain';
import type { AssessmentResult, HealthState } from '@app/domain';

import { DeclaredAsset, DeclaredDeduction, DeclaredIncome } from '../intake/application-details';

export class PreviewMember {
  @Matches(/^(\d{15}|\d{17}[\dXx])$/, { message: '身份证号码格式不正确' })
  idNumber: string;

  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '出生日期格式应为YYYY-MM-DD' })
  birthDate: string;

  @IsOptional()
  @IsInt({ message: '残疾等级必须是整数' })
  @Min(1, { message: '残疾等级为1至4级' })
  @Max(4, { message: '残疾等级为1至4级' })
  disabilityGrade?: number;

  @IsIn(HEALTH_STATES, { message: `健康状况只能是：${HEALTH_STATES.join('、')}` })
  health: HealthState;
}

/** A household composition, incomes and assets to assess, stored nowhere (a caseworker's preview). */
export class PreviewAssessmentRequest {
  /** The community (12 digits) or county the household lives in; its standard applies. */
  @Matches(/^(\d{6}|\d{9}|\d{12})$/, { message: '行政区划代码应为6、9或12位数字' })
  divisionCode: string;

  @IsIn(['URBAN', 'RURAL'], { message: '城乡类别只能是URBAN（城市）或RURAL（农村）' })
  urbanRural: 'URBAN' | 'RURAL';

  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为YYYY-MM-DD' })
  at: string;

  @IsArray()
  @ArrayMinSize(1, { message: '至少一名家庭成员' })
  @ArrayMaxSize(30, { message: '家庭成员不能超过30人' })
  @ValidateNested({ each: true })
  @Type(() => PreviewMember)
  members: PreviewMember[];

  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => DeclaredIncome)
  incomes?: DeclaredIncome[];

  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => DeclaredDeduction)
  deductions?: DeclaredDeduction[];

  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => DeclaredAsset)
  assets?: DeclaredAsset[];
}

export type AssessmentReply = AssessmentResult;
