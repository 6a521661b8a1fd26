import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags, OmitType } from '@nestjs/swagger';

import {
  type ApprovalPolicyVersionReply,
  CreateApprovalPolicyRequest,
  type ListApprovalPoliciesReply,
  ListApprovalPoliciesRequest,
  PERMISSIONS,
  SUBJECTS,
} from '@app/contracts';
import { MessagingClient } from '@app/platform';

import { IdempotencyKey } from '../common/idempotency-key.decorator';
import { RequirePermission } from '../identity/auth/auth.decorators';

class CreateApprovalPolicyDto extends OmitType(CreateApprovalPolicyRequest, ['idempotencyKey'] as const) {}

@ApiTags('approval')
@ApiBearerAuth()
@Controller('v1/approval-policies')
export class ApprovalPoliciesController {
  constructor(private readonly messaging: MessagingClient) {}

  @Get()
  @ApiOperation({
    summary:
      'Versions of the approval procedure governing a division (province, prefecture, county); ?at= those in force that day, with the one that applies',
  })
  list(@Query() query: ListApprovalPoliciesRequest): Promise<ListApprovalPoliciesReply> {
    return this.messaging.request(SUBJECTS.approval.policyList, query);
  }

  @Post()
  @HttpCode(201)
  @RequirePermission(PERMISSIONS.approvalPolicyManage)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({
    summary:
      'Publish a new version of a division’s approval procedure (stages, roles, working-day limits, publicity, overall limit, first payment month), in force from a day not yet begun; the version before it is closed the day before. Running chains keep theirs.',
  })
  create(
    @IdempotencyKey() idempotencyKey: string,
    @Body() body: CreateApprovalPolicyDto,
  ): Promise<ApprovalPolicyVersionReply> {
    return this.messaging.request(SUBJECTS.approval.policyCreate, { ...body, idempotencyKey });
  }
}
