import type {
  AppealReply,
  GetAppealRequest,
  ListAppealsReply,
  ListAppealsRequest,
  RecordAppealOutcomeRequest,
  RedecideAppealRequest,
  RegisterAppealRequest,
} from './approval/appeal.request';
import type { ApprovalPolicy, ApprovalPolicyVersionReply, ListApprovalPoliciesReply } from './approval/approval-policy';
import type { CreateApprovalPolicyRequest, ListApprovalPoliciesRequest } from './approval/approval-policy.request';
import type { CalendarReply } from './approval/calendar.reply';
import type { TaskStatisticsReply, TaskStatisticsRequest } from './approval/task-statistics';
import type {
  ChainStateRequest,
  ClaimTaskRequest,
  ReleaseClaimsReply,
  ReleaseClaimsRequest,
  CloseTaskRequest,
  DecideTaskRequest,
  DecisionReply,
  EscalateTaskRequest,
  RescheduleTaskRequest,
  ListTasksReply,
  ListTasksRequest,
  LoadCalendarRequest,
  OpenTaskRequest,
  RecordObjectionRequest,
  ResolveApprovalPolicyRequest,
  TaskHistoryReply,
  TaskHistoryRequest,
  TaskReply,
  WorkingDaysDueReply,
  WorkingDaysDueRequest,
} from './approval/task.request';
import type {
  AccountingRecordContentReply,
  AccountingRecordReply,
  GetAccountingRecordContentRequest,
  FileAccountingRecordRequest,
  ListAccountingRecordsReply,
  ListAccountingRecordsRequest,
} from './archive/accounting-record.request';
import type {
  ArchiveFileReply,
  FixityCheckReply,
  FixitySweepReply,
  FixitySweepRequest,
  GetArchiveFileRequest,
  ListFixityChecksReply,
  ListFixityChecksRequest,
  VerifyArchiveFileRequest,
} from './archive/archive-file';
import type { ArchiveStatisticsReply, ArchiveStatisticsRequest } from './archive/archive-statistics';
import type {
  BorrowReply,
  DecideBorrowRequest,
  ListBorrowRequestsReply,
  ListBorrowRequestsRequest,
  RequestBorrowRequest,
} from './archive/borrowing';
import type { DocumentContentReply, DocumentReply, ListDocumentsReply } from './archive/document.reply';
import type { FileDocumentRequest } from './archive/file-document.request';
import type { GetDocumentContentRequest } from './archive/get-document-content.request';
import type { IngestUploadReply, IngestUploadRequest } from './archive/ingest-upload.request';
import type { ListDocumentsRequest } from './archive/list-documents.request';
import type { RenderPrintableReply, RenderPrintableRequest } from './archive/printable';
import type {
  AppraisalListReply,
  AppraisalListRequest,
  DecideDisposalRequest,
  DisposalReply,
  LegalHoldReply,
  LiftLegalHoldRequest,
  ListDisposalsReply,
  ListDisposalsRequest,
  ListLegalHoldsReply,
  ListLegalHoldsRequest,
  PlaceLegalHoldRequest,
  RecordRetentionEventRequest,
  RetentionReply,
} from './archive/retention';
import type {
  CreateTransferPackageRequest,
  ListTransferPackagesReply,
  ListTransferPackagesRequest,
  TransferFilesPageReply,
  TransferFilesPageRequest,
  TransferPackageReply,
} from './archive/transfer';
import type { HealthCheckRequest, HealthReply } from './common/health';
import type { AssessmentReply, PreviewAssessmentRequest } from './eligibility/preview-assessment.request';
import type {
  CreatePolicyRequest,
  CreateStandardRequest,
  ListPoliciesReply,
  ListRuleChangesReply,
  ListRuleChangesRequest,
  ListRuleVersionsRequest,
  ListStandardsReply,
  PolicyReply,
  StandardReply,
} from './eligibility/rule-versions.request';
import type {
  GetAssessmentRequest,
  ListAssessmentsReply,
  ListAssessmentsRequest,
  RunAssessmentRequest,
  StoredAssessmentReply,
} from './eligibility/run-assessment.request';
import type { ApplicationReply, ListApplicationsReply } from './intake/application.reply';
import type { AddAttachmentRequest, AttachmentReply } from './intake/attachment.request';
import type {
  NotifyMissingMaterialsRequest,
  SubmitDraftRequest,
  UpdateApplicationRequest,
  RedecideApplicationRequest,
  WithdrawApplicationRequest,
} from './intake/change-application.request';
import type { RecheckDataCheckRequest, RecordNoticeDeliveryRequest } from './intake/data-check-recheck';
import type { GetApplicationRequest, ListApplicationsRequest } from './intake/get-application.request';
import type { DivisionReply, GetDivisionRequest } from './intake/get-division.request';
import type { ChangeHouseholdMembersRequest, MemberChangeReply } from './intake/household-change.request';
import type { HouseholdPublicityReply, HouseholdPublicityRequest } from './intake/household-publicity';
import type { HouseholdReply, ImportHouseholdsReply, SearchHouseholdsReply } from './intake/household.reply';
import type {
  CreateHouseholdRequest,
  GetHouseholdRequest,
  ImportHouseholdsRequest,
  SearchHouseholdsRequest,
} from './intake/household.request';
import type { ApplicationStageReply, RecordApplicationStageRequest } from './intake/record-application-stage.request';
import type { SubmitApplicationRequest } from './intake/submit-application.request';
import type {
  BankBatchLinesReply,
  BankBatchLinesRequest,
  BankBatchListReply,
  BankBatchReply,
  BankBatchRequest,
  BankListBatchesRequest,
  BankPostResultsReply,
  BankPostResultsRequest,
  BankStatementReply,
  BankStatementRequest,
} from './payment/bank.request';
import type {
  BringReviewForwardReply,
  BringReviewForwardRequest,
  ListReviewsDueReply,
  ListReviewsDueRequest,
  RecordReviewRequest,
} from './payment/enrolment-review.request';
import type {
  ChangeEnrolmentRequest,
  ChangePayeeRequest,
  CreateEnrolmentRequest,
  EnrolmentReply,
  GetEnrolmentRequest,
} from './payment/enrolment.request';
import type {
  BuildBatchesReply,
  BuildBatchesRequest,
  SealPayrollReply,
  SealPayrollRequest,
  GeneratePayrollReply,
  GeneratePayrollRequest,
  LineReply,
  ListLinesReply,
  ListLinesRequest,
  PaymentHistoryReply,
  PaymentHistoryRequest,
  PayrollStatementReply,
  PayrollStatementRequest,
  PlanPayrollReply,
  PlanPayrollRequest,
  ReissueLineRequest,
  CancelLineRequest,
  RosterCommunitiesReply,
  RosterCommunitiesRequest,
  RosterReply,
  GetPaymentStatisticsRequest,
  GetRosterRequest,
  PaymentStatisticsReply,
  StartPayrollReply,
  StartPayrollRequest,
} from './payment/payroll.request';
import type { ListRecipientsRequest, RecipientsReply } from './payment/recipients.request';
import type {
  CreateRecoveryRequest,
  GetRecoveryRequest,
  ListRecoveriesReply,
  ListRecoveriesRequest,
  RecordRepaymentRequest,
  RecoveryReply,
} from './payment/recovery.request';
import type { SUBJECTS } from './subjects';
import type { ChainState } from './temporal/approval-updates';

type Health = { request: HealthCheckRequest; reply: HealthReply };

/** Request subject → request and reply types, so the platform client is checked at compile time. */
export interface RequestMap {
  [SUBJECTS.intake.applicationSubmit]: { request: SubmitApplicationRequest; reply: ApplicationReply };
  [SUBJECTS.intake.applicationGet]: { request: GetApplicationRequest; reply: ApplicationReply };
  [SUBJECTS.intake.applicationList]: { request: ListApplicationsRequest; reply: ListApplicationsReply };
  [SUBJECTS.intake.applicationRecordStage]: { request: RecordApplicationStageRequest; reply: ApplicationStageReply };
  [SUBJECTS.intake.applicationUpdate]: { request: UpdateApplicationRequest; reply: ApplicationReply };
  [SUBJECTS.intake.applicationSubmitDraft]: { request: SubmitDraftRequest; reply: ApplicationReply };
  [SUBJECTS.intake.applicationWithdraw]: { request: WithdrawApplicationRequest; reply: ApplicationReply };
  [SUBJECTS.intake.applicationRedecide]: { request: RedecideApplicationRequest; reply: ApplicationReply };
  [SUBJECTS.intake.applicationMaterialsNotice]: { request: NotifyMissingMaterialsRequest; reply: ApplicationReply };
  [SUBJECTS.intake.applicationRecheck]: { request: RecheckDataCheckRequest; reply: ApplicationReply };
  [SUBJECTS.intake.applicationNoticeDelivery]: { request: RecordNoticeDeliveryRequest; reply: DocumentReply };
  [SUBJECTS.intake.attachmentAdd]: { request: AddAttachmentRequest; reply: AttachmentReply };
  [SUBJECTS.archive.uploadIngest]: { request: IngestUploadRequest; reply: IngestUploadReply };
  [SUBJECTS.intake.divisionGet]: { request: GetDivisionRequest; reply: DivisionReply };
  [SUBJECTS.intake.householdCreate]: { request: CreateHouseholdRequest; reply: HouseholdReply };
  [SUBJECTS.intake.householdGet]: { request: GetHouseholdRequest; reply: HouseholdReply };
  [SUBJECTS.intake.householdSearch]: { request: SearchHouseholdsRequest; reply: SearchHouseholdsReply };
  [SUBJECTS.intake.householdImport]: { request: ImportHouseholdsRequest; reply: ImportHouseholdsReply };
  [SUBJECTS.intake.householdChangeMembers]: { request: ChangeHouseholdMembersRequest; reply: MemberChangeReply };
  [SUBJECTS.intake.householdPublicity]: { request: HouseholdPublicityRequest; reply: HouseholdPublicityReply };
  [SUBJECTS.intake.healthCheck]: Health;
  [SUBJECTS.eligibility.assessmentPreview]: { request: PreviewAssessmentRequest; reply: AssessmentReply };
  [SUBJECTS.eligibility.assessmentRun]: { request: RunAssessmentRequest; reply: StoredAssessmentReply };
  [SUBJECTS.eligibility.assessmentGet]: { request: GetAssessmentRequest; reply: StoredAssessmentReply };
  [SUBJECTS.eligibility.assessmentList]: { request: ListAssessmentsRequest; reply: ListAssessmentsReply };
  [SUBJECTS.eligibility.standardCreate]: { request: CreateStandardRequest; reply: StandardReply };
  [SUBJECTS.eligibility.standardList]: { request: ListRuleVersionsRequest; reply: ListStandardsReply };
  [SUBJECTS.eligibility.policyCreate]: { request: CreatePolicyRequest; reply: PolicyReply };
  [SUBJECTS.eligibility.policyList]: { request: ListRuleVersionsRequest; reply: ListPoliciesReply };
  [SUBJECTS.eligibility.ruleChangeList]: { request: ListRuleChangesRequest; reply: ListRuleChangesReply };
  [SUBJECTS.eligibility.healthCheck]: Health;
  [SUBJECTS.approval.policyResolve]: { request: ResolveApprovalPolicyRequest; reply: ApprovalPolicy };
  [SUBJECTS.approval.policyCreate]: { request: CreateApprovalPolicyRequest; reply: ApprovalPolicyVersionReply };
  [SUBJECTS.approval.policyList]: { request: ListApprovalPoliciesRequest; reply: ListApprovalPoliciesReply };
  [SUBJECTS.approval.taskOpen]: { request: OpenTaskRequest; reply: TaskReply };
  [SUBJECTS.approval.taskClose]: { request: CloseTaskRequest; reply: TaskReply };
  [SUBJECTS.approval.taskEscalate]: { request: EscalateTaskRequest; reply: TaskReply };
  [SUBJECTS.approval.taskClaim]: { request: ClaimTaskRequest; reply: TaskReply };
  [SUBJECTS.approval.taskReleaseClaims]: { request: ReleaseClaimsRequest; reply: ReleaseClaimsReply };
  [SUBJECTS.approval.taskReschedule]: { request: RescheduleTaskRequest; reply: TaskReply };
  [SUBJECTS.approval.taskList]: { request: ListTasksRequest; reply: ListTasksReply };
  [SUBJECTS.approval.taskHistory]: { request: TaskHistoryRequest; reply: TaskHistoryReply };
  [SUBJECTS.approval.taskStatistics]: { request: TaskStatisticsRequest; reply: TaskStatisticsReply };
  [SUBJECTS.approval.taskDecide]: { request: DecideTaskRequest; reply: DecisionReply };
  [SUBJECTS.approval.chainState]: { request: ChainStateRequest; reply: ChainState };
  [SUBJECTS.approval.objectionRecord]: { request: RecordObjectionRequest; reply: { accepted: true } };
  [SUBJECTS.approval.appealRegister]: { request: RegisterAppealRequest; reply: AppealReply };
  [SUBJECTS.approval.appealOutcome]: { request: RecordAppealOutcomeRequest; reply: AppealReply };
  [SUBJECTS.approval.appealRedecide]: { request: RedecideAppealRequest; reply: AppealReply };
  [SUBJECTS.approval.appealGet]: { request: GetAppealRequest; reply: AppealReply };
  [SUBJECTS.approval.appealList]: { request: ListAppealsRequest; reply: ListAppealsReply };
  [SUBJECTS.approval.calendarLoad]: { request: LoadCalendarRequest; reply: CalendarReply };
  [SUBJECTS.approval.calendarList]: { request: HealthCheckRequest; reply: CalendarReply };
  [SUBJECTS.approval.calendarDueDate]: { request: WorkingDaysDueRequest; reply: WorkingDaysDueReply };
  [SUBJECTS.approval.healthCheck]: Health;
  [SUBJECTS.payment.enrolmentCreate]: { request: CreateEnrolmentRequest; reply: EnrolmentReply };
  [SUBJECTS.payment.enrolmentChange]: { request: ChangeEnrolmentRequest; reply: EnrolmentReply };
  [SUBJECTS.payment.enrolmentChangePayee]: { request: ChangePayeeRequest; reply: EnrolmentReply };
  [SUBJECTS.payment.enrolmentGet]: { request: GetEnrolmentRequest; reply: EnrolmentReply };
  [SUBJECTS.payment.enrolmentReview]: { request: RecordReviewRequest; reply: EnrolmentReply };
  [SUBJECTS.payment.enrolmentReviewsDue]: { request: ListReviewsDueRequest; reply: ListReviewsDueReply };
  [SUBJECTS.payment.enrolmentReviewBringForward]: {
    request: BringReviewForwardRequest;
    reply: BringReviewForwardReply;
  };
  [SUBJECTS.payment.payrollStart]: { request: StartPayrollRequest; reply: StartPayrollReply };
  [SUBJECTS.payment.payrollPlan]: { request: PlanPayrollRequest; reply: PlanPayrollReply };
  [SUBJECTS.payment.payrollGenerate]: { request: GeneratePayrollRequest; reply: GeneratePayrollReply };
  [SUBJECTS.payment.payrollSeal]: { request: SealPayrollRequest; reply: SealPayrollReply };
  [SUBJECTS.payment.payrollBuildBatches]: { request: BuildBatchesRequest; reply: BuildBatchesReply };
  [SUBJECTS.payment.payrollStatement]: { request: PayrollStatementRequest; reply: PayrollStatementReply };
  [SUBJECTS.payment.lineList]: { request: ListLinesRequest; reply: ListLinesReply };
  [SUBJECTS.payment.lineReissue]: { request: ReissueLineRequest; reply: LineReply };
  [SUBJECTS.payment.lineCancel]: { request: CancelLineRequest; reply: LineReply };
  [SUBJECTS.payment.recoveryCreate]: { request: CreateRecoveryRequest; reply: RecoveryReply };
  [SUBJECTS.payment.recoveryRepay]: { request: RecordRepaymentRequest; reply: RecoveryReply };
  [SUBJECTS.payment.recoveryGet]: { request: GetRecoveryRequest; reply: RecoveryReply };
  [SUBJECTS.payment.recoveryList]: { request: ListRecoveriesRequest; reply: ListRecoveriesReply };
  [SUBJECTS.payment.historyGet]: { request: PaymentHistoryRequest; reply: PaymentHistoryReply };
  [SUBJECTS.payment.bankBatchList]: { request: BankListBatchesRequest; reply: BankBatchListReply };
  [SUBJECTS.payment.bankBatchLines]: { request: BankBatchLinesRequest; reply: BankBatchLinesReply };
  [SUBJECTS.payment.bankBatchAcknowledge]: { request: BankBatchRequest; reply: BankBatchReply };
  [SUBJECTS.payment.bankResultsPost]: { request: BankPostResultsRequest; reply: BankPostResultsReply };
  [SUBJECTS.payment.bankStatement]: { request: BankStatementRequest; reply: BankStatementReply };
  [SUBJECTS.payment.rosterCommunities]: { request: RosterCommunitiesRequest; reply: RosterCommunitiesReply };
  [SUBJECTS.payment.rosterGet]: { request: GetRosterRequest; reply: RosterReply };
  [SUBJECTS.payment.recipientList]: { request: ListRecipientsRequest; reply: RecipientsReply };
  [SUBJECTS.payment.statisticsGet]: { request: GetPaymentStatisticsRequest; reply: PaymentStatisticsReply };
  [SUBJECTS.payment.healthCheck]: Health;
  [SUBJECTS.archive.documentFile]: { request: FileDocumentRequest; reply: DocumentReply };
  [SUBJECTS.archive.documentList]: { request: ListDocumentsRequest; reply: ListDocumentsReply };
  [SUBJECTS.archive.documentGetContent]: { request: GetDocumentContentRequest; reply: DocumentContentReply };
  [SUBJECTS.archive.fileGet]: { request: GetArchiveFileRequest; reply: ArchiveFileReply };
  [SUBJECTS.archive.fixityVerifyFile]: { request: VerifyArchiveFileRequest; reply: FixityCheckReply };
  [SUBJECTS.archive.fixitySweep]: { request: FixitySweepRequest; reply: FixitySweepReply };
  [SUBJECTS.archive.fixityList]: { request: ListFixityChecksRequest; reply: ListFixityChecksReply };
  [SUBJECTS.archive.printableRender]: { request: RenderPrintableRequest; reply: RenderPrintableReply };
  [SUBJECTS.archive.statisticsGet]: { request: ArchiveStatisticsRequest; reply: ArchiveStatisticsReply };
  [SUBJECTS.archive.borrowRequest]: { request: RequestBorrowRequest; reply: BorrowReply };
  [SUBJECTS.archive.borrowDecide]: { request: DecideBorrowRequest; reply: BorrowReply };
  [SUBJECTS.archive.borrowList]: { request: ListBorrowRequestsRequest; reply: ListBorrowRequestsReply };
  [SUBJECTS.archive.retentionRecord]: { request: RecordRetentionEventRequest; reply: RetentionReply };
  [SUBJECTS.archive.retentionAppraisal]: { request: AppraisalListRequest; reply: AppraisalListReply };
  [SUBJECTS.archive.disposalDecide]: { request: DecideDisposalRequest; reply: DisposalReply };
  [SUBJECTS.archive.disposalList]: { request: ListDisposalsRequest; reply: ListDisposalsReply };
  [SUBJECTS.archive.holdPlace]: { request: PlaceLegalHoldRequest; reply: LegalHoldReply };
  [SUBJECTS.archive.holdLift]: { request: LiftLegalHoldRequest; reply: LegalHoldReply };
  [SUBJECTS.archive.holdList]: { request: ListLegalHoldsRequest; reply: ListLegalHoldsReply };
  [SUBJECTS.archive.transferCreate]: { request: CreateTransferPackageRequest; reply: TransferPackageReply };
  [SUBJECTS.archive.transferList]: { request: ListTransferPackagesRequest; reply: ListTransferPackagesReply };
  [SUBJECTS.archive.transferFiles]: { request: TransferFilesPageRequest; reply: TransferFilesPageReply };
  [SUBJECTS.archive.accountingRecordFile]: { request: FileAccountingRecordRequest; reply: AccountingRecordReply };
  [SUBJECTS.archive.accountingRecordList]: {
    request: ListAccountingRecordsRequest;
    reply: ListAccountingRecordsReply;
  };
  [SUBJECTS.archive.accountingRecordGetContent]: {
    request: GetAccountingRecordContentRequest;
    reply: AccountingRecordContentReply;
  };
  [SUBJECTS.archive.healthCheck]: Health;
  [SUBJECTS.worker.healthCheck]: Health;
}

export type RequestSubject = keyof RequestMap;
export type RequestOf<S extends RequestSubject> = RequestMap[S]['request'];
export type ReplyOf<S extends RequestSubject> = RequestMap[S]['reply'];
