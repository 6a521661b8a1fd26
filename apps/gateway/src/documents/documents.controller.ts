import { Controller, Get, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';

import { PERMISSIONS, SUBJECTS } from '@app/contracts';
import { MessagingClient, UuidParam } from '@app/platform';

import { AccessLogService } from '../access-log/access-log.service';
import { AccessPurpose, clientIp } from '../access-log/access-purpose.decorator';
import { downloadWatermark } from '../common/download-watermark';
import { RequirePermission } from '../identity/auth/auth.decorators';

@ApiTags('archive')
@ApiBearerAuth()
@Controller('v1/documents')
export class DocumentsController {
  constructor(
    private readonly messaging: MessagingClient,
    private readonly accessLog: AccessLogService,
  ) {}

  @Get(':id/content')
  @RequirePermission(PERMISSIONS.documentRead)
  @ApiProduces('application/pdf')
  @ApiHeader({
    name: 'X-Access-Purpose',
    required: true,
    description: 'Why you look (UTF-8, percent-encoded); or ?purpose=',
  })
  @ApiOperation({
    summary:
      'An archived document: a PDF comes as a copy marked with the viewer and the time on every page (X-Watermarked: true; the archived hash in X-Archived-Sha256). Logged in the access log with its purpose.',
  })
  async content(
    @UuidParam('id') id: string,
    @AccessPurpose() purpose: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const reply = await this.messaging.request(SUBJECTS.archive.documentGetContent, {
      documentId: id,
      watermark: downloadWatermark(),
    });
    await this.accessLog.record({
      action: 'DOWNLOAD',
      recordType: 'document',
      recordId: reply.document.id,
      recordDivision: reply.document.divisionCode,
      purpose,
      clientIp: clientIp(request),
    });
    const bytes = Buffer.from(reply.contentBase64, 'base64');
    response.setHeader('X-Archived-Sha256', reply.document.sha256);
    response.setHeader('X-Watermarked', String(reply.watermarked));
    return new StreamableFile(bytes, {
      type: reply.document.mediaType,
      length: bytes.length,
      disposition: `inline; filename="${reply.document.id}.pdf"; filename*=UTF-8''${encodeURIComponent(reply.document.title)}.pdf`,
    });
  }
}
