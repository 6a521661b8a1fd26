import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';

import {
  AppraisalListRequest,
  type AppraisalListReply,
  DecideDisposalRequest,
  type DisposalReply,
  type LegalHoldReply,
  LiftLegalHoldRequest,
  ListDisposalsRequest,
  type ListDisposalsReply,
  ListLegalHoldsRequest,
  type ListLegalHoldsReply,
  PlaceLegalHoldRequest,
  RecordRetentionEventRequest,
  type RetentionReply,
  SUBJECTS,
} from '@app/contracts';

import { LegalHoldsService } from './legal-holds.service';
import { RetentionService } from './retention.service';

@Controller()
export class RetentionHandler {
  constructor(
    private readonly retention: RetentionService,
    private readonly holds: LegalHoldsService,
  ) {}

  @MessagePattern(SUBJECTS.archive.retentionRecord)
  record(@Payload() request: RecordRetentionEventRequest): Promise<RetentionReply> {
    return this.retention.record(request);
  }

  @MessagePattern(SUBJECTS.archive.retentionAppraisal)
  appraisal(@Payload() request: AppraisalListRequest): Promise<AppraisalListReply> {
    return this.retention.appraisal(request.asOf);
  }

  @MessagePattern(SUBJECTS.archive.disposalDecide)
  decide(@Payload() request: DecideDisposalRequest): Promise<DisposalReply> {
    return this.retention.decide(request);
  }

  @MessagePattern(SUBJECTS.archive.disposalList)
  list(@Payload() request: ListDisposalsRequest): Promise<ListDisposalsReply> {
    return this.retention.list(request);
  }

  @MessagePattern(SUBJECTS.archive.holdPlace)
  placeHold(@Payload() request: PlaceLegalHoldRequest): Promise<LegalHoldReply> {
    return this.holds.place(request);
  }

  @MessagePattern(SUBJECTS.archive.holdLift)
  liftHold(@Payload() request: LiftLegalHoldRequest): Promise<LegalHoldReply> {
    return this.holds.lift(request);
  }

  @MessagePattern(SUBJECTS.archive.holdList)
  listHolds(@Payload() request: ListLegalHoldsRequest): Promise<ListLegalHoldsReply> {
    return this.holds.list(request);
  }
}
