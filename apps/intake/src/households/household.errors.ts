import { ErrorCode, type FieldError } from '@app/contracts';
import { maskIdNumber } from '@app/domain';
import { DomainError } from '@app/platform';

export class HouseholdError extends DomainError {
  static invalidMembers(details: FieldError[]): HouseholdError {
    return new HouseholdError(
      ErrorCode.VALIDATION_FAILED,
      'household members invalid',
      '家庭成员信息不符合要求',
      details,
    );
  }

  /** The person is already an active member of another household: name its reference, mask the ID number. */
  static alreadyMember(field: string, idNumber: string, householdNo: string): HouseholdError {
    const message = `身份证号${maskIdNumber(idNumber)}的人员已是另一低保家庭（${householdNo}）的成员，一人只能属于一个低保家庭`;
    return new HouseholdError(ErrorCode.IDEMPOTENCY_CONFLICT, 'person already in an active household', message, [
      { field, messages: [message] },
    ]);
  }

  static keyReused(idempotencyKey: string): HouseholdError {
    return new HouseholdError(
      ErrorCode.IDEMPOTENCY_CONFLICT,
      `idempotency key ${idempotencyKey} was used for a different household`,
      '该幂等键已用于登记另一户内容不同的家庭',
    );
  }

  /** A change of members refused on one field (the member, the reason, the day). */
  static changeRefused(field: string, message: string): HouseholdError {
    return new HouseholdError(ErrorCode.VALIDATION_FAILED, `${field}: ${message}`, message, [
      { field, messages: [message] },
    ]);
  }

  static chainUnreachable(): HouseholdError {
    const message = '暂时无法通知审批流程，本次变动未登记，请稍后重试';
    return new HouseholdError(ErrorCode.UNAVAILABLE, 'approval chain unreachable', message, []);
  }

  static chainNotTold(): HouseholdError {
    const message = '成员变动已登记，但暂时无法通知审批流程重新核算：系统将自动重试通知，也可稍后用同一幂等键重新提交';
    return new HouseholdError(ErrorCode.UNAVAILABLE, 'approval chain not told of a recorded change', message, []);
  }

  static ended(): HouseholdError {
    const message = '该家庭已注销，不能再变更成员';
    return new HouseholdError(ErrorCode.CONFLICT, 'household ended', message, [
      { field: 'householdId', messages: [message] },
    ]);
  }

  static changeKeyReused(idempotencyKey: string): HouseholdError {
    return new HouseholdError(
      ErrorCode.IDEMPOTENCY_CONFLICT,
      `idempotency key ${idempotencyKey} was used for another change`,
      '该幂等键已用于另一项内容不同的成员变动',
    );
  }
}
