import { Controller, Get, Param, ParseUUIDPipe, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';

import { SUBJECTS } from '@app/contracts';
import { MessagingClient } from '@app/platform';

@ApiTags('archive')
@Controller('v1/documents')
export class DocumentsController {
  constructor(private readonly messaging: MessagingClient) {}

  @Get(':id/content')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The bytes of an archived document (a PDF), with its sha256 in the ETag' })
  async content(
    @Param('id', new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 400 })) id: string,
  ): Promise<StreamableFile> {
    const reply = await this.messaging.request(SUBJECTS.archive.documentGetContent, { documentId: id });
    const bytes = Buffer.from(reply.contentBase64, 'base64');
    return new StreamableFile(bytes, {
      type: reply.document.mediaType,
      length: bytes.length,
      disposition: `inline; filename="${reply.document.id}.pdf"; filename*=UTF-8''${encodeURIComponent(reply.document.title)}.pdf`,
    });
  }
}
