import { Injectable, Logger } from '@nestjs/common';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';

import { ErrorCode, SUBJECTS } from '@app/contracts';
import {
  AccessError,
  assertVisible,
  DomainError,
  inScope,
  MessagingClient,
  RemoteError,
  requireCaller,
} from '@app/platform';

import { Account } from './account.entity';
import { AccountError } from './account.errors';
import { AuthService } from '../auth/auth.service';
import type { CreateAccountDto } from './dto/create-account.dto';
import type { UpdateAccountDto } from './dto/update-account.dto';
import { PasswordHasher } from './password-hasher';

/** Accounts, managed by administrators within their own division subtree. */
@Injectable()
export class AccountsService {
  private readonly logger = new Logger(AccountsService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly passwords: PasswordHasher,
    private readonly auth: AuthService,
    private readonly messaging: MessagingClient,
  ) {}

  findActive(id: string): Promise<Account | null> {
    return this.em.fork().findOne(Account, { id, active: true });
  }

  async get(id: string): Promise<Account> {
    return this.em.fork().findOneOrFail(Account, { id });
  }

  async list(): Promise<Account[]> {
    const caller = requireCaller();
    return this.em
      .fork()
      .find(
        Account,
        { divisionCode: { $like: `${caller.divisionCode}%` } },
        { orderBy: { divisionCode: 'asc', username: 'asc' } },
      );
  }

  /**
   * Creates an account inside the caller's subtree. The username is the natural key: the same request again
   * returns the existing account; the same username with anything different is refused.
   */
  async create(dto: CreateAccountDto): Promise<{ account: Account; created: boolean }> {
    const caller = requireCaller();
    if (!inScope(caller, dto.divisionCode)) {
      throw AccessError.outOfDivision(dto.divisionCode);
    }
    await this.assertKnownDivision(dto.divisionCode);
    const em = this.em.fork();
    const existing = await em.findOne(Account, { username: dto.username });
    if (existing) {
      return { account: await this.sameOrConflict(existing, dto), created: false };
    }
    try {
      const account = em.create(Account, {
        username: dto.username,
        displayName: dto.displayName,
        divisionCode: dto.divisionCode,
        roles: dto.roles,
        passwordHash: await this.passwords.hash(dto.password),
      });
      await em.flush();
      this.logger.log({ username: dto.username, by: caller.username }, 'account created');
      return { account, created: true };
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        const winner = await this.em.fork().findOneOrFail(Account, { username: dto.username });
        return { account: await this.sameOrConflict(winner, dto), created: false };
      }
      throw error;
    }
  }

  /**
   * Changes an account. When its standing changes (active flag, roles, division), the open tasks it signed for
   * and may no longer decide go back to their inboxes first (approval), so none is left held by someone who cannot
   * act; if that cannot be done, the account is not changed either.
   */
  async update(id: string, dto: UpdateAccountDto): Promise<{ account: Account; releasedTaskIds: string[] }> {
    const caller = requireCaller();
    return this.em.fork().transactional(async (em) => {
      const account = await em.findOne(Account, { id });
      assertVisible(caller, account?.divisionCode);
      const target = account as Account;
      const changesStanding = dto.roles !== undefined || dto.divisionCode !== undefined || dto.active !== undefined;
      if (target.id === caller.userId && changesStanding) {
        throw AccountError.notSelf();
      }
      if (dto.divisionCode !== undefined && !inScope(caller, dto.divisionCode)) {
        throw AccessError.outOfDivision(dto.divisionCode);
      }
      if (dto.divisionCode !== undefined) {
        await this.assertKnownDivision(dto.divisionCode);
      }
      em.assign(target, {
        ...(dto.displayName !== undefined ? { displayName: dto.displayName } : {}),
        ...(dto.divisionCode !== undefined ? { divisionCode: dto.divisionCode } : {}),
        ...(dto.roles !== undefined ? { roles: dto.roles } : {}),
        ...(dto.active !== undefined ? { active: dto.active } : {}),
      });
      if (dto.active === false) {
        await this.auth.revokeAll(em, target.id);
      }
      // Released before the commit: a release whose account change then fails only gives tasks back early.
      const { releasedTaskIds } = changesStanding
        ? await this.messaging.request(SUBJECTS.approval.taskReleaseClaims, {
            username: target.username,
            active: target.active,
            roles: target.roles,
            divisionCode: target.divisionCode,
          })
        : { releasedTaskIds: [] };
      this.logger.log(
        { username: target.username, by: caller.username, fields: Object.keys(dto), releasedTaskIds },
        'account updated',
      );
      return { account: target, releasedTaskIds };
    });
  }

  /**
   * Takes back every open task the account signed for (收回), e.g. while its holder is away: they go back to their
   * inboxes for colleagues to sign for. The account itself is not changed.
   */
  async releaseClaims(id: string): Promise<{ releasedTaskIds: string[] }> {
    const caller = requireCaller();
    const account = await this.em.fork().findOne(Account, { id });
    assertVisible(caller, account?.divisionCode);
    const { releasedTaskIds } = await this.messaging.request(SUBJECTS.approval.taskReleaseClaims, {
      username: account!.username,
      active: account!.active,
      roles: account!.roles,
      divisionCode: account!.divisionCode,
      all: true,
    });
    this.logger.log({ username: account!.username, by: caller.username, releasedTaskIds }, 'claims taken back');
    return { releasedTaskIds };
  }

  /** Sets a new password, unlocks the account and revokes its refresh tokens. */
  async resetPassword(id: string, password: string): Promise<void> {
    const caller = requireCaller();
    await this.em.fork().transactional(async (em) => {
      const account = await em.findOne(Account, { id });
      assertVisible(caller, account?.divisionCode);
      const target = account as Account;
      target.passwordHash = await this.passwords.hash(password);
      target.failedLogins = 0;
      target.lockedUntil = undefined;
      await this.auth.revokeAll(em, target.id);
      this.logger.log({ username: target.username, by: caller.username }, 'password reset');
    });
  }

  /** The division must exist in the division table (intake owns it). */
  private async assertKnownDivision(code: string): Promise<void> {
    try {
      await this.messaging.request(SUBJECTS.intake.divisionGet, { code });
    } catch (error) {
      if (error instanceof RemoteError && error.code === ErrorCode.NOT_FOUND) {
        throw new DomainError(ErrorCode.VALIDATION_FAILED, `division ${code} unknown`, '行政区划代码不存在或已撤销', [
          { field: 'divisionCode', messages: [`行政区划代码${code}在行政区划表中不存在或已撤销`] },
        ]);
      }
      throw error;
    }
  }

  private async sameOrConflict(existing: Account, dto: CreateAccountDto): Promise<Account> {
    const same =
      existing.displayName === dto.displayName &&
      existing.divisionCode === dto.divisionCode &&
      [...existing.roles].sort().join() === [...dto.roles].sort().join() &&
      (await this.passwords.verify(existing.passwordHash, dto.password));
    if (!same || !inScope(requireCaller(), existing.divisionCode)) {
      throw AccountError.usernameTaken(dto.username);
    }
    return existing;
  }
}
