import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';

import { ListApplicationsRequest } from '@app/contracts';

export class ListApplicationsQueryDto extends ListApplicationsRequest {
  /** Read by `@AccessPurpose` (header or this parameter); declared so the query's whitelist lets it through. */
  @ApiPropertyOptional({ description: 'Why you look; or the X-Access-Purpose header' })
  @IsOptional()
  @IsString({ message: 'purpose 必须是文本' })
  purpose?: string;
}
