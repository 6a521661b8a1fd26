import { Body, Controller, Get, HttpCode, Patch, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

import { PERMISSIONS } from '@app/contracts';
import { UuidParam } from '@app/platform';

import { type AccountView, toAccountView } from './account.mapper';
import { AccountsService } from './accounts.service';
import { RequirePermission } from '../auth/auth.decorators';
import { CreateAccountDto } from './dto/create-account.dto';
import { ResetPasswordDto } from './dto/reset-password.dto';
import { UpdateAccountDto } from './dto/update-account.dto';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('v1/accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @RequirePermission(PERMISSIONS.accountManage)
  @ApiOperation({ summary: 'Accounts in your division and below' })
  async list(): Promise<AccountView[]> {
    return (await this.accounts.list()).map(toAccountView);
  }

  @Post()
  @RequirePermission(PERMISSIONS.accountManage)
  @ApiOperation({ summary: 'Create an account in your division or below (201; the same request again: 200)' })
  async create(@Body() body: CreateAccountDto, @Res({ passthrough: true }) response: Response): Promise<AccountView> {
    const { account, created } = await this.accounts.create(body);
    response.status(created ? 201 : 200);
    return toAccountView(account);
  }

  @Patch(':id')
  @RequirePermission(PERMISSIONS.accountManage)
  @ApiOperation({
    summary: 'Change name, division, roles or active flag of an account in your subtree',
    description:
      'When the active flag, roles or division change, the open tasks the account signed for (签收) and may no ' +
      'longer decide go back to their inboxes; `releasedTaskIds` names them. If the approval service cannot be ' +
      'reached, nothing changes (503).',
  })
  async update(
    @UuidParam('id') id: string,
    @Body() body: UpdateAccountDto,
  ): Promise<AccountView & { releasedTaskIds: string[] }> {
    const { account, releasedTaskIds } = await this.accounts.update(id, body);
    return { ...toAccountView(account), releasedTaskIds };
  }

  @Post(':id/release-claims')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.accountManage)
  @ApiOperation({
    summary:
      'Take back every open task the account signed for (收回), e.g. while its holder is away: they go back to ' +
      'their inboxes; `releasedTaskIds` names them. The account is not changed.',
  })
  releaseClaims(@UuidParam('id') id: string): Promise<{ releasedTaskIds: string[] }> {
    return this.accounts.releaseClaims(id);
  }

  @Post(':id/password')
  @HttpCode(204)
  @RequirePermission(PERMISSIONS.accountManage)
  @ApiOperation({ summary: 'Set a new password; unlocks the account and revokes its refresh tokens' })
  async resetPassword(@UuidParam('id') id: string, @Body() body: ResetPasswordDto): Promise<void> {
    await this.accounts.resetPassword(id, body.password);
  }
}
