import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsUUID, Matches } from 'class-validator';

import { APPLICATION_STATUSES, type ApplicationStatus } from './application.reply';
import { IsDivisionCode } from '../common/division-code.validator';
import { IsCalendarDate } from '../common/identity.validators';
import { PageRequest } from '../common/page.request';

export class GetApplicationRequest {
  @IsUUID('4', { message: '申请编号格式不正确' })
  applicationId: string;

  /** Ask for the full ID number (needs personal-data:reveal; the gateway logs every reveal). */
  @IsOptional()
  @IsBoolean()
  reveal?: boolean;
}

/**
 * The register of applications (申请台账): those in the caller's division (or one part of it), newest first,
 * filtered; a page of `limit` from `offset`, with the total. The dossier asks for one household's.
 */
export class ListApplicationsRequest extends PageRequest {
  @IsOptional()
  @IsUUID('4', { message: '家庭编号格式不正确' })
  householdId?: string;

  /** Only these applications (e.g. those of an inbox page, to show who applied). */
  @IsOptional()
  @IsArray({ message: 'applicationIds 应为申请编号的列表' })
  @ArrayMaxSize(200, { message: '一次最多200个申请' })
  @IsUUID('4', { each: true, message: '申请编号格式不正确' })
  applicationIds?: string[];

  @IsOptional()
  @IsIn(APPLICATION_STATUSES, { message: `状态只能是${APPLICATION_STATUSES.join('、')}之一` })
  status?: ApplicationStatus;

  /** Only applications of this division: a part of the caller's area (e.g. one community); outside it, 403. */
  @IsOptional()
  @IsDivisionCode()
  divisionCode?: string;

  @IsOptional()
  @Matches(/^SQ-\d{6}-\d{4}-\d{6}$/, { message: '申请编号应形如SQ-220102-2026-000001' })
  applicationNo?: string;

  /** Submitted on or after this day (Beijing time). */
  @IsOptional()
  @IsCalendarDate({ message: 'submittedFrom 应为YYYY-MM-DD格式的日期' })
  submittedFrom?: string;

  /** Submitted on or before this day (Beijing time). */
  @IsOptional()
  @IsCalendarDate({ message: 'submittedTo 应为YYYY-MM-DD格式的日期' })
  submittedTo?: string;
}
