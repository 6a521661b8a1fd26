import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a mixin's base constructor must take any[] (TS2545)
type Constructor<T = object> = new (...args: any[]) => T;

/**
 * A query class with the `purpose` parameter that `@AccessPurpose` reads (it also takes the header): declared so
 * the query's whitelist lets it through.
 */
export function WithPurposeQuery<T extends Constructor>(Base: T) {
  class WithPurpose extends Base {
    @ApiPropertyOptional({ description: 'Why you look; or the X-Access-Purpose header' })
    @IsOptional()
    @IsString({ message: 'purpose 必须是文本' })
    purpose?: string;
  }
  return WithPurpose;
}
