import { Module } from '@nestjs/common';

import { TemporalClientModule } from '@app/platform';

import { ApplicationsHandler } from './applications.handler';
import { ApplicationsService } from './applications.service';
import { ApprovalWorkflowService } from './approval-workflow.service';
import { DivisionsModule } from '../divisions/divisions.module';

@Module({
  imports: [TemporalClientModule, DivisionsModule],
  controllers: [ApplicationsHandler],
  providers: [ApplicationsService, ApprovalWorkflowService],
})
export class ApplicationsModule {}
