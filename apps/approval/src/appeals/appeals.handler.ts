import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';

import {
  type AppealReply,
  GetAppealRequest,
  ListAppealsRequest,
  type ListAppealsReply,
  RecordAppealOutcomeRequest,
  RedecideAppealRequest,
  RegisterAppealRequest,
  SUBJECTS,
} from '@app/contracts';

import { AppealsService } from './appeals.service';

@Controller()
export class AppealsHandler {
  constructor(private readonly appeals: AppealsService) {}

  @MessagePattern(SUBJECTS.approval.appealRegister)
  register(@Payload() request: RegisterAppealRequest): Promise<AppealReply> {
    return this.appeals.register(request);
  }

  @MessagePattern(SUBJECTS.approval.appealOutcome)
  recordOutcome(@Payload() request: RecordAppealOutcomeRequest): Promise<AppealReply> {
    return this.appeals.recordOutcome(request);
  }

  @MessagePattern(SUBJECTS.approval.appealRedecide)
  redecide(@Payload() request: RedecideAppealRequest): Promise<AppealReply> {
    return this.appeals.redecide(request);
  }

  @MessagePattern(SUBJECTS.approval.appealGet)
  get(@Payload() request: GetAppealRequest): Promise<AppealReply> {
    return this.appeals.get(request);
  }

  @MessagePattern(SUBJECTS.approval.appealList)
  list(@Payload() request: ListAppealsRequest): Promise<ListAppealsReply> {
    return this.appeals.list(request);
  }
}
