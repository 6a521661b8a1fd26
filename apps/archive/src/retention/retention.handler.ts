import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';

import {
  AppraisalListRequest,
  type AppraisalListReply,
  DecideDisposalRequest,
  type DisposalReply,
  ListDisposalsRequest,
  type ListDisposalsReply,
  RecordRetentionEventRequest,
  type RetentionReply,
  SUBJECTS,
} from '@app/contracts';

import { RetentionService } from './retention.service';

@Controller()
export class RetentionHandler {
  constructor(private readonly retention: RetentionService) {}

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
}
