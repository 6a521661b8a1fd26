import { createHash, randomBytes } from 'node:crypto';

import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { EntityManager } from '@mikro-orm/postgresql';

import type { AccessTokenClaims } from './access-token';
import { AuthError } from './auth.errors';
import { RefreshToken } from './refresh-token.entity';
import { Account } from '../accounts/account.entity';
import { PasswordHasher } from '../accounts/password-hasher';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly jwt: JwtService,
    private readonly config: ConfigService,
    private readonly passwords: PasswordHasher,
  ) {}

  /** Checks the password; repeated failures lock the account for a while. */
  async login(username: string, password: string): Promise<TokenPair> {
    const em = this.em.fork();
    const account = await em.findOne(Account, { username });
    if (!account) {
      await this.passwords.burn(password); // same work as a real check: no timing hint that the user is unknown
      throw AuthError.badCredentials();
    }
    if (account.lockedUntil && account.lockedUntil > new Date()) {
      throw AuthError.locked(account.lockedUntil);
    }
    const valid = await this.passwords.verify(account.passwordHash, password);
    if (!valid || !account.active) {
      if (!valid) {
        await this.recordFailure(em, account.id);
      }
      this.logger.warn({ username, reason: valid ? 'inactive' : 'password' }, 'login refused');
      throw AuthError.badCredentials();
    }
    await em.nativeUpdate(Account, { id: account.id }, { failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() });
    this.logger.log({ username }, 'login');
    return this.issue(em, account);
  }

  /** Rotates a refresh token. Presenting one that was already rotated revokes every token of the account. */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const outcome = await this.em.fork().transactional(async (em): Promise<TokenPair | 'refused'> => {
      const stored = await em.findOne(RefreshToken, { tokenHash: hashToken(refreshToken) }, { populate: ['account'] });
      if (!stored) {
        return 'refused';
      }
      if (stored.revokedAt) {
        if (stored.replacedBy) {
          // A rotated token came back: someone holds a copy. Revoke the whole account's tokens (committed).
          await this.revokeAll(em, stored.account.id);
          this.logger.warn({ username: stored.account.username }, 'rotated refresh token reused: all tokens revoked');
        }
        return 'refused';
      }
      if (stored.expiresAt <= new Date() || !stored.account.active) {
        return 'refused';
      }
      const pair = await this.issue(em, stored.account);
      const replacement = await em.findOneOrFail(RefreshToken, { tokenHash: hashToken(pair.refreshToken) });
      stored.revokedAt = new Date();
      stored.replacedBy = replacement.id;
      return pair;
    });
    if (outcome === 'refused') {
      throw AuthError.badRefreshToken();
    }
    return outcome;
  }

  /** Revokes a refresh token; unknown or already revoked tokens change nothing. */
  async logout(refreshToken: string): Promise<void> {
    await this.em
      .fork()
      .nativeUpdate(RefreshToken, { tokenHash: hashToken(refreshToken), revokedAt: null }, { revokedAt: new Date() });
  }

  /** Revokes every refresh token of an account (password reset, deactivation). */
  async revokeAll(em: EntityManager, accountId: string): Promise<void> {
    await em.nativeUpdate(RefreshToken, { account: accountId, revokedAt: null }, { revokedAt: new Date() });
  }

  private async issue(em: EntityManager, account: Account): Promise<TokenPair> {
    const expiresIn = this.config.getOrThrow<number>('JWT_ACCESS_TTL_SECONDS');
    const claims: AccessTokenClaims = { sub: account.id, username: account.username, typ: 'access' };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn, algorithm: 'HS256' });
    const refreshToken = randomBytes(32).toString('base64url');
    const days = this.config.getOrThrow<number>('REFRESH_TOKEN_TTL_DAYS');
    em.create(RefreshToken, {
      account,
      tokenHash: hashToken(refreshToken),
      expiresAt: new Date(Date.now() + days * 86_400_000),
    });
    await em.flush();
    return { accessToken, refreshToken, expiresIn };
  }

  private async recordFailure(em: EntityManager, accountId: string): Promise<void> {
    const threshold = this.config.getOrThrow<number>('AUTH_LOCKOUT_THRESHOLD');
    const minutes = this.config.getOrThrow<number>('AUTH_LOCKOUT_MINUTES');
    // One atomic statement, so parallel guesses cannot slip past the threshold.
    await em.execute(
      `update identity.account
          set failed_logins = case when failed_logins + 1 >= ? then 0 else failed_logins + 1 end,
              locked_until = case when failed_logins + 1 >= ? then now() + make_interval(mins => ?) else locked_until end
        where id = ?`,
      [threshold, threshold, minutes, accountId],
    );
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
