import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';

import { AccountsController } from './accounts/accounts.controller';
import { AccountsService } from './accounts/accounts.service';
import { PasswordHasher } from './accounts/password-hasher';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';

/** Staff accounts, login, tokens, and the guard that puts the caller on every request. */
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        secret: config.getOrThrow<string>('JWT_SECRET'),
        signOptions: { algorithm: 'HS256' },
      }),
    }),
    ThrottlerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        throttlers: [{ name: 'login', ttl: 60_000, limit: config.getOrThrow<number>('AUTH_LOGIN_RATE_PER_MINUTE') }],
        errorMessage: '请求过于频繁，请稍后再试',
      }),
    }),
  ],
  controllers: [AuthController, AccountsController],
  providers: [AuthService, AccountsService, PasswordHasher, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AccountsService],
})
export class IdentityModule {}
