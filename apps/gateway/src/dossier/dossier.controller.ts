import { Controller, Get, Req, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';

import { type DossierReply, PERMISSIONS, SUBJECTS } from '@app/contracts';
import { MessagingClient, requireCaller, UuidParam } from '@app/platform';

import { dossierPrintable } from './dossier-printable';
import { DossierService } from './dossier.service';
import { AccessLogService } from '../access-log/access-log.service';
import { AccessPurpose, clientIp } from '../access-log/access-purpose.decorator';
import { downloadWatermark } from '../common/download-watermark';
import { RequirePermission } from '../identity/auth/auth.decorators';

/** The household dossier at a glance (户档案一览): composed from every service, each answering for its part. */
@ApiTags('households')
@ApiBearerAuth()
@Controller('v1/households')
export class DossierController {
  constructor(
    private readonly dossiers: DossierService,
    private readonly accessLog: AccessLogService,
    private readonly messaging: MessagingClient,
  ) {}

  @Get(':id/dossier.pdf')
  @RequirePermission(PERMISSIONS.applicationRead)
  @ApiProduces('application/pdf')
  @ApiHeader({ name: 'X-Access-Purpose', required: true, description: 'Why you look (UTF-8, percent-encoded)' })
  @ApiOperation({
    summary: 'The dossier as a printable Chinese PDF, watermarked with the viewer and the time on every page',
  })
  async pdf(
    @UuidParam('id') id: string,
    @AccessPurpose() purpose: string,
    @Req() request: Request,
  ): Promise<StreamableFile> {
    const dossier = await this.dossiers.compose(id);
    const rendered = await this.messaging.request(
      SUBJECTS.archive.printableRender,
      dossierPrintable(dossier, downloadWatermark()),
    );
    await this.accessLog.record({
      action: 'DOWNLOAD',
      recordType: 'dossier',
      recordId: id,
      recordDivision:
        dossier.household.status === 'OK' ? dossier.household.data.divisionCode : requireCaller().divisionCode,
      purpose,
      clientIp: clientIp(request),
    });
    const bytes = Buffer.from(rendered.contentBase64, 'base64');
    return new StreamableFile(bytes, {
      type: 'application/pdf',
      length: bytes.length,
      disposition: `inline; filename="dossier-${id}.pdf"; filename*=UTF-8''${encodeURIComponent('低保家庭档案一览')}.pdf`,
    });
  }

  @Get(':id/dossier')
  @RequirePermission(PERMISSIONS.applicationRead)
  @ApiHeader({ name: 'X-Access-Purpose', required: true, description: 'Why you look (UTF-8, percent-encoded)' })
  @ApiOperation({
    summary:
      'Household, members (masked), status, applications and every step, assessments, benefit, 24 months of payments and the archive file; a part whose service is down is marked unavailable',
  })
  async dossier(
    @UuidParam('id') id: string,
    @AccessPurpose() purpose: string,
    @Req() request: Request,
  ): Promise<DossierReply> {
    // The read is recorded while the other sections are still being asked; no dossier leaves unrecorded.
    return this.dossiers.compose(id, {
      onScoped: (household) =>
        this.accessLog.record({
          action: 'READ',
          recordType: 'dossier',
          recordId: id,
          recordDivision: household.status === 'OK' ? household.data.divisionCode : requireCaller().divisionCode,
          purpose,
          clientIp: clientIp(request),
        }),
    });
  }
}
