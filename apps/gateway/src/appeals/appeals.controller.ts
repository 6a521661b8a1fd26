import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags, OmitType } from '@nestjs/swagger';

import {
  type AppealReply,
  type ListAppealsReply,
  ListAppealsRequest,
  PERMISSIONS,
  RecordAppealOutcomeRequest,
  RegisterAppealRequest,
  SUBJECTS,
} from '@app/contracts';
import { MessagingClient, UuidParam } from '@app/platform';

import { IdempotencyKey } from '../common/idempotency-key.decorator';
import { RequirePermission } from '../identity/auth/auth.decorators';

class RegisterAppealDto extends OmitType(RegisterAppealRequest, ['idempotencyKey'] as const) {}
class RecordAppealOutcomeDto extends OmitType(RecordAppealOutcomeRequest, ['idempotencyKey', 'appealId'] as const) {}

/** Reconsideration and court cases against the county's decisions (行政复议、行政诉讼). */
@ApiTags('approval')
@ApiBearerAuth()
@Controller('v1/appeals')
export class AppealsController {
  constructor(private readonly messaging: MessagingClient) {}

  @Post()
  @HttpCode(201)
  @RequirePermission(PERMISSIONS.appealManage)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({
    summary:
      'Register a reconsideration or court case against a filed decision (refusal, termination, confirmation, benefit change, recovery): the household file is held and a registration record filed',
  })
  register(@IdempotencyKey() idempotencyKey: string, @Body() body: RegisterAppealDto): Promise<AppealReply> {
    return this.messaging.request(SUBJECTS.approval.appealRegister, { ...body, idempotencyKey });
  }

  @Post(':id/outcome')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.appealManage)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({
    summary: 'Record how the case was decided: the outcome record filed, the hold on the household file lifted',
  })
  recordOutcome(
    @UuidParam('id') appealId: string,
    @IdempotencyKey() idempotencyKey: string,
    @Body() body: RecordAppealOutcomeDto,
  ): Promise<AppealReply> {
    return this.messaging.request(SUBJECTS.approval.appealOutcome, { ...body, appealId, idempotencyKey });
  }

  @Post(':id/redecision')
  @HttpCode(201)
  @RequirePermission(PERMISSIONS.appealManage)
  @ApiOperation({
    summary:
      'Decide again after a refusal or termination was revoked, varied or ordered to act on (重新作出决定): a new application of the household, copied from the contested one, goes straight to the county. Once per case; the same request again answers the same',
  })
  redecide(@UuidParam('id') appealId: string): Promise<AppealReply> {
    return this.messaging.request(SUBJECTS.approval.appealRedecide, { appealId });
  }

  @Get()
  @RequirePermission(PERMISSIONS.applicationRead)
  @ApiOperation({ summary: 'Cases in your division, newest first (?status=OPEN for those running)' })
  list(@Query() query: ListAppealsRequest): Promise<ListAppealsReply> {
    return this.messaging.request(SUBJECTS.approval.appealList, query);
  }

  @Get(':id')
  @RequirePermission(PERMISSIONS.applicationRead)
  @ApiOperation({ summary: 'One case with its records and the hold on the household file' })
  get(@UuidParam('id') appealId: string): Promise<AppealReply> {
    return this.messaging.request(SUBJECTS.approval.appealGet, { appealId });
  }
}
