import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';

import {
  type AssessmentReply,
  GetAssessmentRequest,
  ListAssessmentsRequest,
  type ListAssessmentsReply,
  PreviewAssessmentRequest,
  RunAssessmentRequest,
  type StoredAssessmentReply,
  SUBJECTS,
} from '@app/contracts';

import { AssessmentsService } from './assessments.service';

@Controller()
export class AssessmentsHandler {
  constructor(private readonly assessments: AssessmentsService) {}

  @MessagePattern(SUBJECTS.eligibility.assessmentPreview)
  preview(@Payload() request: PreviewAssessmentRequest): Promise<AssessmentReply> {
    return this.assessments.preview(request);
  }

  @MessagePattern(SUBJECTS.eligibility.assessmentRun)
  run(@Payload() request: RunAssessmentRequest): Promise<StoredAssessmentReply> {
    return this.assessments.run(request);
  }

  @MessagePattern(SUBJECTS.eligibility.assessmentGet)
  get(@Payload() request: GetAssessmentRequest): Promise<StoredAssessmentReply> {
    return this.assessments.get(request.assessmentId);
  }

  @MessagePattern(SUBJECTS.eligibility.assessmentList)
  list(@Payload() request: ListAssessmentsRequest): Promise<ListAssessmentsReply> {
    return this.assessments.list(request.householdId);
  }
}
