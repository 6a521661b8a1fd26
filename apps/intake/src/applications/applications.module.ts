import { Module } from '@nestjs/common';

import { TemporalClientModule } from '@app/platform';

import { ApplicationsHandler } from './applications.handler';
import { ApplicationsService } from './applications.service';
import { ApprovalWorkflowService } from './approval-workflow.service';
import { MaterialsNoticeService } from './materials-notice.service';
import { AttachmentsModule } from '../attachments/attachments.module';
import { DivisionsModule } from '../divisions/divisions.module';
import { HouseholdsModule } from '../households/households.module';

@Module({
  imports: [TemporalClientModule, DivisionsModule, HouseholdsModule, AttachmentsModule],
  controllers: [ApplicationsHandler],
  providers: [ApplicationsService, ApprovalWorkflowService, MaterialsNoticeService],
})
export class ApplicationsModule {}
