import { Body, Controller, Get, HttpCode, Logger, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';

import {
  ListTransferPackagesRequest,
  type ListTransferPackagesReply,
  PERMISSIONS,
  SUBJECTS,
  type TransferPackageReply,
} from '@app/contracts';
import { beijingDate } from '@app/domain';
import { MessagingClient, UuidParam } from '@app/platform';

import { writeTransferBag } from './transfer-bag';
import { TransferPackageDto } from './transfer-package.dto';
import { AccessLogService } from '../access-log/access-log.service';
import { AccessPurpose, clientIp } from '../access-log/access-purpose.decorator';
import { IdempotencyKey } from '../common/idempotency-key.decorator';
import { RequirePermission } from '../identity/auth/auth.decorators';

/** Transfer packages (移交, DA/T 93): one household file or a whole box as a BagIt bag for the county archives. */
@ApiTags('archive')
@ApiBearerAuth()
@Controller('v1/archive/transfer-packages')
export class ArchiveTransfersController {
  private readonly logger = new Logger(ArchiveTransfersController.name);

  constructor(
    private readonly messaging: MessagingClient,
    private readonly accessLog: AccessLogService,
  ) {}

  @Post()
  @HttpCode(201)
  @RequirePermission(PERMISSIONS.archiveManage)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({
    summary:
      'Register a transfer package of one household file ({householdId}) or a box ({boxCode, year?}) with its purpose; download it as bag.tar',
  })
  create(@IdempotencyKey() idempotencyKey: string, @Body() body: TransferPackageDto): Promise<TransferPackageReply> {
    return this.messaging.request(SUBJECTS.archive.transferCreate, { ...body, idempotencyKey });
  }

  @Get()
  @RequirePermission(PERMISSIONS.archiveManage)
  @ApiOperation({ summary: 'The transfer register of your division, newest first' })
  list(@Query() query: ListTransferPackagesRequest): Promise<ListTransferPackagesReply> {
    return this.messaging.request(SUBJECTS.archive.transferList, query);
  }

  @Get(':id/bag.tar')
  @RequirePermission(PERMISSIONS.archiveManage)
  @ApiProduces('application/x-tar')
  @ApiHeader({ name: 'X-Access-Purpose', required: true, description: 'Why you download (UTF-8, percent-encoded)' })
  @ApiOperation({
    summary:
      'The package as a BagIt 1.0 bag in a tar: archived bytes (not watermarked) under data/<档号>/, file.json metadata, sha256 manifests. Logged in the access log.',
  })
  async bag(
    @UuidParam('id') id: string,
    @AccessPurpose() purpose: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    // The first page before any byte is sent: an unknown package or one out of scope is still a clean 4xx.
    const firstPage = await this.messaging.request(SUBJECTS.archive.transferFiles, { packageId: id });
    const transfer = firstPage.package;
    await this.accessLog.record({
      action: 'DOWNLOAD',
      recordType: 'archive-transfer',
      recordId: transfer.id,
      recordDivision: transfer.divisionCode,
      purpose,
      clientIp: clientIp(request),
    });
    response.status(200);
    response.setHeader('content-type', 'application/x-tar');
    response.setHeader('content-disposition', `attachment; filename="${transfer.packageNo}.tar"`);
    try {
      await writeTransferBag(this.messaging, firstPage, response, beijingDate(new Date()));
    } catch (error) {
      // Headers are gone: the stream is cut, so the receiver sees an incomplete tar, never a bag that looks whole.
      this.logger.error({ packageNo: transfer.packageNo, err: error }, 'transfer bag aborted');
    }
  }
}
