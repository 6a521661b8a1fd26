import { IsIn, IsNotEmpty, IsString, IsUUID } from 'class-validator';

import { APPLICATION_STATUSES, ApplicationStatus } from './application.reply';

/** Sent by the approval workflow when the application reaches a new status; idempotent by status. */
export class RecordApplicationStageRequest {
  @IsUUID('4')
  applicationId: string;

  @IsIn(APPLICATION_STATUSES)
  status: ApplicationStatus;

  @IsString()
  @IsNotEmpty()
  workflowId: string;
}

/** The application's status after the call, and whether this call moved it. */
export interface ApplicationStageReply {
  applicationId: string;
  status: ApplicationStatus;
  changed: boolean;
}
