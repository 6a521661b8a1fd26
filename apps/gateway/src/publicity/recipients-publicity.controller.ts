import { Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';

import { ListRecipientsRequest, PERMISSIONS, SUBJECTS } from '@app/contracts';
import { MessagingClient } from '@app/platform';

import { recipientsPrintable } from './recipients-printable';
import { RecipientsPublicityService } from './recipients-publicity.service';
import type { RecipientsPublicityReply } from './recipients-publicity.types';
import { recipientsCsv } from './recipients.csv';
import { RequirePermission } from '../identity/auth/auth.decorators';

/** The long-term publication of a community's recipients (长期公示), for its notice board. */
@ApiTags('payments')
@ApiBearerAuth()
@Controller('v1/publicity')
export class RecipientsPublicityController {
  constructor(
    private readonly publicity: RecipientsPublicityService,
    private readonly messaging: MessagingClient,
  ) {}

  @Get('recipients')
  @RequirePermission(PERMISSIONS.applicationRead)
  @ApiOperation({
    summary:
      "A community's recipients for a month as published: head's name, members, monthly amount; confidential households withheld (counted only)",
  })
  recipients(@Query() query: ListRecipientsRequest): Promise<RecipientsPublicityReply> {
    return this.publicity.compose(query.divisionCode, query.month);
  }

  @Get('recipients.pdf')
  @RequirePermission(PERMISSIONS.applicationRead)
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The same list as a Chinese PDF to post on the notice board (公示名单)' })
  async pdf(@Query() query: ListRecipientsRequest): Promise<StreamableFile> {
    const publicity = await this.publicity.compose(query.divisionCode, query.month);
    const rendered = await this.messaging.request(SUBJECTS.archive.printableRender, recipientsPrintable(publicity));
    const bytes = Buffer.from(rendered.contentBase64, 'base64');
    return new StreamableFile(bytes, {
      type: 'application/pdf',
      length: bytes.length,
      disposition: `inline; filename="recipients-${query.divisionCode}-${query.month}.pdf"; filename*=UTF-8''${encodeURIComponent('最低生活保障对象公示名单')}.pdf`,
    });
  }

  @Get('recipients.csv')
  @RequirePermission(PERMISSIONS.applicationRead)
  @ApiProduces('text/csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="recipients.csv"')
  @ApiOperation({ summary: 'The same list as a spreadsheet (UTF-8 with BOM): the printed rows and a total' })
  async csv(@Query() query: ListRecipientsRequest): Promise<string> {
    return recipientsCsv(await this.publicity.compose(query.divisionCode, query.month));
  }
}
