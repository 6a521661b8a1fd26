import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class RefreshTokenDto {
  @ApiProperty()
  @IsString({ message: '刷新令牌必须是文本' })
  @IsNotEmpty({ message: '刷新令牌不能为空' })
  @MaxLength(200)
  refreshToken: string;
}
