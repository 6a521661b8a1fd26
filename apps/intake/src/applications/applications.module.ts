import { Module } from '@nestjs/common';

import { ApplicationsHandler } from './applications.handler';
import { ApplicationsService } from './applications.service';
import { DataCheckNoticesService } from './data-check-notices.service';
import { DataCheckRechecksService } from './data-check-rechecks.service';
import { MaterialsNoticeService } from './materials-notice.service';
import { ApprovalChainModule } from '../approval-chain/approval-chain.module';
import { AttachmentsModule } from '../attachments/attachments.module';
import { DivisionsModule } from '../divisions/divisions.module';
import { HouseholdsModule } from '../households/households.module';

@Module({
  imports: [ApprovalChainModule, DivisionsModule, HouseholdsModule, AttachmentsModule],
  controllers: [ApplicationsHandler],
  providers: [ApplicationsService, MaterialsNoticeService, DataCheckRechecksService, DataCheckNoticesService],
})
export class ApplicationsModule {}
