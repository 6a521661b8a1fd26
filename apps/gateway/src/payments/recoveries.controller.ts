import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags, OmitType } from '@nestjs/swagger';

import {
  CreateRecoveryRequest,
  type ListRecoveriesReply,
  ListRecoveriesRequest,
  PERMISSIONS,
  RecordRepaymentRequest,
  type RecoveryReply,
  SUBJECTS,
} from '@app/contracts';
import { MessagingClient, UuidParam } from '@app/platform';

import { IdempotencyKey } from '../common/idempotency-key.decorator';
import { RequirePermission } from '../identity/auth/auth.decorators';

class CreateRecoveryDto extends OmitType(CreateRecoveryRequest, ['idempotencyKey', 'enrolmentId'] as const) {}
class RecordRepaymentDto extends OmitType(RecordRepaymentRequest, ['idempotencyKey', 'recoveryId'] as const) {}

/** Money a benefit paid that was not owed, ordered back (追回), and what is repaid. */
@ApiTags('payment')
@ApiBearerAuth()
@Controller('v1')
export class RecoveriesController {
  constructor(private readonly messaging: MessagingClient) {}

  @Post('enrolments/:id/recoveries')
  @HttpCode(201)
  @RequirePermission(PERMISSIONS.enrolmentChange)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({
    summary:
      'Order back what the benefit paid for months not owed (追回; FRAUD also fined 1–3 times), the decision filed in the household file',
  })
  create(
    @UuidParam('id') enrolmentId: string,
    @IdempotencyKey() idempotencyKey: string,
    @Body() body: CreateRecoveryDto,
  ): Promise<RecoveryReply> {
    return this.messaging.request(SUBJECTS.payment.recoveryCreate, { ...body, enrolmentId, idempotencyKey });
  }

  @Post('recoveries/:id/repayments')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.paymentManage)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({ summary: 'Record money repaid against a recovery, with its receipt (never more than outstanding)' })
  repay(
    @UuidParam('id') recoveryId: string,
    @IdempotencyKey() idempotencyKey: string,
    @Body() body: RecordRepaymentDto,
  ): Promise<RecoveryReply> {
    return this.messaging.request(SUBJECTS.payment.recoveryRepay, { ...body, recoveryId, idempotencyKey });
  }

  @Get('recoveries')
  @RequirePermission(PERMISSIONS.paymentRead)
  @ApiOperation({ summary: 'Recoveries in your division, newest first (?status=OUTSTANDING for those not repaid)' })
  list(@Query() query: ListRecoveriesRequest): Promise<ListRecoveriesReply> {
    return this.messaging.request(SUBJECTS.payment.recoveryList, query);
  }

  @Get('recoveries/:id')
  @RequirePermission(PERMISSIONS.paymentRead)
  @ApiOperation({ summary: 'One recovery with its repayments' })
  get(@UuidParam('id') recoveryId: string): Promise<RecoveryReply> {
    return this.messaging.request(SUBJECTS.payment.recoveryGet, { recoveryId });
  }
}
