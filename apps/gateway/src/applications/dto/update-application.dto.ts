import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';

import { ApplicationDetails } from '@app/contracts';

export class UpdateApplicationDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt({ message: '家庭人口数必须是整数' })
  @Min(1, { message: '家庭人口数至少为1' })
  @Max(30, { message: '家庭人口数不能超过30' })
  householdSize?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: '申请理由必须是文本' })
  @IsNotEmpty({ message: '申请理由不能为空' })
  @MaxLength(2000, { message: '申请理由不能超过2000个字符' })
  reason?: string;

  @ApiPropertyOptional({ type: ApplicationDetails })
  @IsOptional()
  @ValidateNested()
  @Type(() => ApplicationDetails)
  details?: ApplicationDetails;
}
