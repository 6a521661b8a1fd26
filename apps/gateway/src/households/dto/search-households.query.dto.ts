import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class SearchHouseholdsQuery {
  @ApiProperty({
    description: 'A member name, full or partial (Chinese characters), or a full ID number',
    example: '张三',
  })
  @IsString({ message: '检索词必须是文本' })
  @IsNotEmpty({ message: '请输入姓名或身份证号码' })
  @MaxLength(50, { message: '检索词不能超过50个字符' })
  q: string;

  @ApiPropertyOptional({ default: 20, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit 必须是整数' })
  @Min(1)
  @Max(100)
  limit = 20;
}
