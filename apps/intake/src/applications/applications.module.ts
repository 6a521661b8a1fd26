import { Module } from '@nestjs/common';

import { TemporalClientModule } from '@app/platform';

import { ApplicationsHandler } from './applications.handler';
import { ApplicationsService } from './applications.service';
import { ApprovalWorkflowService } from './approval-workflow.service';

@Module({
  imports: [TemporalClientModule],
  controllers: [ApplicationsHandler],
  providers: [ApplicationsService, ApprovalWorkflowService],
})
export class ApplicationsModule {}
