import { Module } from '@nestjs/common';

import { BankApiHandler } from './bank-api.handler';
import { BankApiService } from './bank-api.service';
import { BankAuthService } from './bank-auth.service';
import { BanksService } from './banks.service';

@Module({
  controllers: [BankApiHandler],
  providers: [BanksService, BankAuthService, BankApiService],
  exports: [BanksService],
})
export class BanksModule {}
