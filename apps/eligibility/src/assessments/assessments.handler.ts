import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';

import { type AssessmentReply, PreviewAssessmentRequest, SUBJECTS } from '@app/contracts';

import { AssessmentsService } from './assessments.service';

@Controller()
export class AssessmentsHandler {
  constructor(private readonly assessments: AssessmentsService) {}

  @MessagePattern(SUBJECTS.eligibility.assessmentPreview)
  preview(@Payload() request: PreviewAssessmentRequest): Promise<AssessmentReply> {
    return this.assessments.preview(request);
  }
}
