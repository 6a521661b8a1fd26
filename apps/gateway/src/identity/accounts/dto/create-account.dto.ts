import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

import { ALL_ROLES, IsDivisionCode, type Role } from '@app/contracts';

export class CreateAccountDto {
  @ApiProperty({ example: 'community3' })
  @Matches(/^[a-z][a-z0-9_.-]{2,63}$/, { message: '用户名须以小写字母开头，由3至64个小写字母、数字、_.-组成' })
  username: string;

  @ApiProperty({ example: '王经办' })
  @IsString({ message: '姓名必须是文本' })
  @IsNotEmpty({ message: '姓名不能为空' })
  @MaxLength(100, { message: '姓名不能超过100个字符' })
  displayName: string;

  @ApiProperty({ example: '220102001002', description: 'Division the account works for; within your own' })
  @IsDivisionCode()
  divisionCode: string;

  @ApiProperty({ enum: ALL_ROLES, isArray: true })
  @IsArray({ message: '角色必须是列表' })
  @ArrayMinSize(1, { message: '至少指定一个角色' })
  @ArrayUnique({ message: '角色不能重复' })
  @IsIn(ALL_ROLES, { each: true, message: `角色只能是：${ALL_ROLES.join('、')}` })
  roles: Role[];

  @ApiProperty({ minLength: 10 })
  @IsString({ message: '密码必须是文本' })
  @MinLength(10, { message: '密码至少10个字符' })
  @MaxLength(200, { message: '密码不能超过200个字符' })
  password: string;
}
