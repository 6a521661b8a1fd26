import { Body, Controller, Get, HttpCode, Post, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';

import {
  type DisposalReply,
  type LegalHoldReply,
  type ListAccountingRecordsReply,
  ListAccountingRecordsRequest,
  PERMISSIONS,
  SUBJECTS,
} from '@app/contracts';
import { MessagingClient, UuidParam } from '@app/platform';

import { AccessLogService } from '../access-log/access-log.service';
import { AccessPurpose, clientIp } from '../access-log/access-purpose.decorator';
import { downloadWatermark } from '../common/download-watermark';
import { IdempotencyKey } from '../common/idempotency-key.decorator';
import { DisposalDto, LegalHoldDto } from './dto/archive.dto';
import { RequirePermission } from '../identity/auth/auth.decorators';

/**
 * Records kept apart from household files: payment rosters (会计档案) and county statistics reports (文书档案),
 * each with its retention; disposal only by a recorded decision.
 */
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

  @Post(':id/disposal')
  @HttpCode(201)
  @RequirePermission(PERMISSIONS.archiveManage)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({
    summary:
      'A recorded disposal decision on a roster or statistics report that is due: DESTROY (content removed, the record kept) or EXTEND by N years',
  })
  dispose(
    @UuidParam('id') id: string,
    @IdempotencyKey() idempotencyKey: string,
    @Body() body: DisposalDto,
  ): Promise<DisposalReply> {
    return this.messaging.request(SUBJECTS.archive.disposalDecide, { ...body, recordId: id, idempotencyKey });
  }

  @Post(':id/holds')
  @HttpCode(201)
  @RequirePermission(PERMISSIONS.archiveManage)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({
    summary:
      'Hold a roster or statistics report (保全, e.g. AUDIT while the payments are audited) on a stated basis: it cannot be destroyed until lifted (POST /archive/holds/:id/lift)',
  })
  placeHold(
    @UuidParam('id') id: string,
    @IdempotencyKey() idempotencyKey: string,
    @Body() body: LegalHoldDto,
  ): Promise<LegalHoldReply> {
    return this.messaging.request(SUBJECTS.archive.holdPlace, { ...body, recordId: id, idempotencyKey });
  }

  @Get(':id/content')
  @RequirePermission(PERMISSIONS.documentRead)
  @ApiProduces('application/pdf')
  @ApiHeader({ name: 'X-Access-Purpose', required: true, description: 'Why you look (UTF-8, percent-encoded)' })
  @ApiOperation({ summary: 'A roster’s PDF (names of recipients): logged in the access log with its purpose' })
  async content(
    @UuidParam('id') id: string,
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
