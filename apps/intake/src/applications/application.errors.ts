import { ErrorCode, type FieldError } from '@app/contracts';
import { DomainError } from '@app/platform';

export class ApplicationError extends DomainError {
  static notFound(applicationId: string): ApplicationError {
    return new ApplicationError(
      ErrorCode.NOT_FOUND,
      `application ${applicationId} not found`,
      `未找到申请：${applicationId}`,
    );
  }

  static invalidIdNumber(reason: string): ApplicationError {
    return new ApplicationError(ErrorCode.VALIDATION_FAILED, 'applicant ID number invalid', '申请人身份证号码不正确', [
      { field: 'applicantIdNumber', messages: [reason] },
    ]);
  }

  static keyReused(idempotencyKey: string): ApplicationError {
    return new ApplicationError(
      ErrorCode.IDEMPOTENCY_CONFLICT,
      `idempotency key ${idempotencyKey} was used for a different application`,
      '该幂等键已用于提交另一份内容不同的申请',
    );
  }

  static workflowNotStarted(applicationNo: string): ApplicationError {
    return new ApplicationError(
      ErrorCode.UNAVAILABLE,
      `application ${applicationNo} saved but its approval workflow could not be started`,
      `申请${applicationNo}已保存，但审批流程暂时无法启动，请稍后使用同一幂等键重新提交`,
    );
  }

  static detailsInvalid(details: FieldError[]): ApplicationError {
    return new ApplicationError(
      ErrorCode.VALIDATION_FAILED,
      'application details invalid',
      '申请信息不符合要求',
      details,
    );
  }

  static notDraft(status: string): ApplicationError {
    return new ApplicationError(
      ErrorCode.VALIDATION_FAILED,
      `application is ${status}, not a draft`,
      '只能修改草稿状态的申请',
      [{ field: 'status', messages: [`申请当前状态为${status}，已提交的申请不能修改`] }],
    );
  }

  static withdrawn(): ApplicationError {
    return new ApplicationError(ErrorCode.VALIDATION_FAILED, 'application withdrawn', '申请已撤回，不能再提交', [
      { field: 'status', messages: ['申请已撤回'] },
    ]);
  }

  static decided(status: string): ApplicationError {
    const message =
      status === 'APPROVED'
        ? '申请已审批同意，不能撤回；如需停止保障请办理终止'
        : status === 'TERMINATED'
          ? '申请已因申请人不配合终止审批，不能撤回'
          : '申请已作出不予确认决定，不能撤回';
    return new ApplicationError(ErrorCode.CONFLICT, `application already ${status}`, message, [
      { field: 'status', messages: [message] },
    ]);
  }
}
