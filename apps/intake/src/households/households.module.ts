import { Module } from '@nestjs/common';

import { TemporalClientModule } from '@app/platform';

import { HouseholdChangesService } from './household-changes.service';
import { HouseholdsHandler } from './households.handler';
import { HouseholdsService } from './households.service';
import { ApprovalWorkflowService } from '../applications/approval-workflow.service';
import { DivisionsModule } from '../divisions/divisions.module';

@Module({
  imports: [TemporalClientModule, DivisionsModule],
  controllers: [HouseholdsHandler],
  // The chain of an application in progress is told of a change (the same stateless Temporal client as
  // applications use; importing their module would import this one back).
  providers: [HouseholdsService, HouseholdChangesService, ApprovalWorkflowService],
  exports: [HouseholdsService],
})
export class HouseholdsModule {}
