import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';

import { ErrorCode, type Permission, rolesAllow } from '@app/contracts';
import { AccessError, bindCaller, DomainError } from '@app/platform';

import type { AccessTokenClaims } from './access-token';
import { PUBLIC_ROUTE, REQUIRED_PERMISSION } from './auth.decorators';
import { AccountsService } from '../accounts/accounts.service';

/**
 * Every route needs a valid access token unless marked @Public. The token's signature and expiry are checked,
 * then the account is loaded: a deactivated account is refused even with an unexpired token, and roles and
 * division come from the account, so editing the token's claims gains nothing.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly accounts: AccountsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) {
      return true;
    }
    const request = context.switchToHttp().getRequest<Request>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) {
      throw AccessError.unauthenticated();
    }
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, { algorithms: ['HS256'] });
    } catch {
      throw new DomainError(
        ErrorCode.UNAUTHENTICATED,
        'invalid or expired access token',
        '登录凭证无效或已过期，请重新登录',
      );
    }
    if (claims.typ !== 'access') {
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'not an access token', '登录凭证无效或已过期，请重新登录');
    }
    const account = await this.accounts.findActive(claims.sub);
    if (!account) {
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'account missing or deactivated', '账户不存在或已停用');
    }
    const caller = {
      userId: account.id,
      username: account.username,
      roles: account.roles,
      divisionCode: account.divisionCode,
    };
    bindCaller(caller);
    const permission = this.reflector.get<Permission | undefined>(REQUIRED_PERMISSION, context.getHandler());
    if (permission && !rolesAllow(caller.roles, permission)) {
      throw AccessError.wrongRole(permission);
    }
    return true;
  }
}
