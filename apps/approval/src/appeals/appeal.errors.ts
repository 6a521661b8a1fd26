import { ErrorCode } from '@app/contracts';
import { DomainError } from '@app/platform';

const field = (name: string, message: string) => [{ field: name, messages: [message] }];

export class AppealError extends DomainError {
  static keyReused(): AppealError {
    const message = '该幂等键已用于内容不同的另一请求';
    return new AppealError(
      ErrorCode.IDEMPOTENCY_CONFLICT,
      'idempotency key reused',
      message,
      field('idempotencyKey', message),
    );
  }

  static notContestable(label: string): AppealError {
    const message = `${label}不是可申请复议或提起诉讼的决定：应为不予确认通知书、终止审批通知书、确认通知书、待遇变更决定书或追回决定书`;
    return new AppealError(
      ErrorCode.VALIDATION_FAILED,
      'document not contestable',
      message,
      field('contestedDocumentId', message),
    );
  }

  static documentNotFound(): AppealError {
    const message = '该申请的档案中没有这份文书';
    return new AppealError(
      ErrorCode.VALIDATION_FAILED,
      'contested document not in the file',
      message,
      field('contestedDocumentId', message),
    );
  }

  static caseRegistered(caseNo: string): AppealError {
    const message = `案号${caseNo}已登记`;
    return new AppealError(ErrorCode.CONFLICT, 'case registered already', message, field('caseNo', message));
  }

  static dayOutOfRange(name: 'receivedOn' | 'decidedOn', message: string): AppealError {
    return new AppealError(ErrorCode.VALIDATION_FAILED, `${name} out of range`, message, field(name, message));
  }

  static notFound(): AppealError {
    const message = '案件不存在';
    return new AppealError(ErrorCode.NOT_FOUND, 'appeal not found', message, field('appealId', message));
  }

  static closed(): AppealError {
    const message = '该案件已记录结果';
    return new AppealError(ErrorCode.CONFLICT, 'appeal has an outcome', message, field('appealId', message));
  }

  static nothingToDecideAgain(): AppealError {
    const message = '该案件尚无撤销、变更或责令履行的结果，无需重新作出决定';
    return new AppealError(
      ErrorCode.CONFLICT,
      'appeal leaves nothing to decide again',
      message,
      field('appealId', message),
    );
  }

  static notDecidedAgainByConfirmation(label: string): AppealError {
    const message = `被申请的决定为${label}：重新作出的决定请按待遇变更或追回程序办理，不另行审核确认`;
    return new AppealError(
      ErrorCode.CONFLICT,
      'contested decision not re-decided by confirmation',
      message,
      field('appealId', message),
    );
  }
}
