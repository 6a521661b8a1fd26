import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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

import { ApplicationDetails, IsCommunityCode, IsIdNumber } from '@app/contracts';

export class CreateApplicationDto {
  @ApiProperty({ description: 'Community or village division code (12 digits)', example: '220102001001' })
  @IsCommunityCode()
  divisionCode: string;

  @ApiProperty({ description: 'Applicant (head of household) name', example: '张三' })
  @IsString({ message: '申请人姓名必须是文本' })
  @IsNotEmpty({ message: '申请人姓名不能为空' })
  @MaxLength(50, { message: '申请人姓名不能超过50个字符' })
  applicantName: string;

  @ApiProperty({ description: '18-character citizen ID number', example: '220102198001010013' })
  @IsIdNumber()
  applicantIdNumber: string;

  @ApiProperty({ description: 'Members of the household living together', minimum: 1, maximum: 30, example: 3 })
  @IsInt({ message: '家庭人口数必须是整数' })
  @Min(1, { message: '家庭人口数至少为1' })
  @Max(30, { message: '家庭人口数不能超过30' })
  householdSize: number;

  @ApiProperty({
    description: 'Why the household applies',
    example: '家庭主要劳动力因病丧失劳动能力，收入低于当地低保标准',
  })
  @IsString({ message: '申请理由必须是文本' })
  @IsNotEmpty({ message: '申请理由不能为空' })
  @MaxLength(2000, { message: '申请理由不能超过2000个字符' })
  reason: string;

  @ApiPropertyOptional({
    description:
      'Incomes, deductions, assets (fen), payment account (holder = head), conflict flag, data-check consent',
    type: ApplicationDetails,
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ApplicationDetails)
  details?: ApplicationDetails;

  @ApiPropertyOptional({ description: 'true: keep as a draft (edit with PATCH, submit with POST …/submit)' })
  @IsOptional()
  @IsBoolean({ message: 'draft 必须是布尔值' })
  draft?: boolean;
}
