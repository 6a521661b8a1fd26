import { IsBoolean, IsOptional, IsUUID } from 'class-validator';

export class GetApplicationRequest {
  @IsUUID('4', { message: '申请编号格式不正确' })
  applicationId: string;

  /** Ask for the full ID number (needs personal-data:reveal; the gateway logs every reveal). */
  @IsOptional()
  @IsBoolean()
  reveal?: boolean;
}

/** A household's applications, newest first (those in the caller's division). */
export class ListApplicationsRequest {
  @IsUUID('4', { message: '家庭编号格式不正确' })
  householdId: string;
}
