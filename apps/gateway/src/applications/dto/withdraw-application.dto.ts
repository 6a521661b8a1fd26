import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class WithdrawApplicationDto {
  @ApiProperty({ example: '家庭收入已提高，申请人主动撤回' })
  @IsString({ message: '撤回原因必须是文本' })
  @IsNotEmpty({ message: '撤回原因不能为空' })
  @MaxLength(500, { message: '撤回原因不能超过500个字符' })
  reason: string;
}
