import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

import { ApplicationDetails } from './application-details';
import { IsCommunityCode } from '../common/division-code.validator';
import { IsIdempotencyKey } from '../common/idempotency-key.validator';
import { IsIdNumber } from '../common/identity.validators';

export class SubmitApplicationRequest {
  /** The caller's key: the same key with the same payload yields the same application. */
  @IsIdempotencyKey(128)
  idempotencyKey: string;

  /** The community (社区/村) where the household applies, 12 digits. */
  @IsCommunityCode()
  divisionCode: string;

  @IsString({ message: '申请人姓名必须是文本' })
  @IsNotEmpty({ message: '申请人姓名不能为空' })
  @MaxLength(50, { message: '申请人姓名不能超过50个字符' })
  applicantName: string;

  /** 18-character ID number (or a legacy 15-digit one, upgraded); the service checks every rule. */
  @IsIdNumber()
  applicantIdNumber: string;

  @IsInt({ message: '家庭人口数必须是整数' })
  @Min(1, { message: '家庭人口数至少为1' })
  @Max(30, { message: '家庭人口数不能超过30' })
  householdSize: number;

  /** Why the household applies, in the applicant's words. */
  @IsString({ message: '申请理由必须是文本' })
  @IsNotEmpty({ message: '申请理由不能为空' })
  @MaxLength(2000, { message: '申请理由不能超过2000个字符' })
  reason: string;

  /** Incomes, deductions, assets, payment account, conflict-of-interest flag and data-check consent. */
  @IsOptional()
  @ValidateNested()
  @Type(() => ApplicationDetails)
  details?: ApplicationDetails;

  /** true: keep it as a draft to edit and submit later; otherwise it is submitted at once. */
  @IsOptional()
  @IsBoolean({ message: 'draft 必须是布尔值' })
  draft?: boolean;
}
