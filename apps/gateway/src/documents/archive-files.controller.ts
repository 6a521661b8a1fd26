import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';

import {
  AppraisalListRequest,
  type AppraisalListReply,
  type DisposalReply,
  type LegalHoldReply,
  ListDisposalsRequest,
  ListLegalHoldsRequest,
  type ListLegalHoldsReply,
  type ListDisposalsReply,
  type RetentionReply,
  type ArchiveFileReply,
  type BorrowReply,
  ListBorrowRequestsRequest,
  type ListBorrowRequestsReply,
  type FixityCheckReply,
  FixitySweepRequest,
  type FixitySweepReply,
  ListFixityChecksRequest,
  type ListFixityChecksReply,
  PERMISSIONS,
  SUBJECTS,
} from '@app/contracts';
import { MessagingClient, requireCaller, UuidParam } from '@app/platform';

import { statisticsCsv, type StatisticsWithAccess } from './archive-statistics.csv';
import { AccessLogService } from '../access-log/access-log.service';
import { AccessPurpose, clientIp } from '../access-log/access-purpose.decorator';
import {
  ArchiveStatisticsQueryDto,
  BorrowDecisionDto,
  BorrowRequestDto,
  DisposalDto,
  LegalHoldDto,
  LiftLegalHoldDto,
  RetentionEventDto,
} from './dto/archive.dto';
import { IdempotencyKey } from '../common/idempotency-key.decorator';
import { RequirePermission } from '../identity/auth/auth.decorators';

/** Household archive files (一户一卷) and their fixity checks (DA/T 70 four-property tests). */
const STATISTICS_TIMEOUT_MS = 60_000;

@ApiTags('archive')
@ApiBearerAuth()
@Controller('v1/archive')
export class ArchiveFilesController {
  constructor(
    private readonly messaging: MessagingClient,
    private readonly accessLog: AccessLogService,
  ) {}

  @Get('files/:householdId')
  @RequirePermission(PERMISSIONS.documentRead)
  @ApiHeader({ name: 'X-Access-Purpose', required: true, description: 'Why you look (UTF-8, percent-encoded)' })
  @ApiOperation({
    summary: 'A household’s archive file: reference code, cabinet and box, items in filing order with their hashes',
  })
  async file(
    @UuidParam('householdId') id: string,
    @AccessPurpose() purpose: string,
    @Req() request: Request,
  ): Promise<ArchiveFileReply> {
    const reply = await this.messaging.request(SUBJECTS.archive.fileGet, { householdId: id });
    await this.accessLog.record({
      action: 'READ',
      recordType: 'archive-file',
      recordId: reply.id,
      recordDivision: reply.divisionCode,
      purpose,
      clientIp: clientIp(request),
    });
    return reply;
  }

  @Post('files/:householdId/fixity-checks')
  @HttpCode(201)
  @RequirePermission(PERMISSIONS.archiveManage)
  @ApiOperation({ summary: 'Check one file now: content hashes, hash chain, item numbering, readability' })
  verify(@UuidParam('householdId') id: string): Promise<FixityCheckReply> {
    return this.messaging.request(SUBJECTS.archive.fixityVerifyFile, { householdId: id });
  }

  @Get('fixity-checks')
  @RequirePermission(PERMISSIONS.archiveManage)
  @ApiOperation({ summary: 'Recent fixity checks in your division, newest first (?problemsOnly=true&householdId=)' })
  checks(@Query() query: ListFixityChecksRequest): Promise<ListFixityChecksReply> {
    return this.messaging.request(SUBJECTS.archive.fixityList, query);
  }

  @Post('fixity-sweeps')
  @HttpCode(201)
  @RequirePermission(PERMISSIONS.archiveManage)
  @ApiOperation({ summary: 'Check every file in your division now (the scheduled sweep checks all files daily)' })
  sweep(@Body() body: FixitySweepRequest): Promise<FixitySweepReply> {
    return this.messaging.request(SUBJECTS.archive.fixitySweep, body, { timeoutMs: 10 * 60_000 });
  }

  @Post('borrow-requests')
  @HttpCode(201)
  @RequirePermission(PERMISSIONS.documentRead)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({
    summary: 'Ask to see a household file of another division (查借阅), with a purpose and days (≤ 30)',
  })
  requestBorrow(@IdempotencyKey() idempotencyKey: string, @Body() body: BorrowRequestDto): Promise<BorrowReply> {
    return this.messaging.request(SUBJECTS.archive.borrowRequest, { ...body, idempotencyKey });
  }

  @Post('borrow-requests/:id/decision')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.archiveManage)
  @ApiOperation({ summary: 'Approve (for the days asked) or refuse a borrowing request for a file of your division' })
  decideBorrow(@UuidParam('id') id: string, @Body() body: BorrowDecisionDto): Promise<BorrowReply> {
    return this.messaging.request(SUBJECTS.archive.borrowDecide, { ...body, requestId: id });
  }

  @Get('borrow-requests')
  @RequirePermission(PERMISSIONS.documentRead)
  @ApiOperation({ summary: 'Archivists: requests for files of their division; others: their own (?status=PENDING)' })
  borrowRequests(@Query() query: ListBorrowRequestsRequest): Promise<ListBorrowRequestsReply> {
    return this.messaging.request(SUBJECTS.archive.borrowList, query);
  }

  @Post('files/:householdId/retention-events')
  @HttpCode(201)
  @RequirePermission(PERMISSIONS.archiveManage)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({
    summary:
      'Record what starts (BENEFIT_ENDED, CASE_CLOSED) or stops (BENEFIT_RESUMED) a file’s 5-year retention clock; the payment service records terminations itself',
  })
  recordRetention(
    @UuidParam('householdId') id: string,
    @IdempotencyKey() idempotencyKey: string,
    @Body() body: RetentionEventDto,
  ): Promise<RetentionReply> {
    return this.messaging.request(SUBJECTS.archive.retentionRecord, { ...body, householdId: id, idempotencyKey });
  }

  @Get('appraisal')
  @RequirePermission(PERMISSIONS.archiveManage)
  @ApiOperation({
    summary: 'The appraisal list: files of your division whose retention ran out by ?asOf= (default today)',
  })
  appraisal(@Query() query: AppraisalListRequest): Promise<AppraisalListReply> {
    return this.messaging.request(SUBJECTS.archive.retentionAppraisal, query);
  }

  @Post('files/:householdId/disposal')
  @HttpCode(201)
  @RequirePermission(PERMISSIONS.archiveManage)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({
    summary:
      'A recorded disposal decision on a file that is due: DESTROY (content removed, file and item list kept) or EXTEND by N years; never automatic',
  })
  dispose(
    @UuidParam('householdId') id: string,
    @IdempotencyKey() idempotencyKey: string,
    @Body() body: DisposalDto,
  ): Promise<DisposalReply> {
    return this.messaging.request(SUBJECTS.archive.disposalDecide, { ...body, householdId: id, idempotencyKey });
  }

  @Post('files/:householdId/holds')
  @HttpCode(201)
  @RequirePermission(PERMISSIONS.archiveManage)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({
    summary:
      'Hold a file (保全: APPEAL 行政复议, LITIGATION 行政诉讼, AUDIT 审计, INVESTIGATION 监督检查) on a stated basis: it cannot be destroyed until lifted',
  })
  placeHold(
    @UuidParam('householdId') id: string,
    @IdempotencyKey() idempotencyKey: string,
    @Body() body: LegalHoldDto,
  ): Promise<LegalHoldReply> {
    return this.messaging.request(SUBJECTS.archive.holdPlace, { ...body, householdId: id, idempotencyKey });
  }

  @Post('holds/:id/lift')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.archiveManage)
  @ApiOperation({
    summary: 'Lift a hold on a stated basis (the case decided, the audit closed); lifting again changes nothing',
  })
  liftHold(@UuidParam('id') id: string, @Body() body: LiftLegalHoldDto): Promise<LegalHoldReply> {
    return this.messaging.request(SUBJECTS.archive.holdLift, { ...body, holdId: id });
  }

  @Get('holds')
  @RequirePermission(PERMISSIONS.archiveManage)
  @ApiOperation({ summary: 'Holds on files of your division, newest first: in force only unless ?active=false' })
  holds(@Query() query: ListLegalHoldsRequest): Promise<ListLegalHoldsReply> {
    return this.messaging.request(SUBJECTS.archive.holdList, query);
  }

  @Get('disposals')
  @RequirePermission(PERMISSIONS.archiveManage)
  @ApiOperation({ summary: 'The disposal register (销毁清册 and extensions) of your division, newest first' })
  disposals(@Query() query: ListDisposalsRequest): Promise<ListDisposalsReply> {
    return this.messaging.request(SUBJECTS.archive.disposalList, query);
  }

  @Get('statistics')
  @RequirePermission(PERMISSIONS.archiveManage)
  @ApiOperation({
    summary:
      'Archive-work figures for your division (or ?divisionCode= below it): files, items, pages by cabinet, box, class, type, year; files opened per month; fixity; reads and downloads per month. ?format=csv for a spreadsheet',
  })
  async statistics(
    @Query() query: ArchiveStatisticsQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StatisticsWithAccess | string> {
    // A report over every item of the division (millions for a prefecture): given a minute, not the default seconds.
    const figures = await this.messaging.request(
      SUBJECTS.archive.statisticsGet,
      { divisionCode: query.divisionCode },
      { timeoutMs: STATISTICS_TIMEOUT_MS },
    );
    const access = await this.accessLog.monthlyArchiveAccess(figures.divisionCode || requireCaller().divisionCode);
    const reply = { ...figures, accessByMonth: access };
    if (query.format !== 'csv') {
      return reply;
    }
    response.setHeader('content-type', 'text/csv; charset=utf-8');
    response.setHeader(
      'content-disposition',
      `attachment; filename="archive-statistics-${reply.divisionCode || 'all'}.csv"`,
    );
    return statisticsCsv(reply);
  }
}
