import { Type } from 'class-transformer';
import {
  IsBoolean,
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

import {
  codeChoices,
  HEALTH_LABELS,
  HEALTH_STATES,
  HUKOU_TYPE_LABELS,
  HUKOU_TYPES,
  RELATIONSHIP_CODES,
  RELATIONSHIPS,
  SCHOOLING_LABELS,
  SCHOOLING_STAGES,
  WORK_CAPACITIES,
  WORK_CAPACITY_LABELS,
} from '@app/domain';
import type { HealthState, HukouType, RelationshipCode, SchoolingStage, WorkCapacity } from '@app/domain';

import { IsCommunityCode } from '../common/division-code.validator';
import { IsIdempotencyKey } from '../common/idempotency-key.validator';
import { IsIdNumber } from '../common/identity.validators';

export class HouseholdMemberInput {
  @IsString({ message: '姓名必须是文本' })
  @IsNotEmpty({ message: '姓名不能为空' })
  @MaxLength(50, { message: '姓名不能超过50个字符' })
  name: string;

  @IsIdNumber()
  idNumber: string;

  /** GB/T 4761 relationship to the head; the head is 02. */
  @IsIn(RELATIONSHIP_CODES, { message: `与户主关系代码只能是：${codeChoices(RELATIONSHIPS)}` })
  relationship: RelationshipCode;

  @IsOptional()
  @IsInt({ message: '残疾等级必须是整数' })
  @Min(1, { message: '残疾等级为1至4级' })
  @Max(4, { message: '残疾等级为1至4级' })
  disabilityGrade?: number;

  @IsIn(HEALTH_STATES, { message: `健康状况只能是：${codeChoices(HEALTH_LABELS)}` })
  health: HealthState;

  @IsIn(WORK_CAPACITIES, { message: `劳动能力只能是：${codeChoices(WORK_CAPACITY_LABELS)}` })
  workCapacity: WorkCapacity;

  @IsIn(SCHOOLING_STAGES, { message: `在学情况只能是：${codeChoices(SCHOOLING_LABELS)}` })
  schooling: SchoolingStage;

  @IsOptional()
  @Matches(/^[0-9A-Za-z-]{1,20}$/, { message: '户口簿户号为1至20位字母或数字' })
  hukouHouseholdNo?: string;

  @IsOptional()
  @IsIn(HUKOU_TYPES, { message: `户口性质只能是：${codeChoices(HUKOU_TYPE_LABELS)}` })
  hukouType?: HukouType;
}

/** Register an assessment household with its members. Idempotent by key. */
export class CreateHouseholdRequest {
  @IsIdempotencyKey(128)
  idempotencyKey: string;

  @IsCommunityCode()
  divisionCode: string;

  @IsOptional()
  @IsString({ message: '住址必须是文本' })
  @MaxLength(200, { message: '住址不能超过200个字符' })
  address?: string;

  @IsArray({ message: '家庭成员必须是列表' })
  @ArrayMinSize(1, { message: '至少登记一名家庭成员' })
  @ArrayMaxSize(30, { message: '家庭成员不能超过30人' })
  @ValidateNested({ each: true })
  @Type(() => HouseholdMemberInput)
  members: HouseholdMemberInput[];
}

export class GetHouseholdRequest {
  @IsUUID('4', { message: '家庭编号格式不正确' })
  householdId: string;

  /** Full ID numbers of the members (system and roles with personal-data:reveal only). */
  @IsOptional()
  @IsBoolean()
  reveal?: boolean;
}

export class SearchHouseholdsRequest {
  /** A name (full or partial, Chinese characters) or a full ID number. */
  @IsString({ message: '检索词必须是文本' })
  @IsNotEmpty({ message: '检索词不能为空' })
  @MaxLength(50, { message: '检索词不能超过50个字符' })
  q: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

/** Bulk registration (data migration, load tests): many households in one set-based write. System only. */
export class ImportHouseholdsRequest {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000, { message: '每批最多5000户' })
  @ValidateNested({ each: true })
  @Type(() => CreateHouseholdRequest)
  households: CreateHouseholdRequest[];
}
