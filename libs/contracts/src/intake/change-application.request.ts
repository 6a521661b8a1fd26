import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

import { ApplicationDetails } from './application-details';
import { IsIdempotencyKey } from '../common/idempotency-key.validator';

/** Edit a draft: the fields given replace the stored ones. */
export class UpdateApplicationRequest {
  @IsUUID('4', { message: '申请编号格式不正确' })
  applicationId: string;

  @IsOptional()
  @IsInt({ message: '家庭人口数必须是整数' })
  @Min(1, { message: '家庭人口数至少为1' })
  @Max(30, { message: '家庭人口数不能超过30' })
  householdSize?: number;

  @IsOptional()
  @IsString({ message: '申请理由必须是文本' })
  @IsNotEmpty({ message: '申请理由不能为空' })
  @MaxLength(2000, { message: '申请理由不能超过2000个字符' })
  reason?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => ApplicationDetails)
  details?: ApplicationDetails;
}

/** Submit a draft: starts the approval chain. Submitting twice changes nothing. */
export class SubmitDraftRequest {
  @IsUUID('4', { message: '申请编号格式不正确' })
  applicationId: string;
}

/** Withdraw an application (申请人撤回); the running approval chain is signalled. Withdrawing twice changes nothing. */
export class WithdrawApplicationRequest {
  @IsUUID('4', { message: '申请编号格式不正确' })
  applicationId: string;

  @IsString({ message: '撤回原因必须是文本' })
  @IsNotEmpty({ message: '撤回原因不能为空' })
  @MaxLength(500, { message: '撤回原因不能超过500个字符' })
  reason: string;
}

/**
 * A new application of the household of a refused or terminated one, for the county to decide again after a
 * reconsideration or court case (system only: the approval service, once it has checked the case). The household,
 * applicant and declaration are the earlier application's; its chain goes straight to the county. Idempotent by
 * the case.
 */
export class RedecideApplicationRequest {
  @IsUUID('4', { message: '申请编号格式不正确' })
  applicationId: string;

  @IsUUID('4', { message: '案件编号格式不正确' })
  appealId: string;

  /** Why, in staff words: the body, its decision number and outcome (printed with the new application's reason). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  basis: string;
}

/**
 * The one-time notice of missing materials (一次性告知, 2021 rules Art. 10): before an application is accepted, staff
 * tell the applicant at once everything that is missing — once; what the data check can obtain through government
 * data sharing is never asked for. Filed into the household's archive file. Idempotent by key.
 */
export class NotifyMissingMaterialsRequest {
  @IsUUID('4', { message: '申请编号格式不正确' })
  applicationId: string;

  /** Every missing material, each as the applicant should understand it (printed as a numbered list). */
  @IsArray({ message: '请列出需补齐的全部材料' })
  @ArrayMinSize(1, { message: '请列出需补齐的全部材料' })
  @ArrayMaxSize(30, { message: '需补齐的材料至多30项' })
  @IsString({ each: true })
  @IsNotEmpty({ each: true, message: '材料名称不能为空' })
  @MaxLength(120, { each: true, message: '每项材料不能超过120个字符' })
  missing: string[];

  /** Where and how to bring them (window, office hours, a contact). */
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: '补齐说明不能超过500个字符' })
  note?: string;

  @IsIdempotencyKey(128)
  idempotencyKey: string;
}
