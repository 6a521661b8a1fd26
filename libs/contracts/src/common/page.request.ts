import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** A page of a list: `limit` lines (1 to 200; each list says its default) from `offset`. */
export class PageRequest {
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '条数必须是整数' })
  @Min(1, { message: '条数为1至200' })
  @Max(200, { message: '条数为1至200' })
  limit?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '起始位置必须是整数' })
  @Min(0, { message: '起始位置不能为负数' })
  offset?: number;
}
