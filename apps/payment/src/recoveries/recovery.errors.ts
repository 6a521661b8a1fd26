import { ErrorCode } from '@app/contracts';
import { DomainError } from '@app/platform';

export class RecoveryError extends DomainError {
  /** A field's value refused, in staff words. */
  static field(name: string, message: string): RecoveryError {
    return new RecoveryError(ErrorCode.VALIDATION_FAILED, `${name} refused`, message, [
      { field: name, messages: [message] },
    ]);
  }

  static overlaps(fromMonth: string, toMonth: string): RecoveryError {
    const message = `该户${fromMonth}至${toMonth}已有追回决定，同一月份不能重复追回`;
    return new RecoveryError(ErrorCode.CONFLICT, 'months recovered already', message, [
      { field: 'fromMonth', messages: [message] },
    ]);
  }

  static keyReused(): RecoveryError {
    const message = '该幂等键已用于内容不同的另一请求';
    return new RecoveryError(ErrorCode.IDEMPOTENCY_CONFLICT, 'idempotency key reused', message, [
      { field: 'idempotencyKey', messages: [message] },
    ]);
  }
}
