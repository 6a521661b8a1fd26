import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';

import {
  type ArchiveFileReply,
  type FixityCheckReply,
  FixitySweepRequest,
  type FixitySweepReply,
  ListFixityChecksRequest,
  type ListFixityChecksReply,
  PERMISSIONS,
  SUBJECTS,
} from '@app/contracts';
import { MessagingClient } from '@app/platform';

import { AccessLogService } from '../access-log/access-log.service';
import { AccessPurpose, clientIp } from '../access-log/access-purpose.decorator';
import { RequirePermission } from '../identity/auth/auth.decorators';

const householdId = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 400 });

/** Household archive files (一户一卷) and their fixity checks (DA/T 70 four-property tests). */
@ApiTags('archive')
@ApiBearerAuth()
@Controller('v1/archive')
export class ArchiveFilesController {
  constructor(
    private readonly messaging: MessagingClient,
    private readonly accessLog: AccessLogService,
  ) {}

  @Get('files/:householdId')
  @RequirePermission(PERMISSIONS.documentRead)
  @ApiHeader({ name: 'X-Access-Purpose', required: true, description: 'Why you look (UTF-8, percent-encoded)' })
  @ApiOperation({
    summary: 'A household’s archive file: reference code, cabinet and box, items in filing order with their hashes',
  })
  async file(
    @Param('householdId', householdId) id: string,
    @AccessPurpose() purpose: string,
    @Req() request: Request,
  ): Promise<ArchiveFileReply> {
    const reply = await this.messaging.request(SUBJECTS.archive.fileGet, { householdId: id });
    await this.accessLog.record({
      action: 'READ',
      recordType: 'archive-file',
      recordId: reply.id,
      recordDivision: reply.divisionCode,
      purpose,
      clientIp: clientIp(request),
    });
    return reply;
  }

  @Post('files/:householdId/fixity-checks')
  @HttpCode(201)
  @RequirePermission(PERMISSIONS.archiveManage)
  @ApiOperation({ summary: 'Check one file now: content hashes, hash chain, item numbering, readability' })
  verify(@Param('householdId', householdId) id: string): Promise<FixityCheckReply> {
    return this.messaging.request(SUBJECTS.archive.fixityVerifyFile, { householdId: id });
  }

  @Get('fixity-checks')
  @RequirePermission(PERMISSIONS.archiveManage)
  @ApiOperation({ summary: 'Recent fixity checks in your division, newest first (?problemsOnly=true&householdId=)' })
  checks(@Query() query: ListFixityChecksRequest): Promise<ListFixityChecksReply> {
    return this.messaging.request(SUBJECTS.archive.fixityList, query);
  }

  @Post('fixity-sweeps')
  @HttpCode(201)
  @RequirePermission(PERMISSIONS.archiveManage)
  @ApiOperation({ summary: 'Check every file in your division now (the scheduled sweep checks all files daily)' })
  sweep(@Body() body: FixitySweepRequest): Promise<FixitySweepReply> {
    return this.messaging.request(SUBJECTS.archive.fixitySweep, body, { timeoutMs: 10 * 60_000 });
  }
}
