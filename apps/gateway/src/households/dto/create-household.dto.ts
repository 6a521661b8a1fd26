import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

import { HouseholdMemberInput, IsCommunityCode } from '@app/contracts';

export class CreateHouseholdDto {
  @ApiProperty({ example: '220102001001', description: 'Community (12 digits) the household lives in' })
  @IsCommunityCode()
  divisionCode: string;

  @ApiPropertyOptional({ example: '南关区华阳街道某小区3栋2单元501' })
  @IsOptional()
  @IsString({ message: '住址必须是文本' })
  @MaxLength(200, { message: '住址不能超过200个字符' })
  address?: string;

  @ApiProperty({
    description: 'Members living together; exactly one head (relationship 02)',
    type: [HouseholdMemberInput],
  })
  @IsArray({ message: '家庭成员必须是列表' })
  @ArrayMinSize(1, { message: '至少登记一名家庭成员' })
  @ArrayMaxSize(30, { message: '家庭成员不能超过30人' })
  @ValidateNested({ each: true })
  @Type(() => HouseholdMemberInput)
  members: HouseholdMemberInput[];
}
