import { Module } from '@nestjs/common';

import { TemporalClientModule } from '@app/platform';

import { ApprovalWorkflowService } from './approval-workflow.service';
import { ChainNoticesService } from './chain-notices.service';

/**
 * Intake's side of the approval chain: starting it, telling it of a withdrawal, and of what changes the household's
 * figures (through the outbox of chain notices).
 */
@Module({
  imports: [TemporalClientModule],
  providers: [ApprovalWorkflowService, ChainNoticesService],
  exports: [ApprovalWorkflowService, ChainNoticesService],
})
export class ApprovalChainModule {}
