import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class ResetPasswordDto {
  @ApiProperty({ minLength: 10 })
  @IsString({ message: '密码必须是文本' })
  @MinLength(10, { message: '密码至少10个字符' })
  @MaxLength(200, { message: '密码不能超过200个字符' })
  password: string;
}
