import { ErrorCode } from '@app/contracts';
import { DomainError } from '@app/platform';

export class AccountError extends DomainError {
  static usernameTaken(username: string): AccountError {
    return new AccountError(ErrorCode.IDEMPOTENCY_CONFLICT, `username ${username} taken`, `用户名${username}已被使用`, [
      { field: 'username', messages: ['用户名已被使用'] },
    ]);
  }

  static notSelf(): AccountError {
    return new AccountError(
      ErrorCode.FORBIDDEN,
      'administrators cannot change their own roles, division or status',
      '不能修改自己的角色、行政区划或启用状态',
    );
  }
}
