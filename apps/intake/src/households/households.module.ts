import { Module } from '@nestjs/common';

import { HouseholdChangesService } from './household-changes.service';
import { HouseholdsHandler } from './households.handler';
import { HouseholdsService } from './households.service';
import { ApprovalChainModule } from '../approval-chain/approval-chain.module';
import { DivisionsModule } from '../divisions/divisions.module';

@Module({
  // A change of members tells the chain of an application in progress (ApprovalChainModule).
  imports: [ApprovalChainModule, DivisionsModule],
  controllers: [HouseholdsHandler],
  providers: [HouseholdsService, HouseholdChangesService],
  exports: [HouseholdsService],
})
export class HouseholdsModule {}
