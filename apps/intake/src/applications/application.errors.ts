import { APPLICATION_STATUS_LABELS, type ApplicationStatus, ErrorCode, type FieldError } from '@app/contracts';
import { DomainError } from '@app/platform';

/** The statuses of an application in progress (one per household at a time), as staff read them. */
export const IN_PROGRESS_STATUS_NAMES = {
  SUBMITTED: APPLICATION_STATUS_LABELS.SUBMITTED,
  RECEIVED: APPLICATION_STATUS_LABELS.RECEIVED,
  IN_REVIEW: APPLICATION_STATUS_LABELS.IN_REVIEW,
} as const;
export type InProgressStatus = keyof typeof IN_PROGRESS_STATUS_NAMES;

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

  /** A household has one application in progress at a time: the one being processed is decided or withdrawn first. */
  static inProgress(other: { applicationNo: string; status: InProgressStatus }): ApplicationError {
    const message = `该家庭已有正在办理的申请（${other.applicationNo}，${IN_PROGRESS_STATUS_NAMES[other.status]}），办结或撤回后才能再次申请`;
    return new ApplicationError(
      ErrorCode.CONFLICT,
      `household has application ${other.applicationNo} in progress`,
      message,
      [{ field: 'applicantIdNumber', messages: [message] }],
    );
  }

  /** The one-time notice tells everything missing at once: a second, other list is refused. */
  static materialsNoticeGiven(notifiedAt: string): ApplicationError {
    const message = `已于${notifiedAt.slice(0, 10)}一次性告知需补齐的全部材料，不得再次要求补充其他材料`;
    return new ApplicationError(ErrorCode.CONFLICT, 'materials notice already given', message, [
      { field: 'missing', messages: [message] },
    ]);
  }

  /** Before acceptance only: once submitted, missing material is asked for by returning the case to the applicant. */
  static materialsNoticeAfterSubmission(status: string): ApplicationError {
    const message = '申请已受理，需补正材料的，请在审批环节退回申请人补正';
    return new ApplicationError(ErrorCode.CONFLICT, `application is ${status}, not a draft`, message, [
      { field: 'status', messages: [message] },
    ]);
  }

  /** What the data check obtains through government data sharing is never asked of the applicant. */
  static sharedDataMaterials(items: Array<{ index: number; item: string; source: string }>): ApplicationError {
    return new ApplicationError(
      ErrorCode.VALIDATION_FAILED,
      'materials obtainable through data sharing',
      '可通过政府部门信息共享获取的材料不得要求申请人提供',
      items.map(({ index, item, source }) => ({
        field: `missing[${index}]`,
        messages: [`「${item}」可通过${source}核对获取，不得要求申请人提供`],
      })),
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
  static notRedecidable(status: ApplicationStatus): ApplicationError {
    const message = `申请当前为“${APPLICATION_STATUS_LABELS[status]}”，只有不予确认或终止审批的申请可以重新作出决定`;
    return new ApplicationError(ErrorCode.CONFLICT, `application is ${status}: nothing to decide again`, message, [
      { field: 'status', messages: [message] },
    ]);
  }

  static recheckNotInProgress(status: ApplicationStatus): ApplicationError {
    const message = `申请当前为“${APPLICATION_STATUS_LABELS[status]}”，只有审批中的申请可以复查核对结果`;
    return new ApplicationError(ErrorCode.CONFLICT, `application is ${status}: no re-check`, message, [
      { field: 'status', messages: [message] },
    ]);
  }

  static recheckWithoutIneligibleAssessment(eligible: boolean | undefined): ApplicationError {
    const message =
      eligible === undefined
        ? '该申请尚未完成家庭经济状况核对认定，不能复查'
        : '最近一次核对认定结果为符合条件，无需复查（复查适用于核对认定不符合条件而申请人有异议并提供证据的情形）';
    return new ApplicationError(ErrorCode.CONFLICT, 'no ineligible assessment to re-check', message, [
      { field: 'applicationId', messages: [message] },
    ]);
  }

  static recheckKeyReused(): ApplicationError {
    return new ApplicationError(
      ErrorCode.IDEMPOTENCY_CONFLICT,
      'idempotency key used for another re-check',
      '该幂等键已用于内容不同的另一次复查',
    );
  }

  static evidenceNotOfApplication(fields: FieldError[]): ApplicationError {
    return new ApplicationError(
      ErrorCode.VALIDATION_FAILED,
      'evidence not filed for this application',
      '证明材料须为本申请已上传的材料',
      fields,
    );
  }

  static notTheDataCheckNotice(): ApplicationError {
    const message = '不是本申请的家庭经济状况核对结果告知书';
    return new ApplicationError(ErrorCode.VALIDATION_FAILED, 'not a data-check notice of the application', message, [
      { field: 'documentId', messages: [message] },
    ]);
  }

  static deliveryDayOutOfRange(issuedOn: string, today: string): ApplicationError {
    const message = `送达日期应在告知书出具之日（${issuedOn}）至今日（${today}）之间`;
    return new ApplicationError(ErrorCode.VALIDATION_FAILED, 'delivery day out of range', message, [
      { field: 'deliveredOn', messages: [message] },
    ]);
  }

  static noticeDeliveredAlready(): ApplicationError {
    return new ApplicationError(
      ErrorCode.CONFLICT,
      'notice delivery recorded already',
      '该告知书已登记送达，送达回证已归档，不能另行登记',
    );
  }

  static recheckChainNotTold(): ApplicationError {
    return new ApplicationError(
      ErrorCode.UNAVAILABLE,
      'approval chain not told of a recorded re-check',
      '复查已登记，但暂时无法通知审批流程重新核算：系统将自动重试通知，也可稍后用同一幂等键重新提交',
    );
  }
}
