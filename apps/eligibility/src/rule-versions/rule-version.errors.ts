import { ErrorCode } from '@app/contracts';
import { DomainError } from '@app/platform';

export class RuleVersionError extends DomainError {
  static overlaps(kind: string, period: string): RuleVersionError {
    const message = `与已有的${kind}（${period}）时间重叠；请先设置其失效日期或使用 closePrevious`;
    return new RuleVersionError(ErrorCode.CONFLICT, `${kind} period overlaps ${period}`, message, [
      { field: 'effectiveFrom', messages: [message] },
    ]);
  }

  static endsBeforeStart(): RuleVersionError {
    const message = '失效日期不能早于生效日期';
    return new RuleVersionError(ErrorCode.VALIDATION_FAILED, 'effectiveTo before effectiveFrom', message, [
      { field: 'effectiveTo', messages: [message] },
    ]);
  }

  static keyReused(): RuleVersionError {
    const message = '该幂等键已用于内容不同的另一版本';
    return new RuleVersionError(ErrorCode.IDEMPOTENCY_CONFLICT, 'idempotency key reused', message, [
      { field: 'idempotencyKey', messages: [message] },
    ]);
  }

  static notInForce(divisionCode: string, at: string): RuleVersionError {
    const message = `该地区在${at}没有适用的低保标准或计算政策`;
    return new RuleVersionError(
      ErrorCode.NOT_FOUND,
      `no standard or policy in force for ${divisionCode} on ${at}`,
      message,
      [{ field: 'divisionCode', messages: [message] }],
    );
  }

  static unknownDivision(divisionCode: string): RuleVersionError {
    const message = `行政区划代码${divisionCode}不存在`;
    return new RuleVersionError(ErrorCode.VALIDATION_FAILED, `unknown division ${divisionCode}`, message, [
      { field: 'divisionCode', messages: [message] },
    ]);
  }
}
