import { Controller, Get, Param, ParseUUIDPipe, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';

import { type ListAccountingRecordsReply, ListAccountingRecordsRequest, PERMISSIONS, SUBJECTS } from '@app/contracts';
import { MessagingClient } from '@app/platform';

import { AccessLogService } from '../access-log/access-log.service';
import { AccessPurpose, clientIp } from '../access-log/access-purpose.decorator';
import { downloadWatermark } from '../common/download-watermark';
import { RequirePermission } from '../identity/auth/auth.decorators';

/** Accounting records (会计档案) such as the monthly payment rosters, kept apart from household files. */
@ApiTags('archive')
@ApiBearerAuth()
@Controller('v1/accounting-records')
export class AccountingRecordsController {
  constructor(
    private readonly messaging: MessagingClient,
    private readonly accessLog: AccessLogService,
  ) {}

  @Get()
  @RequirePermission(PERMISSIONS.documentRead)
  @ApiOperation({ summary: 'Accounting records in your division, e.g. ?period=2026-12 for the month’s rosters' })
  list(@Query() query: ListAccountingRecordsRequest): Promise<ListAccountingRecordsReply> {
    return this.messaging.request(SUBJECTS.archive.accountingRecordList, query);
  }

  @Get(':id/content')
  @RequirePermission(PERMISSIONS.documentRead)
  @ApiProduces('application/pdf')
  @ApiHeader({ name: 'X-Access-Purpose', required: true, description: 'Why you look (UTF-8, percent-encoded)' })
  @ApiOperation({ summary: 'A roster’s PDF (names of recipients): logged in the access log with its purpose' })
  async content(
    @Param('id', new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 400 })) id: string,
    @AccessPurpose() purpose: string,
    @Req() request: Request,
  ): Promise<StreamableFile> {
    const reply = await this.messaging.request(SUBJECTS.archive.accountingRecordGetContent, {
      recordId: id,
      watermark: downloadWatermark(),
    });
    await this.accessLog.record({
      action: 'DOWNLOAD',
      recordType: 'accounting-record',
      recordId: reply.record.id,
      recordDivision: reply.record.divisionCode,
      purpose,
      clientIp: clientIp(request),
    });
    const bytes = Buffer.from(reply.contentBase64, 'base64');
    return new StreamableFile(bytes, {
      type: reply.record.mediaType,
      length: bytes.length,
      disposition: `inline; filename="${reply.record.id}.pdf"; filename*=UTF-8''${encodeURIComponent(reply.record.title)}.pdf`,
    });
  }
}
