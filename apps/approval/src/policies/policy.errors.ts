import { ErrorCode } from '@app/contracts';
import { DomainError } from '@app/platform';

export class PolicyError extends DomainError {
  static invalidRules(problems: Array<{ field: string; message: string }>): PolicyError {
    return new PolicyError(
      ErrorCode.VALIDATION_FAILED,
      'approval rules do not fit together',
      problems.map((problem) => problem.message).join('；'),
      problems.map((problem) => ({ field: problem.field, messages: [problem.message] })),
    );
  }

  static notAhead(effectiveFrom: string, today: string): PolicyError {
    const message = `新版本只能从今后生效（今天是${today}）；已开始的期间不能改写`;
    return new PolicyError(ErrorCode.VALIDATION_FAILED, `effectiveFrom ${effectiveFrom} not after ${today}`, message, [
      { field: 'effectiveFrom', messages: [message] },
    ]);
  }

  static overlaps(period: string): PolicyError {
    const message = `生效日期与该地区已发布的版本（${period}）重叠；新版本应晚于已发布的最后一个版本生效`;
    return new PolicyError(ErrorCode.CONFLICT, 'overlapping approval policy version', message, [
      { field: 'effectiveFrom', messages: [message] },
    ]);
  }

  static keyReused(): PolicyError {
    const message = '该幂等键已用于内容不同的另一版本';
    return new PolicyError(ErrorCode.IDEMPOTENCY_CONFLICT, 'idempotency key reused', message, [
      { field: 'idempotencyKey', messages: [message] },
    ]);
  }

  static unknownDivision(code: string): PolicyError {
    const message = `行政区划代码${code}不存在`;
    return new PolicyError(ErrorCode.VALIDATION_FAILED, `unknown division ${code}`, message, [
      { field: 'divisionCode', messages: [message] },
    ]);
  }

  static noneInForce(divisionCode: string, at: string): PolicyError {
    const message = `该地区在${at}没有适用的审批流程配置`;
    return new PolicyError(ErrorCode.NOT_FOUND, `no approval policy for ${divisionCode} on ${at}`, message, [
      { field: 'divisionCode', messages: [message] },
    ]);
  }
}
