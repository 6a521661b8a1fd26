import {
  BadRequestException,
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';

import { type ApplicationReply, ErrorCode, type ListDocumentsReply, SUBJECTS } from '@app/contracts';
import { MessagingClient } from '@app/platform';

import { CreateApplicationDto } from './dto/create-application.dto';

export interface ApplicationView {
  application: ApplicationReply;
  documents: ListDocumentsReply['items'];
}

@ApiTags('applications')
@Controller('v1/applications')
export class ApplicationsController {
  constructor(private readonly messaging: MessagingClient) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Submit a dibao application; starts its approval chain. Idempotent by Idempotency-Key.' })
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'Same key and body → same application' })
  async create(
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body() body: CreateApplicationDto,
  ): Promise<ApplicationReply> {
    if (!idempotencyKey || idempotencyKey.length > 128) {
      throw new BadRequestException({
        code: ErrorCode.VALIDATION_FAILED,
        message: '请求缺少Idempotency-Key请求头（不超过128个字符）',
        details: [{ field: 'Idempotency-Key', messages: ['必须提供幂等键，同一申请重复提交时使用同一个键'] }],
      });
    }
    return this.messaging.request(
      SUBJECTS.intake.applicationSubmit,
      { ...body, idempotencyKey },
      { timeoutMs: 15_000 },
    );
  }

  @Get(':id')
  @ApiOperation({ summary: 'An application with its status and the documents filed for it so far' })
  async get(
    @Param('id', new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 400 })) id: string,
  ): Promise<ApplicationView> {
    const [application, documents] = await Promise.all([
      this.messaging.request(SUBJECTS.intake.applicationGet, { applicationId: id }),
      this.messaging.request(SUBJECTS.archive.documentList, { applicationId: id }),
    ]);
    return { application, documents: documents.items };
  }
}
