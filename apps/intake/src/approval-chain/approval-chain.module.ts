import { Module } from '@nestjs/common';

import { TemporalClientModule } from '@app/platform';

import { ApprovalWorkflowService } from './approval-workflow.service';

/** Intake's side of the approval chain: starting it, and telling it of a withdrawal or a household change. */
@Module({
  imports: [TemporalClientModule],
  providers: [ApprovalWorkflowService],
  exports: [ApprovalWorkflowService],
})
export class ApprovalChainModule {}
