import { Injectable, Logger } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';

import {
  APPROVAL_CHAIN_WORKFLOW_TYPE,
  APPROVAL_STAGES,
  type ApprovalChainInput,
  dataCheckNoticeServedSignal,
  dataCheckRecheckedSignal,
  householdChangedSignal,
  SEARCH_ATTRIBUTES,
  TASK_QUEUES,
  withdrawSignal,
} from '@app/contracts/temporal';
import { TemporalClientService } from '@app/platform';

import type { ChainNoticeSignal } from './chain-notice.entity';

/** Starts the approval chain of an application; starting twice is harmless (the id is derived). */
@Injectable()
export class ApprovalWorkflowService {
  private readonly logger = new Logger(ApprovalWorkflowService.name);

  constructor(private readonly temporal: TemporalClientService) {}

  async start(workflowId: string, input: ApprovalChainInput): Promise<void> {
    try {
      await this.temporal.client.workflow.start(APPROVAL_CHAIN_WORKFLOW_TYPE, {
        workflowId,
        taskQueue: TASK_QUEUES.approval,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        typedSearchAttributes: [
          { key: SEARCH_ATTRIBUTES.divisionCode, value: input.divisionCode },
          { key: SEARCH_ATTRIBUTES.approvalStage, value: APPROVAL_STAGES.acceptance },
          { key: SEARCH_ATTRIBUTES.applicationNo, value: input.applicationNo },
        ],
      });
      this.logger.log({ workflowId }, 'approval workflow started');
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) {
        this.logger.log({ workflowId }, 'approval workflow already started');
        return;
      }
      throw error;
    }
  }

  /**
   * Tells a running chain of what changes the household's figures — its members (`householdChanged`) or its means
   * re-checked (`dataCheckRechecked`) — so that it assesses them again; answers whether a chain was running. Sent
   * again, the chain assesses once per `changeId`.
   */
  async signalChange(
    workflowId: string,
    signal: ChainNoticeSignal,
    change: { changeId: string; summary: string; occurredOn: string },
  ): Promise<boolean> {
    const definition = {
      householdChanged: householdChangedSignal,
      dataCheckRechecked: dataCheckRecheckedSignal,
      dataCheckNoticeServed: dataCheckNoticeServedSignal,
    }[signal];
    const told = await this.temporal.signalIfRunning(workflowId, definition, change);
    if (told) {
      this.logger.log({ workflowId, signal, changeId: change.changeId }, 'chain told of a change');
    }
    return told;
  }

  /** Tells a running chain that the applicant withdrew; a chain that already finished needs no telling. */
  async signalWithdrawn(workflowId: string, reason: string): Promise<void> {
    if (!(await this.temporal.signalIfRunning(workflowId, withdrawSignal, { reason }))) {
      this.logger.log({ workflowId }, 'chain already finished: withdrawal needs no signal');
    }
  }
}
