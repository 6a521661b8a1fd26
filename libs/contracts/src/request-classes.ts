import {
  GetAppealRequest,
  ListAppealsRequest,
  RecordAppealOutcomeRequest,
  RedecideAppealRequest,
  RegisterAppealRequest,
} from './approval/appeal.request';
import { CreateApprovalPolicyRequest, ListApprovalPoliciesRequest } from './approval/approval-policy.request';
import { TaskStatisticsRequest } from './approval/task-statistics';
import {
  ChainStateRequest,
  ClaimTaskRequest,
  ReleaseClaimsRequest,
  CloseTaskRequest,
  DecideTaskRequest,
  EscalateTaskRequest,
  RescheduleTaskRequest,
  ListTasksRequest,
  LoadCalendarRequest,
  OpenTaskRequest,
  RecordObjectionRequest,
  ResolveApprovalPolicyRequest,
  TaskHistoryRequest,
  WorkingDaysDueRequest,
} from './approval/task.request';
import {
  FileAccountingRecordRequest,
  GetAccountingRecordContentRequest,
  ListAccountingRecordsRequest,
} from './archive/accounting-record.request';
import {
  FixitySweepRequest,
  GetArchiveFileRequest,
  ListFixityChecksRequest,
  VerifyArchiveFileRequest,
} from './archive/archive-file';
import { ArchiveStatisticsRequest } from './archive/archive-statistics';
import { DecideBorrowRequest, ListBorrowRequestsRequest, RequestBorrowRequest } from './archive/borrowing';
import { FileDocumentRequest } from './archive/file-document.request';
import { GetDocumentContentRequest } from './archive/get-document-content.request';
import { IngestUploadRequest } from './archive/ingest-upload.request';
import { ListDocumentsRequest } from './archive/list-documents.request';
import { RenderPrintableRequest } from './archive/printable';
import {
  AppraisalListRequest,
  DecideDisposalRequest,
  LiftLegalHoldRequest,
  ListDisposalsRequest,
  ListLegalHoldsRequest,
  PlaceLegalHoldRequest,
  RecordRetentionEventRequest,
} from './archive/retention';
import {
  CreateTransferPackageRequest,
  ListTransferPackagesRequest,
  TransferFilesPageRequest,
} from './archive/transfer';
import { HealthCheckRequest } from './common/health';
import { PreviewAssessmentRequest } from './eligibility/preview-assessment.request';
import {
  CreatePolicyRequest,
  CreateStandardRequest,
  ListRuleChangesRequest,
  ListRuleVersionsRequest,
} from './eligibility/rule-versions.request';
import {
  GetAssessmentRequest,
  ListAssessmentsRequest,
  RunAssessmentRequest,
} from './eligibility/run-assessment.request';
import { AddAttachmentRequest } from './intake/attachment.request';
import {
  NotifyMissingMaterialsRequest,
  SubmitDraftRequest,
  UpdateApplicationRequest,
  RedecideApplicationRequest,
  WithdrawApplicationRequest,
} from './intake/change-application.request';
import { RecheckDataCheckRequest, RecordNoticeDeliveryRequest } from './intake/data-check-recheck';
import { GetApplicationRequest, ListApplicationsRequest } from './intake/get-application.request';
import { GetDivisionRequest } from './intake/get-division.request';
import { ChangeHouseholdMembersRequest } from './intake/household-change.request';
import { HouseholdPublicityRequest } from './intake/household-publicity';
import {
  CreateHouseholdRequest,
  GetHouseholdRequest,
  ImportHouseholdsRequest,
  SearchHouseholdsRequest,
} from './intake/household.request';
import { RecordApplicationStageRequest } from './intake/record-application-stage.request';
import { SubmitApplicationRequest } from './intake/submit-application.request';
import type { RequestSubject } from './message-map';
import {
  BankBatchLinesRequest,
  BankBatchRequest,
  BankListBatchesRequest,
  BankPostResultsRequest,
  BankStatementRequest,
} from './payment/bank.request';
import {
  BringReviewForwardRequest,
  ListReviewsDueRequest,
  RecordReviewRequest,
} from './payment/enrolment-review.request';
import {
  ChangeEnrolmentRequest,
  ChangePayeeRequest,
  CreateEnrolmentRequest,
  GetEnrolmentRequest,
} from './payment/enrolment.request';
import {
  BuildBatchesRequest,
  SealPayrollRequest,
  GeneratePayrollRequest,
  ListLinesRequest,
  PaymentHistoryRequest,
  PayrollStatementRequest,
  PlanPayrollRequest,
  ReissueLineRequest,
  CancelLineRequest,
  RosterCommunitiesRequest,
  GetPaymentStatisticsRequest,
  GetRosterRequest,
  StartPayrollRequest,
} from './payment/payroll.request';
import { ListRecipientsRequest } from './payment/recipients.request';
import {
  CreateRecoveryRequest,
  GetRecoveryRequest,
  ListRecoveriesRequest,
  RecordRepaymentRequest,
} from './payment/recovery.request';
import { SUBJECTS } from './subjects';

/** The payload class of every request subject, so senders validate exactly what receivers will. */
export const REQUEST_CLASSES: { [S in RequestSubject]: new () => object } = {
  [SUBJECTS.intake.applicationSubmit]: SubmitApplicationRequest,
  [SUBJECTS.intake.applicationGet]: GetApplicationRequest,
  [SUBJECTS.intake.applicationList]: ListApplicationsRequest,
  [SUBJECTS.intake.applicationRecordStage]: RecordApplicationStageRequest,
  [SUBJECTS.intake.applicationUpdate]: UpdateApplicationRequest,
  [SUBJECTS.intake.applicationSubmitDraft]: SubmitDraftRequest,
  [SUBJECTS.intake.applicationWithdraw]: WithdrawApplicationRequest,
  [SUBJECTS.intake.applicationRedecide]: RedecideApplicationRequest,
  [SUBJECTS.intake.applicationMaterialsNotice]: NotifyMissingMaterialsRequest,
  [SUBJECTS.intake.applicationRecheck]: RecheckDataCheckRequest,
  [SUBJECTS.intake.applicationNoticeDelivery]: RecordNoticeDeliveryRequest,
  [SUBJECTS.intake.divisionGet]: GetDivisionRequest,
  [SUBJECTS.intake.attachmentAdd]: AddAttachmentRequest,
  [SUBJECTS.archive.uploadIngest]: IngestUploadRequest,
  [SUBJECTS.intake.householdCreate]: CreateHouseholdRequest,
  [SUBJECTS.intake.householdGet]: GetHouseholdRequest,
  [SUBJECTS.intake.householdSearch]: SearchHouseholdsRequest,
  [SUBJECTS.intake.householdImport]: ImportHouseholdsRequest,
  [SUBJECTS.intake.householdChangeMembers]: ChangeHouseholdMembersRequest,
  [SUBJECTS.intake.householdPublicity]: HouseholdPublicityRequest,
  [SUBJECTS.intake.healthCheck]: HealthCheckRequest,
  [SUBJECTS.eligibility.assessmentPreview]: PreviewAssessmentRequest,
  [SUBJECTS.eligibility.assessmentRun]: RunAssessmentRequest,
  [SUBJECTS.eligibility.assessmentGet]: GetAssessmentRequest,
  [SUBJECTS.eligibility.assessmentList]: ListAssessmentsRequest,
  [SUBJECTS.eligibility.standardCreate]: CreateStandardRequest,
  [SUBJECTS.eligibility.standardList]: ListRuleVersionsRequest,
  [SUBJECTS.eligibility.policyCreate]: CreatePolicyRequest,
  [SUBJECTS.eligibility.policyList]: ListRuleVersionsRequest,
  [SUBJECTS.eligibility.ruleChangeList]: ListRuleChangesRequest,
  [SUBJECTS.eligibility.healthCheck]: HealthCheckRequest,
  [SUBJECTS.approval.policyResolve]: ResolveApprovalPolicyRequest,
  [SUBJECTS.approval.policyCreate]: CreateApprovalPolicyRequest,
  [SUBJECTS.approval.policyList]: ListApprovalPoliciesRequest,
  [SUBJECTS.approval.taskOpen]: OpenTaskRequest,
  [SUBJECTS.approval.taskClose]: CloseTaskRequest,
  [SUBJECTS.approval.taskEscalate]: EscalateTaskRequest,
  [SUBJECTS.approval.taskClaim]: ClaimTaskRequest,
  [SUBJECTS.approval.taskReleaseClaims]: ReleaseClaimsRequest,
  [SUBJECTS.approval.taskReschedule]: RescheduleTaskRequest,
  [SUBJECTS.approval.taskList]: ListTasksRequest,
  [SUBJECTS.approval.taskHistory]: TaskHistoryRequest,
  [SUBJECTS.approval.taskStatistics]: TaskStatisticsRequest,
  [SUBJECTS.approval.taskDecide]: DecideTaskRequest,
  [SUBJECTS.approval.chainState]: ChainStateRequest,
  [SUBJECTS.approval.objectionRecord]: RecordObjectionRequest,
  [SUBJECTS.approval.appealRegister]: RegisterAppealRequest,
  [SUBJECTS.approval.appealOutcome]: RecordAppealOutcomeRequest,
  [SUBJECTS.approval.appealRedecide]: RedecideAppealRequest,
  [SUBJECTS.approval.appealGet]: GetAppealRequest,
  [SUBJECTS.approval.appealList]: ListAppealsRequest,
  [SUBJECTS.approval.calendarLoad]: LoadCalendarRequest,
  [SUBJECTS.approval.calendarList]: HealthCheckRequest,
  [SUBJECTS.approval.calendarDueDate]: WorkingDaysDueRequest,
  [SUBJECTS.approval.healthCheck]: HealthCheckRequest,
  [SUBJECTS.payment.enrolmentCreate]: CreateEnrolmentRequest,
  [SUBJECTS.payment.enrolmentChange]: ChangeEnrolmentRequest,
  [SUBJECTS.payment.enrolmentChangePayee]: ChangePayeeRequest,
  [SUBJECTS.payment.enrolmentGet]: GetEnrolmentRequest,
  [SUBJECTS.payment.enrolmentReview]: RecordReviewRequest,
  [SUBJECTS.payment.enrolmentReviewsDue]: ListReviewsDueRequest,
  [SUBJECTS.payment.enrolmentReviewBringForward]: BringReviewForwardRequest,
  [SUBJECTS.payment.payrollStart]: StartPayrollRequest,
  [SUBJECTS.payment.payrollPlan]: PlanPayrollRequest,
  [SUBJECTS.payment.payrollGenerate]: GeneratePayrollRequest,
  [SUBJECTS.payment.payrollSeal]: SealPayrollRequest,
  [SUBJECTS.payment.payrollBuildBatches]: BuildBatchesRequest,
  [SUBJECTS.payment.payrollStatement]: PayrollStatementRequest,
  [SUBJECTS.payment.lineList]: ListLinesRequest,
  [SUBJECTS.payment.lineReissue]: ReissueLineRequest,
  [SUBJECTS.payment.lineCancel]: CancelLineRequest,
  [SUBJECTS.payment.recoveryCreate]: CreateRecoveryRequest,
  [SUBJECTS.payment.recoveryRepay]: RecordRepaymentRequest,
  [SUBJECTS.payment.recoveryGet]: GetRecoveryRequest,
  [SUBJECTS.payment.recoveryList]: ListRecoveriesRequest,
  [SUBJECTS.payment.historyGet]: PaymentHistoryRequest,
  [SUBJECTS.payment.bankBatchList]: BankListBatchesRequest,
  [SUBJECTS.payment.bankBatchLines]: BankBatchLinesRequest,
  [SUBJECTS.payment.bankBatchAcknowledge]: BankBatchRequest,
  [SUBJECTS.payment.bankResultsPost]: BankPostResultsRequest,
  [SUBJECTS.payment.bankStatement]: BankStatementRequest,
  [SUBJECTS.payment.rosterCommunities]: RosterCommunitiesRequest,
  [SUBJECTS.payment.rosterGet]: GetRosterRequest,
  [SUBJECTS.payment.recipientList]: ListRecipientsRequest,
  [SUBJECTS.payment.statisticsGet]: GetPaymentStatisticsRequest,
  [SUBJECTS.payment.healthCheck]: HealthCheckRequest,
  [SUBJECTS.archive.documentFile]: FileDocumentRequest,
  [SUBJECTS.archive.documentList]: ListDocumentsRequest,
  [SUBJECTS.archive.documentGetContent]: GetDocumentContentRequest,
  [SUBJECTS.archive.fileGet]: GetArchiveFileRequest,
  [SUBJECTS.archive.fixityVerifyFile]: VerifyArchiveFileRequest,
  [SUBJECTS.archive.fixitySweep]: FixitySweepRequest,
  [SUBJECTS.archive.fixityList]: ListFixityChecksRequest,
  [SUBJECTS.archive.printableRender]: RenderPrintableRequest,
  [SUBJECTS.archive.statisticsGet]: ArchiveStatisticsRequest,
  [SUBJECTS.archive.borrowRequest]: RequestBorrowRequest,
  [SUBJECTS.archive.borrowDecide]: DecideBorrowRequest,
  [SUBJECTS.archive.borrowList]: ListBorrowRequestsRequest,
  [SUBJECTS.archive.retentionRecord]: RecordRetentionEventRequest,
  [SUBJECTS.archive.retentionAppraisal]: AppraisalListRequest,
  [SUBJECTS.archive.disposalDecide]: DecideDisposalRequest,
  [SUBJECTS.archive.disposalList]: ListDisposalsRequest,
  [SUBJECTS.archive.holdPlace]: PlaceLegalHoldRequest,
  [SUBJECTS.archive.holdLift]: LiftLegalHoldRequest,
  [SUBJECTS.archive.holdList]: ListLegalHoldsRequest,
  [SUBJECTS.archive.transferCreate]: CreateTransferPackageRequest,
  [SUBJECTS.archive.transferList]: ListTransferPackagesRequest,
  [SUBJECTS.archive.transferFiles]: TransferFilesPageRequest,
  [SUBJECTS.archive.accountingRecordFile]: FileAccountingRecordRequest,
  [SUBJECTS.archive.accountingRecordList]: ListAccountingRecordsRequest,
  [SUBJECTS.archive.accountingRecordGetContent]: GetAccountingRecordContentRequest,
  [SUBJECTS.archive.healthCheck]: HealthCheckRequest,
  [SUBJECTS.worker.healthCheck]: HealthCheckRequest,
};
