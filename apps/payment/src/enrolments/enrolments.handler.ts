import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';

import {
  type BringReviewForwardReply,
  BringReviewForwardRequest,
  ChangeEnrolmentRequest,
  ChangePayeeRequest,
  CreateEnrolmentRequest,
  type EnrolmentReply,
  GetEnrolmentRequest,
  type ListReviewsDueReply,
  ListReviewsDueRequest,
  RecordReviewRequest,
  SUBJECTS,
} from '@app/contracts';

import { EnrolmentPayeesService } from './enrolment-payees.service';
import { EnrolmentReviewsService } from './enrolment-reviews.service';
import { EnrolmentsService } from './enrolments.service';

@Controller()
export class EnrolmentsHandler {
  constructor(
    private readonly enrolments: EnrolmentsService,
    private readonly reviews: EnrolmentReviewsService,
    private readonly payees: EnrolmentPayeesService,
  ) {}

  @MessagePattern(SUBJECTS.payment.enrolmentCreate)
  create(@Payload() request: CreateEnrolmentRequest): Promise<EnrolmentReply> {
    return this.enrolments.create(request);
  }

  @MessagePattern(SUBJECTS.payment.enrolmentChange)
  change(@Payload() request: ChangeEnrolmentRequest): Promise<EnrolmentReply> {
    return this.enrolments.change(request);
  }

  @MessagePattern(SUBJECTS.payment.enrolmentChangePayee)
  changePayee(@Payload() request: ChangePayeeRequest): Promise<EnrolmentReply> {
    return this.payees.change(request);
  }

  @MessagePattern(SUBJECTS.payment.enrolmentGet)
  get(@Payload() request: GetEnrolmentRequest): Promise<EnrolmentReply> {
    return this.enrolments.get(request);
  }

  @MessagePattern(SUBJECTS.payment.enrolmentReview)
  review(@Payload() request: RecordReviewRequest): Promise<EnrolmentReply> {
    return this.reviews.record(request);
  }

  @MessagePattern(SUBJECTS.payment.enrolmentReviewsDue)
  reviewsDue(@Payload() request: ListReviewsDueRequest): Promise<ListReviewsDueReply> {
    return this.reviews.due(request);
  }

  @MessagePattern(SUBJECTS.payment.enrolmentReviewBringForward)
  bringReviewForward(@Payload() request: BringReviewForwardRequest): Promise<BringReviewForwardReply> {
    return this.reviews.bringForward(request);
  }
}
