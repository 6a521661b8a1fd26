import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'community1' })
  @IsString({ message: '用户名必须是文本' })
  @IsNotEmpty({ message: '用户名不能为空' })
  @MaxLength(64, { message: '用户名不能超过64个字符' })
  username: string;

  @ApiProperty({ example: 'dibao-demo-2026' })
  @IsString({ message: '密码必须是文本' })
  @IsNotEmpty({ message: '密码不能为空' })
  @MaxLength(200, { message: '密码不能超过200个字符' })
  password: string;
}
