import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags, OmitType } from '@nestjs/swagger';
import type { Request } from 'express';

import {
  ChangeEnrolmentRequest,
  ChangePayeeRequest,
  CreateEnrolmentRequest,
  type EnrolmentReply,
  type LineReply,
  type ListReviewsDueReply,
  ListReviewsDueRequest,
  RecordReviewRequest,
  type ListLinesReply,
  ListLinesRequest,
  type PaymentHistoryReply,
  PERMISSIONS,
  type PayrollStatementReply,
  ReissueLineRequest,
  CancelLineRequest,
  type StartPayrollReply,
  SUBJECTS,
} from '@app/contracts';
import { MessagingClient, UuidParam } from '@app/platform';

import { AccessLogService } from '../access-log/access-log.service';
import { AccessPurpose, clientIp } from '../access-log/access-purpose.decorator';
import { WithPurposeQuery } from '../access-log/purpose-query';
import { IdempotencyKey } from '../common/idempotency-key.decorator';
import { LineIdParam, MonthParam } from './dto/payment-params';
import { RequirePermission } from '../identity/auth/auth.decorators';

class CreateEnrolmentDto extends OmitType(CreateEnrolmentRequest, ['idempotencyKey'] as const) {}
class ChangeEnrolmentDto extends OmitType(ChangeEnrolmentRequest, ['idempotencyKey', 'enrolmentId'] as const) {}
/** Staff change the account only; a new head comes from the registry's change of members. */
class ChangePayeeDto extends OmitType(ChangePayeeRequest, [
  'idempotencyKey',
  'enrolmentId',
  'householdId',
  'headName',
  'headIdNumber',
] as const) {}
class ReissueLineDto extends OmitType(ReissueLineRequest, ['idempotencyKey', 'lineId'] as const) {}
class CancelLineDto extends OmitType(CancelLineRequest, ['idempotencyKey', 'lineId'] as const) {}
class RecordReviewDto extends OmitType(RecordReviewRequest, ['idempotencyKey', 'enrolmentId'] as const) {}

class ReviewsDueQueryDto extends WithPurposeQuery(ListReviewsDueRequest) {}

/** What the access log says of a list of reviews due shown without a stated purpose. */
const REVIEWS_PURPOSE = '安排定期核查（未说明目的）';

/** Staff side of payment: enrolments and their changes, the monthly payroll, failed lines, a household's payments. */
@ApiTags('payment')
@ApiBearerAuth()
@Controller('v1')
export class PaymentsController {
  constructor(
    private readonly messaging: MessagingClient,
    private readonly accessLog: AccessLogService,
  ) {}

  @Post('enrolments')
  @RequirePermission(PERMISSIONS.enrolmentChange)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({ summary: 'Enrol a confirmed household for monthly payment (one open enrolment per household)' })
  create(@IdempotencyKey() idempotencyKey: string, @Body() body: CreateEnrolmentDto): Promise<EnrolmentReply> {
    return this.messaging.request(SUBJECTS.payment.enrolmentCreate, { ...body, idempotencyKey });
  }

  @Post('enrolments/:id/changes')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.enrolmentChange)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({ summary: 'Change the amount, suspend, resume or terminate from a month, with the decision' })
  change(
    @UuidParam('id') enrolmentId: string,
    @IdempotencyKey() idempotencyKey: string,
    @Body() body: ChangeEnrolmentDto,
  ): Promise<EnrolmentReply> {
    return this.messaging.request(SUBJECTS.payment.enrolmentChange, { ...body, enrolmentId, idempotencyKey });
  }

  @Post('enrolments/:id/payee')
  @HttpCode(200)
  // Finance (payment:manage) or the county (enrolment:change); the payment service checks which.
  @RequirePermission(PERMISSIONS.paymentRead)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({
    summary:
      'Change the account the benefit is paid into (收款账户变更), from the first month not yet on a payroll; ' +
      'months already on one keep their account (re-issue a failed line on its own)',
  })
  changePayee(
    @UuidParam('id') enrolmentId: string,
    @IdempotencyKey() idempotencyKey: string,
    @Body() body: ChangePayeeDto,
  ): Promise<EnrolmentReply> {
    return this.messaging.request(SUBJECTS.payment.enrolmentChangePayee, { ...body, enrolmentId, idempotencyKey });
  }

  @Post('enrolments/:id/reviews')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.enrolmentChange)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({
    summary:
      'Record a periodic review (定期核查): what was found, filed into the household file, and the next due day ' +
      '(the review day plus the cycle, 6 or 12 months)',
  })
  review(
    @UuidParam('id') enrolmentId: string,
    @IdempotencyKey() idempotencyKey: string,
    @Body() body: RecordReviewDto,
  ): Promise<EnrolmentReply> {
    return this.messaging.request(SUBJECTS.payment.enrolmentReview, { ...body, enrolmentId, idempotencyKey });
  }

  @Get('enrolments')
  @RequirePermission(PERMISSIONS.paymentRead)
  @ApiOperation({
    summary:
      'Enrolled households of your area whose periodic review falls due by a day, soonest first (ID numbers ' +
      'masked; each household shown is access-logged as SEARCH)',
  })
  @ApiHeader({
    name: 'X-Access-Purpose',
    required: false,
    description: `Why you look (UTF-8, percent-encoded); or ?purpose=. Left out: logged as 「${REVIEWS_PURPOSE}」`,
  })
  async reviewsDue(
    @Query() query: ReviewsDueQueryDto,
    @AccessPurpose({ otherwise: REVIEWS_PURPOSE }) purpose: string,
    @Req() request: Request,
  ): Promise<ListReviewsDueReply> {
    const { purpose: _purpose, ...filters } = query;
    const due = await this.messaging.request(SUBJECTS.payment.enrolmentReviewsDue, filters);
    await this.accessLog.recordShown(
      'household',
      due.items.map((item) => ({ recordId: item.householdId, recordDivision: item.divisionCode })),
      purpose,
      clientIp(request),
    );
    return due;
  }

  @Get('enrolments/:id')
  @RequirePermission(PERMISSIONS.paymentRead)
  @ApiOperation({ summary: 'An enrolment with its terms by month and every change (ID number and account masked)' })
  get(@UuidParam('id') enrolmentId: string): Promise<EnrolmentReply> {
    return this.messaging.request(SUBJECTS.payment.enrolmentGet, { enrolmentId });
  }

  @Get('households/:id/payments')
  @RequirePermission(PERMISSIONS.paymentRead)
  @ApiHeader({ name: 'X-Access-Purpose', required: true, description: 'Why you look (UTF-8, percent-encoded)' })
  @ApiOperation({ summary: "A household's payments, newest month first (logged with its purpose)" })
  async history(
    @UuidParam('id') householdId: string,
    @AccessPurpose() purpose: string,
    @Req() request: Request,
  ): Promise<PaymentHistoryReply> {
    const history = await this.messaging.request(SUBJECTS.payment.historyGet, { householdId });
    await this.accessLog.record({
      action: 'READ',
      recordType: 'payment-history',
      recordId: householdId,
      recordDivision: history.divisionCode ?? '',
      purpose,
      clientIp: clientIp(request),
    });
    return history;
  }

  @Post('payroll/:month/run')
  @HttpCode(202)
  @RequirePermission(PERMISSIONS.paymentManage)
  @ApiOperation({
    summary: "Start the month's payroll now (the Schedule starts it monthly); running twice is harmless",
  })
  run(@Param() { month }: MonthParam): Promise<StartPayrollReply> {
    return this.messaging.request(SUBJECTS.payment.payrollStart, { month });
  }

  @Get('payroll/:month/statement')
  @RequirePermission(PERMISSIONS.paymentRead)
  @ApiOperation({
    summary: 'Reconciliation: expected = paid + failed + pending + held + cancelled, per bank and per county, in fen',
  })
  statement(@Param() { month }: MonthParam): Promise<PayrollStatementReply> {
    return this.messaging.request(SUBJECTS.payment.payrollStatement, { month });
  }

  @Get('payment-lines')
  @RequirePermission(PERMISSIONS.paymentRead)
  @ApiOperation({ summary: 'Payroll lines in your division, e.g. ?status=FAILED with the banks’ reasons' })
  lines(@Query() query: ListLinesRequest): Promise<ListLinesReply> {
    return this.messaging.request(SUBJECTS.payment.lineList, query);
  }

  @Post('payment-lines/:id/reissue')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.paymentManage)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({
    summary: 'Pay a failed line again to a corrected account, or a held one to a new card (recorded with who and why)',
  })
  reissue(
    @Param() { id: lineId }: LineIdParam,
    @IdempotencyKey() idempotencyKey: string,
    @Body() body: ReissueLineDto,
  ): Promise<LineReply> {
    return this.messaging.request(SUBJECTS.payment.lineReissue, { ...body, lineId, idempotencyKey });
  }

  @Post('payment-lines/:id/cancel')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.paymentManage)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({ summary: 'Cancel a held line that is not owed (不予发放; recorded with who and why)' })
  cancel(
    @Param() { id: lineId }: LineIdParam,
    @IdempotencyKey() idempotencyKey: string,
    @Body() body: CancelLineDto,
  ): Promise<LineReply> {
    return this.messaging.request(SUBJECTS.payment.lineCancel, { ...body, lineId, idempotencyKey });
  }
}
