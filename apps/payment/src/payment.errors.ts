import { ErrorCode } from '@app/contracts';
import { checkIdNumber } from '@app/domain';
import { DomainError } from '@app/platform';

const field = (name: string, message: string) => [{ field: name, messages: [message] }];

/** Typed errors of the payment service, with the field each one is about. */
export class PaymentError extends DomainError {
  static keyReused(): PaymentError {
    const message = '该幂等键已用于内容不同的另一请求';
    return new PaymentError(
      ErrorCode.IDEMPOTENCY_CONFLICT,
      'idempotency key reused',
      message,
      field('idempotencyKey', message),
    );
  }

  static unknownBank(bankCode: string): PaymentError {
    const message = `银行代码${bankCode}不存在或已停用`;
    return new PaymentError(
      ErrorCode.VALIDATION_FAILED,
      `unknown bank ${bankCode}`,
      message,
      field('bankCode', message),
    );
  }

  static alreadyEnrolled(): PaymentError {
    const message = '该家庭已有未终止的低保待遇，请变更原待遇而不是重新纳入';
    return new PaymentError(
      ErrorCode.CONFLICT,
      'household already has an open enrolment',
      message,
      field('householdId', message),
    );
  }

  static noApprovedApplication(): PaymentError {
    const message = '该家庭没有审核确认的低保申请，待遇变更决定无法归入其档案；请在纳入发放时注明申请';
    return new PaymentError(
      ErrorCode.CONFLICT,
      'no approved application to file the decision under',
      message,
      field('enrolmentId', message),
    );
  }

  static reviewInFuture(): PaymentError {
    const message = '核查日期不能晚于今天';
    return new PaymentError(ErrorCode.VALIDATION_FAILED, 'review in the future', message, field('reviewedOn', message));
  }

  static reviewNotAfter(day: string): PaymentError {
    const message = `核查日期须晚于${day}（纳入发放的首月或上一次核查）`;
    return new PaymentError(
      ErrorCode.VALIDATION_FAILED,
      `review not after ${day}`,
      message,
      field('reviewedOn', message),
    );
  }

  static gradualExitOnlyOnStop(): PaymentError {
    const message = '渐退期只用于停发（TERMINATE）';
    return new PaymentError(
      ErrorCode.VALIDATION_FAILED,
      'gradual exit only on TERMINATE',
      message,
      field('gradualExitMonths', message),
    );
  }

  static terminated(): PaymentError {
    const message = '该待遇已终止，不能再变更';
    return new PaymentError(ErrorCode.CONFLICT, 'enrolment terminated', message, field('enrolmentId', message));
  }

  static notAfterLastChange(lastMonth: string): PaymentError {
    const message = `生效月份须晚于上一次变更的生效月份（${lastMonth}）`;
    return new PaymentError(
      ErrorCode.VALIDATION_FAILED,
      'effective month not after the last change',
      message,
      field('effectiveMonth', message),
    );
  }

  static monthAlreadyPaid(month: string): PaymentError {
    const message = `${month}及以后月份的发放名单已生成，变更只能从之后的月份生效`;
    return new PaymentError(ErrorCode.CONFLICT, `lines exist from ${month}`, message, field('effectiveMonth', message));
  }

  static sameState(state: 'ACTIVE' | 'SUSPENDED'): PaymentError {
    const message = state === 'SUSPENDED' ? '该待遇已处于停发状态' : '该待遇正在发放，无需恢复';
    return new PaymentError(ErrorCode.CONFLICT, `enrolment already ${state}`, message, field('kind', message));
  }

  static lineNotFailed(): PaymentError {
    const message = '只有发放失败或暂缓发放的记录可以重新发放';
    return new PaymentError(ErrorCode.CONFLICT, 'line is not failed or held', message, field('lineId', message));
  }

  static lineNotHeld(): PaymentError {
    const message = '只有暂缓发放的记录可以不予发放（已发往银行或已发放的不可取消）';
    return new PaymentError(ErrorCode.CONFLICT, 'line is not held', message, field('lineId', message));
  }

  /** The head's ID number normalized, or the reason it is invalid on `headIdNumber`. */
  static validHeadIdNumber(idNumber: string): string {
    const id = checkIdNumber(idNumber);
    if (!id.valid) {
      const message = id.reason ?? '身份证号码无效';
      throw new PaymentError(
        ErrorCode.VALIDATION_FAILED,
        'invalid head ID number',
        message,
        field('headIdNumber', message),
      );
    }
    return id.normalized;
  }

  static samePayee(): PaymentError {
    const message = '新的收款账户与现在的相同，无需变更';
    return new PaymentError(ErrorCode.VALIDATION_FAILED, 'payee unchanged', message, field('accountNo', message));
  }

  static headFromRegistry(): PaymentError {
    const message = '户主只能通过家庭成员变动登记变更，不能在收款账户变更中修改';
    return new PaymentError(
      ErrorCode.FORBIDDEN,
      'head changed outside the registry',
      message,
      field('headName', message),
    );
  }

  static noOpenEnrolment(): PaymentError {
    const message = '该家庭没有正在发放的低保待遇';
    return new PaymentError(ErrorCode.NOT_FOUND, 'no open enrolment', message, field('householdId', message));
  }

  /** `given`: the account was given; else the enrolment's, unchanged since the line failed. */
  static sameAccount(given = true): PaymentError {
    const message = given
      ? '新账号与失败时的账号相同，请先核实并更正账号'
      : '该待遇的收款账户与失败时相同：请填写更正后的账号，或先变更收款账户';
    return new PaymentError(ErrorCode.VALIDATION_FAILED, 'account unchanged', message, field('accountNo', message));
  }
}
