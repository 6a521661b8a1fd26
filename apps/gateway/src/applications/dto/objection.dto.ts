import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class ObjectionDto {
  @ApiProperty({ example: '邻居反映申请人家庭有经营性收入未申报' })
  @IsString({ message: '异议内容必须是文本' })
  @IsNotEmpty({ message: '请填写异议内容' })
  @MaxLength(2000, { message: '异议内容不能超过2000个字符' })
  summary: string;
}
