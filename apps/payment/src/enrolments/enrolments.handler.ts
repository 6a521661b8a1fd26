import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';

import {
  ChangeEnrolmentRequest,
  CreateEnrolmentRequest,
  type EnrolmentReply,
  GetEnrolmentRequest,
  SUBJECTS,
} from '@app/contracts';

import { EnrolmentsService } from './enrolments.service';

@Controller()
export class EnrolmentsHandler {
  constructor(private readonly enrolments: EnrolmentsService) {}

  @MessagePattern(SUBJECTS.payment.enrolmentCreate)
  create(@Payload() request: CreateEnrolmentRequest): Promise<EnrolmentReply> {
    return this.enrolments.create(request);
  }

  @MessagePattern(SUBJECTS.payment.enrolmentChange)
  change(@Payload() request: ChangeEnrolmentRequest): Promise<EnrolmentReply> {
    return this.enrolments.change(request);
  }

  @MessagePattern(SUBJECTS.payment.enrolmentGet)
  get(@Payload() request: GetEnrolmentRequest): Promise<EnrolmentReply> {
    return this.enrolments.get(request);
  }
}
