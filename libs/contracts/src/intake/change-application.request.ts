import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';

import { ApplicationDetails } from './application-details';

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
