import { Module } from '@nestjs/common';

import { HouseholdChangesService } from './household-changes.service';
import { HouseholdsHandler } from './households.handler';
import { HouseholdsService } from './households.service';
import { DivisionsModule } from '../divisions/divisions.module';

@Module({
  imports: [DivisionsModule],
  controllers: [HouseholdsHandler],
  providers: [HouseholdsService, HouseholdChangesService],
  exports: [HouseholdsService],
})
export class HouseholdsModule {}
