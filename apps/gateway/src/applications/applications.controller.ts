import {
  Body,
  Controller,
  Get,
  HttpCode,
  Patch,
  Post,
  Query,
  Req,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Request, Response } from 'express';

import {
  type ApplicationReply,
  type DocumentReply,
  type AttachmentReply,
  ErrorCode,
  EVIDENCE_TYPES,
  type ListApplicationsReply,
  ListApplicationsRequest,
  type ApplicationView,
  PERMISSIONS,
  rolesAllow,
  SUBJECTS,
} from '@app/contracts';
import type { ChainState } from '@app/contracts/temporal';
import { beijingDate } from '@app/domain';
import { MessagingClient, OptionalBoolQuery, RemoteError, requireCaller, UuidParam } from '@app/platform';

import { ApplicationRegisterService } from './application-register.service';
import { AccessLogService } from '../access-log/access-log.service';
import { AccessPurpose, clientIp } from '../access-log/access-purpose.decorator';
import { WithPurposeQuery } from '../access-log/purpose-query';
import { CreateApplicationDto } from './dto/create-application.dto';
import { DataCheckRecheckDto, NoticeDeliveryDto } from './dto/data-check-recheck.dto';
import { MaterialsNoticeDto } from './dto/materials-notice.dto';
import { ObjectionDto } from './dto/objection.dto';
import { UpdateApplicationDto } from './dto/update-application.dto';
import { WithdrawApplicationDto } from './dto/withdraw-application.dto';
import { EvidenceUploadService, type UploadedEvidence } from './evidence-upload.service';
import { registerCsv } from './register.csv';
import { IdempotencyKey } from '../common/idempotency-key.decorator';
import { RequirePermission } from '../identity/auth/auth.decorators';

class RegisterQuery extends ListApplicationsRequest {
  /** csv: the whole selection (at most REGISTER_EXPORT_MAX rows) as a spreadsheet; limit and offset do not apply. */
  @IsOptional()
  @IsIn(['json', 'csv'], { message: 'format 只能是 json 或 csv' })
  format?: 'json' | 'csv';
}
class ListApplicationsQueryDto extends WithPurposeQuery(RegisterQuery) {}

/** What the access log says of a register listing made without a stated purpose. */
const REGISTER_PURPOSE = '查看申请台账（未说明目的）';

@ApiTags('applications')
@ApiBearerAuth()
@Controller('v1/applications')
export class ApplicationsController {
  constructor(
    private readonly messaging: MessagingClient,
    private readonly accessLog: AccessLogService,
    private readonly evidence: EvidenceUploadService,
    private readonly register: ApplicationRegisterService,
  ) {}

  @Post()
  @HttpCode(201)
  @RequirePermission(PERMISSIONS.applicationCreate)
  @ApiOperation({
    summary: 'Submit a dibao application in your community; starts its approval chain. Idempotent by Idempotency-Key.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'Same key and body → same application' })
  async create(
    @IdempotencyKey() idempotencyKey: string,
    @Body() body: CreateApplicationDto,
  ): Promise<ApplicationReply> {
    return this.messaging.request(
      SUBJECTS.intake.applicationSubmit,
      { ...body, idempotencyKey },
      { timeoutMs: 15_000 },
    );
  }

  @Get()
  @RequirePermission(PERMISSIONS.applicationRead)
  @ApiOperation({
    summary:
      'The register of applications (申请台账) in your division, newest first: by status, division, number, ' +
      'submission days; ID numbers masked. Every application listed is logged in the access log (SEARCH).',
  })
  @ApiHeader({
    name: 'X-Access-Purpose',
    required: false,
    description: `Why you look (UTF-8, percent-encoded); or ?purpose=. Left out: logged as 「${REGISTER_PURPOSE}」`,
  })
  async list(
    @Query() query: ListApplicationsQueryDto,
    @AccessPurpose({ otherwise: REGISTER_PURPOSE }) purpose: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ListApplicationsReply | string> {
    const { purpose: _purpose, format, limit, offset, ...filters } = query;
    const viewer = { purpose, clientIp: clientIp(request) };
    if (format !== 'csv') {
      return this.register.page({ ...filters, limit, offset }, viewer);
    }
    const items = await this.register.export(filters, viewer);
    response.setHeader('content-type', 'text/csv; charset=utf-8');
    response.setHeader('content-disposition', `attachment; filename="register-${beijingDate(new Date())}.csv"`);
    return registerCsv(items);
  }

  @Get(':id')
  @RequirePermission(PERMISSIONS.applicationRead)
  @ApiOperation({
    summary: 'An application with its status and filed documents. Logged in the access log with its purpose.',
  })
  @ApiHeader({
    name: 'X-Access-Purpose',
    required: true,
    description: 'Why you look (UTF-8, percent-encoded); or ?purpose=',
  })
  @ApiQuery({
    name: 'reveal',
    required: false,
    description: 'true: the full ID number (roles with personal-data:reveal; logged as REVEAL)',
  })
  async get(
    @UuidParam('id') id: string,
    @AccessPurpose() purpose: string,
    @Req() request: Request,
    @OptionalBoolQuery('reveal') reveal?: boolean,
  ): Promise<ApplicationView> {
    const caller = requireCaller();
    const withDocuments = rolesAllow(caller.roles, PERMISSIONS.documentRead);
    const [application, documents, progress] = await Promise.all([
      this.messaging.request(SUBJECTS.intake.applicationGet, { applicationId: id, reveal: reveal ?? false }),
      withDocuments ? this.messaging.request(SUBJECTS.archive.documentList, { applicationId: id }) : undefined,
      this.messaging.request(SUBJECTS.approval.chainState, { applicationId: id }).then(
        (state): { state: ChainState | null; unavailable?: string } => ({ state }),
        (error: unknown) =>
          error instanceof RemoteError && error.code === ErrorCode.NOT_FOUND
            ? { state: null }
            : { state: null, unavailable: '审批进度暂时无法读取，请稍后再查' },
      ),
    ]);
    await this.accessLog.record({
      action: reveal ? 'REVEAL' : 'READ',
      recordType: 'application',
      recordId: application.id,
      recordDivision: application.divisionCode,
      purpose,
      clientIp: clientIp(request),
    });
    return {
      application,
      progress: progress.state,
      ...(progress.unavailable ? { progressUnavailable: progress.unavailable } : {}),
      ...(documents ? { documents: documents.items } : {}),
    };
  }

  @Patch(':id')
  @RequirePermission(PERMISSIONS.applicationCreate)
  @ApiOperation({ summary: 'Edit a draft application' })
  update(@UuidParam('id') id: string, @Body() body: UpdateApplicationDto): Promise<ApplicationReply> {
    return this.messaging.request(SUBJECTS.intake.applicationUpdate, { applicationId: id, ...body });
  }

  @Post(':id/submit')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.applicationCreate)
  @ApiOperation({ summary: 'Submit a draft (needs the data-check consent); starts the approval chain. Idempotent.' })
  submit(@UuidParam('id') id: string): Promise<ApplicationReply> {
    return this.messaging.request(SUBJECTS.intake.applicationSubmitDraft, { applicationId: id }, { timeoutMs: 15_000 });
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.applicationCreate)
  @ApiOperation({ summary: 'Withdraw an application; the running approval chain is signalled. Idempotent.' })
  withdraw(@UuidParam('id') id: string, @Body() body: WithdrawApplicationDto): Promise<ApplicationReply> {
    return this.messaging.request(SUBJECTS.intake.applicationWithdraw, { applicationId: id, reason: body.reason });
  }

  @Post(':id/materials-notice')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.applicationCreate)
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'Same key → the first notice' })
  @ApiOperation({
    summary:
      'Give the one-time notice of missing materials (一次性告知) on a draft, before acceptance: everything missing at once, never what data sharing provides (400 naming the item); filed into the household file; a second, other notice is a 409.',
  })
  materialsNotice(
    @UuidParam('id') id: string,
    @IdempotencyKey() idempotencyKey: string,
    @Body() body: MaterialsNoticeDto,
  ): Promise<ApplicationReply> {
    return this.messaging.request(
      SUBJECTS.intake.applicationMaterialsNotice,
      { ...body, applicationId: id, idempotencyKey },
      { timeoutMs: 15_000 },
    );
  }

  @Post(':id/rechecks')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.dataCheckRecheck)
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'Same key → the first re-check' })
  @ApiOperation({
    summary:
      'Re-check a data check the applicant disputes with evidence (核对结果复查): only while the application is in its chain and its latest assessment found it not eligible (else 409). The re-checked means replace the declared ones, the record is filed, and the chain assesses the household again.',
  })
  recheck(
    @UuidParam('id') id: string,
    @IdempotencyKey() idempotencyKey: string,
    @Body() body: DataCheckRecheckDto,
  ): Promise<ApplicationReply> {
    return this.messaging.request(
      SUBJECTS.intake.applicationRecheck,
      { ...body, applicationId: id, idempotencyKey },
      { timeoutMs: 15_000 },
    );
  }

  @Post(':id/data-check-notices/:documentId/delivery')
  @HttpCode(201)
  @RequirePermission(PERMISSIONS.dataCheckRecheck)
  @ApiOperation({
    summary:
      'Record the service of the 家庭经济状况核对结果告知书 on the applicant (when, how, to whom): its 送达回证 is filed beside it. The same service again returns the same receipt; another one for the same notice is 409.',
  })
  recordNoticeDelivery(
    @UuidParam('id') id: string,
    @UuidParam('documentId') documentId: string,
    @Body() body: NoticeDeliveryDto,
  ): Promise<DocumentReply> {
    return this.messaging.request(
      SUBJECTS.intake.applicationNoticeDelivery,
      { ...body, applicationId: id, documentId },
      { timeoutMs: 15_000 },
    );
  }

  @Post(':id/objections')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.objectionRecord)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({
    summary:
      'Record an objection received during publicity (公示); the case goes back for a new community opinion. Refused (409) outside publicity.',
  })
  objection(
    @UuidParam('id') id: string,
    @IdempotencyKey() idempotencyKey: string,
    @Body() body: ObjectionDto,
  ): Promise<{ accepted: true }> {
    return this.messaging.request(
      SUBJECTS.approval.objectionRecord,
      { applicationId: id, summary: body.summary, idempotencyKey },
      { timeoutMs: 15_000 },
    );
  }

  @Post(':id/attachments')
  @HttpCode(201)
  @RequirePermission(PERMISSIONS.applicationCreate)
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'evidenceType'],
      properties: {
        file: { type: 'string', format: 'binary' },
        evidenceType: { type: 'string', enum: [...EVIDENCE_TYPES] },
      },
    },
  })
  @ApiOperation({
    summary:
      'Upload evidence (PDF, JPEG, PNG or OFD, decided by content; size limit UPLOAD_MAX_BYTES). Stored once by sha256.',
  })
  async attach(
    @UuidParam('id') id: string,
    @UploadedFile() file: UploadedEvidence | undefined,
    @Body('evidenceType') evidenceType: string | undefined,
  ): Promise<AttachmentReply> {
    return this.evidence.attach(id, evidenceType, file);
  }
}
