import { Module } from '@nestjs/common';

import { TemporalClientModule } from '@app/platform';

import { ApplicationsHandler } from './applications.handler';
import { ApplicationsService } from './applications.service';
import { ApprovalWorkflowService } from './approval-workflow.service';
import { DivisionsModule } from '../divisions/divisions.module';
import { HouseholdsModule } from '../households/households.module';

@Module({
  imports: [TemporalClientModule, DivisionsModule, HouseholdsModule],
  controllers: [ApplicationsHandler],
  providers: [ApplicationsService, ApprovalWorkflowService],
})
export class ApplicationsModule {}
