import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';

import { PERMISSIONS } from '@app/contracts';

import type { ChainVerification } from './access-log-chain';
import type { AccessLogEntry } from './access-log-entry.entity';
import { AccessLogService } from './access-log.service';
import { AccessLogQueryDto } from './dto/access-log.query.dto';
import { RequirePermission } from '../identity/auth/auth.decorators';

@ApiTags('access log')
@ApiBearerAuth()
@Controller('v1/access-log')
export class AccessLogController {
  constructor(private readonly accessLog: AccessLogService) {}

  @Get()
  @RequirePermission(PERMISSIONS.accessLogRead)
  @ApiOperation({ summary: 'Reads of personal data about records in your division, newest first' })
  list(@Query() query: AccessLogQueryDto): Promise<AccessLogEntry[]> {
    return this.accessLog.query(query);
  }

  @Post('verify')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.accessLogRead)
  @ApiOperation({ summary: 'Recompute the hash chain of the whole log; names the first entry that does not hold' })
  verify(): Promise<ChainVerification> {
    return this.accessLog.verify();
  }
}
