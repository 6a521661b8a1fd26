import { Injectable } from '@nestjs/common';
import { WorkflowNotFoundError } from '@temporalio/client';

import { ErrorCode, PERMISSIONS } from '@app/contracts';
import { approvalChainWorkflowId, type ChainState, chainStateQuery, SEARCH_ATTRIBUTES } from '@app/contracts/temporal';
import { assertPermission, assertVisible, DomainError, requireCaller, TemporalClientService } from '@app/platform';

/**
 * Where an application's approval chain stands — current stage, pending task, due dates (the stage's and the
 * overall limit) and full history — asked of the chain itself (its `state` query), for callers who may see the
 * application's division (the chain's DivisionCode search attribute, set when it started).
 */
@Injectable()
export class ChainsService {
  constructor(private readonly temporal: TemporalClientService) {}

  async state(applicationId: string): Promise<ChainState> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.applicationRead);
    const handle = this.temporal.client.workflow.getHandle(approvalChainWorkflowId(applicationId));
    try {
      const described = await handle.describe();
      assertVisible(caller, described.typedSearchAttributes.get(SEARCH_ATTRIBUTES.divisionCode));
      return await handle.query(chainStateQuery);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) {
        const message = '该申请尚未进入审批流程';
        throw new DomainError(ErrorCode.NOT_FOUND, `no approval chain for ${applicationId}`, message, [
          { field: 'applicationId', messages: [message] },
        ]);
      }
      throw error;
    }
  }
}
