import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

import { codeChoices, RELATIONSHIP_CODES, RELATIONSHIPS, type RelationshipCode } from '@app/domain';

import {
  MEMBER_CHANGE_KINDS,
  MEMBER_CHANGE_REASONS,
  type MemberChangeKind,
  type MemberChangeReason,
} from './household-change.reply';
import { HouseholdMemberInput } from './household.request';
import { IsIdempotencyKey } from '../common/idempotency-key.validator';
import { IsCalendarDate, IsIdNumber } from '../common/identity.validators';
import { IsAccountNumber, IsBankCode } from '../payment/enrolment.request';

export * from './household-change.reply';

/** A remaining member's relationship to the new head (GB/T 4761). */
export class NewRelationshipInput {
  @IsIdNumber()
  idNumber: string;

  @IsIn(RELATIONSHIP_CODES, { message: `与新户主关系代码只能是：${codeChoices(RELATIONSHIPS)}` })
  relationship: RelationshipCode;
}

/** The account a per-household benefit is paid into: a card in the head's name (一卡通, domain §3.5). */
export class PayeeAccountInput {
  @IsBankCode()
  bankCode: string;

  @IsAccountNumber()
  accountNo: string;
}

/** Who heads the household once its head leaves or hands over (变更户主), and how the others are related to them. */
export class NewHeadInput {
  /** A member who stays. */
  @IsIdNumber()
  idNumber: string;

  /** Every other member who stays, related to the new head. */
  @IsArray({ message: '其他成员与新户主的关系必须是列表' })
  @ArrayMaxSize(30, { message: '家庭成员不能超过30人' })
  @ValidateNested({ each: true })
  @Type(() => NewRelationshipInput)
  relationships: NewRelationshipInput[];

  /** The new head's account, when the household's benefit is being paid: required then, refused otherwise. */
  @IsOptional()
  @ValidateNested()
  @Type(() => PayeeAccountInput)
  payee?: PayeeAccountInput;
}

/**
 * A change in a household's members (家庭成员变动): one member leaves (`idNumber`) or joins (`member`), or the head
 * hands over (HEAD, `newHead`), on a day, for a reason. Recorded in the registry, filed into the household file,
 * and, when who lives there changed, the open benefit's next review brought forward. Idempotent by key.
 */
export class ChangeHouseholdMembersRequest {
  @IsIdempotencyKey(128)
  idempotencyKey: string;

  @IsUUID('4', { message: '家庭编号格式不正确' })
  householdId: string;

  @IsIn(MEMBER_CHANGE_KINDS, { message: '变动类型只能是LEAVE（减员）、JOIN（增员）或HEAD（变更户主）' })
  kind: MemberChangeKind;

  @ValidateIf((request: ChangeHouseholdMembersRequest) => MEMBER_CHANGE_KINDS.includes(request.kind))
  @IsIn([...new Set(Object.values(MEMBER_CHANGE_REASONS).flat())], {
    message: '变动原因只能是DEATH、MOVED_OUT、MARRIED_OUT、BIRTH、MARRIED_IN、MOVED_IN、HANDOVER或OTHER',
  })
  reason: MemberChangeReason;

  /** The day it happened (a death, a move): not in the future. */
  @IsCalendarDate({ message: '变动日期应为存在的日期，格式YYYY-MM-DD' })
  occurredOn: string;

  /** LEAVE: the member who leaves. */
  @ValidateIf((request: ChangeHouseholdMembersRequest) => request.kind === 'LEAVE')
  @IsDefined({ message: '减员时须填写减少成员的身份证号码' })
  @IsIdNumber()
  idNumber?: string;

  /** LEAVE of the head, or HEAD: who heads the household from now on (变更户主); refused with a JOIN. */
  @ValidateIf((request: ChangeHouseholdMembersRequest) => request.kind === 'HEAD' || request.newHead !== undefined)
  @IsDefined({ message: '变更户主时须填写新户主及其他成员与新户主的关系（newHead）' })
  @ValidateNested()
  @Type(() => NewHeadInput)
  newHead?: NewHeadInput;

  /** JOIN: the member who joins (not a second head). */
  @ValidateIf((request: ChangeHouseholdMembersRequest) => request.kind === 'JOIN')
  @IsDefined({ message: '增员时须填写新成员的信息' })
  @ValidateNested()
  @Type(() => HouseholdMemberInput)
  member?: HouseholdMemberInput;

  /** What was reported and how it was verified (e.g. the death certificate's number). */
  @IsOptional()
  @IsString({ message: '说明必须是文本' })
  @MaxLength(300, { message: '说明不能超过300个字符' })
  note?: string;
}
