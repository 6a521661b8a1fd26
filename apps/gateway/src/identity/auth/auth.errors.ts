import { ErrorCode } from '@app/contracts';
import { DomainError } from '@app/platform';

export class AuthError extends DomainError {
  /** One answer for unknown user, wrong password and deactivated account: never reveal which. */
  static badCredentials(): AuthError {
    return new AuthError(ErrorCode.UNAUTHENTICATED, 'login failed', '用户名或密码错误');
  }

  static locked(until: Date): AuthError {
    const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
    return new AuthError(
      ErrorCode.TOO_MANY_REQUESTS,
      'account locked after repeated failures',
      `登录失败次数过多，账户已临时锁定，请${minutes}分钟后再试`,
    );
  }

  static badRefreshToken(): AuthError {
    return new AuthError(
      ErrorCode.UNAUTHENTICATED,
      'refresh token invalid, expired or revoked',
      '登录已失效，请重新登录',
    );
  }
}
