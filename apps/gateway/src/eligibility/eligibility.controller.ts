import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';

import { type AssessmentReply, PERMISSIONS, PreviewAssessmentRequest, SUBJECTS } from '@app/contracts';
import { MessagingClient } from '@app/platform';

import { RequirePermission } from '../identity/auth/auth.decorators';

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
}
