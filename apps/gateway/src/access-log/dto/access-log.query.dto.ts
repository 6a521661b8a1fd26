import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class AccessLogQueryDto {
  @ApiPropertyOptional({ description: 'Username or user id of the person who looked' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  actor?: string;

  @ApiPropertyOptional({ description: 'Id of the record looked at' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  recordId?: string;

  @ApiPropertyOptional({ description: 'Division code (prefix) of the records' })
  @IsOptional()
  @Matches(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/, { message: '行政区划代码应为2、4、6、9或12位数字' })
  division?: string;

  @ApiPropertyOptional({ description: 'From (inclusive), ISO-8601' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'from 必须是日期时间' })
  from?: Date;

  @ApiPropertyOptional({ description: 'To (exclusive), ISO-8601' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'to 必须是日期时间' })
  to?: Date;

  @ApiPropertyOptional({ default: 100, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 100;
}
