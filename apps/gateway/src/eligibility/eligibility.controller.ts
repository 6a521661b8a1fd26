import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags, OmitType } from '@nestjs/swagger';

import {
  type AssessmentReply,
  CreatePolicyRequest,
  CreateStandardRequest,
  ListRuleChangesRequest,
  type ListPoliciesReply,
  type ListRuleChangesReply,
  ListRuleVersionsRequest,
  type ListStandardsReply,
  PERMISSIONS,
  type PolicyReply,
  PreviewAssessmentRequest,
  type StandardReply,
  SUBJECTS,
} from '@app/contracts';
import { MessagingClient } from '@app/platform';

import { IdempotencyKey } from '../common/idempotency-key.decorator';
import { RequirePermission } from '../identity/auth/auth.decorators';

class CreateStandardDto extends OmitType(CreateStandardRequest, ['idempotencyKey'] as const) {}
class CreatePolicyDto extends OmitType(CreatePolicyRequest, ['idempotencyKey'] as const) {}

@ApiTags('eligibility')
@ApiBearerAuth()
@Controller('v1/eligibility')
export class EligibilityController {
  constructor(private readonly messaging: MessagingClient) {}

  @Post('preview')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.applicationRead)
  @ApiOperation({
    summary:
      'Where a household stands before anything is filed: eligible or not, per-capita income, benefit (base + supplements) and every rule explained. Stored nowhere.',
  })
  preview(@Body() body: PreviewAssessmentRequest): Promise<AssessmentReply> {
    return this.messaging.request(SUBJECTS.eligibility.assessmentPreview, body);
  }

  @Get('standards')
  @ApiOperation({
    summary: 'Versions of the local standard (低保标准) governing a division; ?at= those in force that day',
  })
  standards(@Query() query: ListRuleVersionsRequest): Promise<ListStandardsReply> {
    return this.messaging.request(SUBJECTS.eligibility.standardList, query);
  }

  @Post('standards')
  @HttpCode(201)
  @RequirePermission(PERMISSIONS.eligibilityRulesManage)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({
    summary:
      'Publish a new version of a local standard. Overlapping periods are refused (409); closePrevious ends the open version the day before. Audited.',
  })
  createStandard(@IdempotencyKey() idempotencyKey: string, @Body() body: CreateStandardDto): Promise<StandardReply> {
    return this.messaging.request(SUBJECTS.eligibility.standardCreate, { ...body, idempotencyKey });
  }

  @Get('policies')
  @ApiOperation({ summary: 'Versions of the calculation policy governing a division; ?at= those in force that day' })
  policies(@Query() query: ListRuleVersionsRequest): Promise<ListPoliciesReply> {
    return this.messaging.request(SUBJECTS.eligibility.policyList, query);
  }

  @Post('policies')
  @HttpCode(201)
  @RequirePermission(PERMISSIONS.eligibilityRulesManage)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({
    summary:
      'Publish a new version of a calculation policy (method, supplements, floor, rounding, counted income, deductions, asset limits, margin). Audited.',
  })
  createPolicy(@IdempotencyKey() idempotencyKey: string, @Body() body: CreatePolicyDto): Promise<PolicyReply> {
    return this.messaging.request(SUBJECTS.eligibility.policyCreate, { ...body, idempotencyKey });
  }

  @Get('rule-changes')
  @RequirePermission(PERMISSIONS.eligibilityRulesManage)
  @ApiOperation({ summary: 'The audit trail of standards and policies of a division: who changed what, when and why' })
  ruleChanges(@Query() query: ListRuleChangesRequest): Promise<ListRuleChangesReply> {
    return this.messaging.request(SUBJECTS.eligibility.ruleChangeList, query);
  }
}
