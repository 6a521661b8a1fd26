import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';

import { ALL_ROLES, IsDivisionCode, type Role } from '@app/contracts';

export class UpdateAccountDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: '姓名必须是文本' })
  @IsNotEmpty({ message: '姓名不能为空' })
  @MaxLength(100, { message: '姓名不能超过100个字符' })
  displayName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsDivisionCode()
  divisionCode?: string;

  @ApiPropertyOptional({ enum: ALL_ROLES, isArray: true })
  @IsOptional()
  @IsArray({ message: '角色必须是列表' })
  @ArrayMinSize(1, { message: '至少指定一个角色' })
  @ArrayUnique({ message: '角色不能重复' })
  @IsIn(ALL_ROLES, { each: true, message: `角色只能是：${ALL_ROLES.join('、')}` })
  roles?: Role[];

  @ApiPropertyOptional({ description: 'false deactivates the account and revokes its refresh tokens' })
  @IsOptional()
  @IsBoolean({ message: 'active 必须是布尔值' })
  active?: boolean;
}
