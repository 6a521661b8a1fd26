import { ErrorCode, type TaskPurpose } from '@app/contracts';
import { beijingMinute } from '@app/domain';
import { DomainError } from '@app/platform';

export class TaskError extends DomainError {
  static notOpen(): TaskError {
    const message = '该任务已办结或已撤销，不能再作决定';
    return new TaskError(ErrorCode.CONFLICT, 'task not open', message, [{ field: 'taskId', messages: [message] }]);
  }

  static notFound(taskId: string): TaskError {
    const message = `没有编号为${taskId}的待办任务`;
    return new TaskError(ErrorCode.NOT_FOUND, 'task not found', message, [{ field: 'taskId', messages: [message] }]);
  }

  static wrongLevel(stageLabel: string): TaskError {
    return new TaskError(ErrorCode.FORBIDDEN, 'caller not at the stage level', `只有本级经办人员可以办理${stageLabel}`);
  }

  static claimedByOther(username: string, at: Date): TaskError {
    const message = `该任务已由${username}于${beijingMinute(at)}签收，请联系其办理或退回后再办理`;
    return new TaskError(ErrorCode.CONFLICT, `task claimed by ${username}`, message, [
      { field: 'taskId', messages: [message] },
    ]);
  }

  static chainEnded(): TaskError {
    const message = '该申请的审批流程已结束，此待办已失效';
    return new TaskError(ErrorCode.CONFLICT, 'approval chain ended', message, [
      { field: 'taskId', messages: [message] },
    ]);
  }

  static noChain(): TaskError {
    const message = '该申请尚未进入审批流程';
    return new TaskError(ErrorCode.NOT_FOUND, 'no approval chain for the application', message, [
      { field: 'applicationId', messages: [message] },
    ]);
  }

  static photosNotFiled(documentIds: string[]): TaskError {
    const message = `照片须是本申请已归档的证明材料，以下编号不是：${documentIds.join('、')}`;
    return new TaskError(ErrorCode.VALIDATION_FAILED, 'survey photos not filed as evidence', message, [
      { field: 'survey.photoDocumentIds', messages: [message] },
    ]);
  }

  /** DELIVER answers a delivery task and nothing else does. */
  static decisionNotForPurpose(purpose: TaskPurpose): TaskError {
    const message =
      purpose === 'DELIVERY'
        ? '该任务为送达任务，决定只能是DELIVER（登记送达），并填写送达情况'
        : '该任务为审批任务，只有送达任务可以登记送达（DELIVER）';
    return new TaskError(ErrorCode.VALIDATION_FAILED, `decision does not fit a ${purpose} task`, message, [
      { field: 'decision', messages: [message] },
    ]);
  }

  static refusedByChain(reason: string): TaskError {
    return new TaskError(ErrorCode.CONFLICT, `the chain refused the decision: ${reason}`, reason);
  }
}
