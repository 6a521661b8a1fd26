import { Controller, Get, Header, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';

import { ListRecipientsRequest, PERMISSIONS } from '@app/contracts';

import { RecipientsPublicityService } from './recipients-publicity.service';
import type { RecipientsPublicityReply } from './recipients-publicity.types';
import { AccessPurpose, clientIp } from '../access-log/access-purpose.decorator';
import { RequirePermission } from '../identity/auth/auth.decorators';

/** What the access log says of a list looked at or taken away without a stated purpose. */
const PUBLICITY_PURPOSE = '长期公示';
const PURPOSE_HEADER = {
  name: 'X-Access-Purpose',
  required: false,
  description: `Why you look (UTF-8, percent-encoded). Left out: logged as 「${PUBLICITY_PURPOSE}」`,
};

/** The long-term publication of a community's recipients (长期公示), for its notice board. */
@ApiTags('payments')
@ApiBearerAuth()
@Controller('v1/publicity')
export class RecipientsPublicityController {
  constructor(private readonly publicity: RecipientsPublicityService) {}

  @Get('recipients')
  @ApiHeader(PURPOSE_HEADER)
  @RequirePermission(PERMISSIONS.applicationRead)
  @ApiOperation({
    summary:
      "A community's recipients for a month as published: head's name, members, monthly amount; confidential households withheld (counted only)",
  })
  recipients(
    @Query() query: ListRecipientsRequest,
    @AccessPurpose({ otherwise: PUBLICITY_PURPOSE }) purpose: string,
    @Req() request: Request,
  ): Promise<RecipientsPublicityReply> {
    return this.publicity.shown(query.divisionCode, query.month, { purpose, clientIp: clientIp(request) });
  }

  @Get('recipients.pdf')
  @ApiHeader(PURPOSE_HEADER)
  @RequirePermission(PERMISSIONS.applicationRead)
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The same list as a Chinese PDF to post on the notice board (公示名单)' })
  async pdf(
    @Query() query: ListRecipientsRequest,
    @AccessPurpose({ otherwise: PUBLICITY_PURPOSE }) purpose: string,
    @Req() request: Request,
  ): Promise<StreamableFile> {
    const bytes = await this.publicity.printed(query.divisionCode, query.month, {
      purpose,
      clientIp: clientIp(request),
    });
    return new StreamableFile(bytes, {
      type: 'application/pdf',
      length: bytes.length,
      disposition: `inline; filename="recipients-${query.divisionCode}-${query.month}.pdf"; filename*=UTF-8''${encodeURIComponent('最低生活保障对象公示名单')}.pdf`,
    });
  }

  @Get('recipients.csv')
  @ApiHeader(PURPOSE_HEADER)
  @RequirePermission(PERMISSIONS.applicationRead)
  @ApiProduces('text/csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="recipients.csv"')
  @ApiOperation({ summary: 'The same list as a spreadsheet (UTF-8 with BOM): the printed rows and a total' })
  csv(
    @Query() query: ListRecipientsRequest,
    @AccessPurpose({ otherwise: PUBLICITY_PURPOSE }) purpose: string,
    @Req() request: Request,
  ): Promise<string> {
    return this.publicity.spreadsheet(query.divisionCode, query.month, { purpose, clientIp: clientIp(request) });
  }
}
