import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';

import {
  type ApplicationReply,
  type ApplicationStageReply,
  GetApplicationRequest,
  ListApplicationsRequest,
  type ListApplicationsReply,
  NotifyMissingMaterialsRequest,
  RecheckDataCheckRequest,
  RecordNoticeDeliveryRequest,
  type DocumentReply,
  RecordApplicationStageRequest,
  SubmitApplicationRequest,
  SubmitDraftRequest,
  SUBJECTS,
  UpdateApplicationRequest,
  RedecideApplicationRequest,
  WithdrawApplicationRequest,
} from '@app/contracts';

import { ApplicationsService } from './applications.service';
import { DataCheckNoticesService } from './data-check-notices.service';
import { DataCheckRechecksService } from './data-check-rechecks.service';
import { MaterialsNoticeService } from './materials-notice.service';

@Controller()
export class ApplicationsHandler {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly materialsNotices: MaterialsNoticeService,
    private readonly rechecks: DataCheckRechecksService,
    private readonly notices: DataCheckNoticesService,
  ) {}

  @MessagePattern(SUBJECTS.intake.applicationSubmit)
  submit(@Payload() request: SubmitApplicationRequest): Promise<ApplicationReply> {
    return this.applications.submit(request);
  }

  @MessagePattern(SUBJECTS.intake.applicationGet)
  get(@Payload() request: GetApplicationRequest): Promise<ApplicationReply> {
    return this.applications.get(request.applicationId, request.reveal ?? false);
  }

  @MessagePattern(SUBJECTS.intake.applicationList)
  list(@Payload() request: ListApplicationsRequest): Promise<ListApplicationsReply> {
    return this.applications.list(request);
  }

  @MessagePattern(SUBJECTS.intake.applicationRecordStage)
  recordStage(@Payload() request: RecordApplicationStageRequest): Promise<ApplicationStageReply> {
    return this.applications.recordStage(request);
  }

  @MessagePattern(SUBJECTS.intake.applicationUpdate)
  update(@Payload() request: UpdateApplicationRequest): Promise<ApplicationReply> {
    return this.applications.update(request);
  }

  @MessagePattern(SUBJECTS.intake.applicationSubmitDraft)
  submitDraft(@Payload() request: SubmitDraftRequest): Promise<ApplicationReply> {
    return this.applications.submitDraft(request.applicationId);
  }

  @MessagePattern(SUBJECTS.intake.applicationMaterialsNotice)
  notifyMissingMaterials(@Payload() request: NotifyMissingMaterialsRequest): Promise<ApplicationReply> {
    return this.materialsNotices.notify(request);
  }

  @MessagePattern(SUBJECTS.intake.applicationRecheck)
  recheck(@Payload() request: RecheckDataCheckRequest): Promise<ApplicationReply> {
    return this.rechecks.recheck(request);
  }

  @MessagePattern(SUBJECTS.intake.applicationNoticeDelivery)
  recordNoticeDelivery(@Payload() request: RecordNoticeDeliveryRequest): Promise<DocumentReply> {
    return this.notices.recordDelivery(request);
  }

  @MessagePattern(SUBJECTS.intake.applicationWithdraw)
  withdraw(@Payload() request: WithdrawApplicationRequest): Promise<ApplicationReply> {
    return this.applications.withdraw(request.applicationId, request.reason);
  }

  @MessagePattern(SUBJECTS.intake.applicationRedecide)
  redecide(@Payload() request: RedecideApplicationRequest): Promise<ApplicationReply> {
    return this.applications.redecide(request);
  }
}
