/**
 * Every NATS subject, grouped by the owning service (the first token). Requests are
 * `<service>.<noun>.<verb>`; events are `<service>.<noun>.<past-tense>`. Never rename a published subject.
 */
export const SUBJECTS = {
  intake: {
    applicationSubmit: 'intake.application.submit',
    applicationGet: 'intake.application.get',
    applicationList: 'intake.application.list',
    applicationRecordStage: 'intake.application.record-stage',
    applicationUpdate: 'intake.application.update',
    applicationSubmitDraft: 'intake.application.submit-draft',
    applicationWithdraw: 'intake.application.withdraw',
    attachmentAdd: 'intake.attachment.add',
    divisionGet: 'intake.division.get',
    householdCreate: 'intake.household.create',
    householdGet: 'intake.household.get',
    householdSearch: 'intake.household.search',
    householdImport: 'intake.household.import',
    healthCheck: 'intake.health.check',
  },
  eligibility: {
    assessmentPreview: 'eligibility.assessment.preview',
    assessmentRun: 'eligibility.assessment.run',
    assessmentGet: 'eligibility.assessment.get',
    assessmentList: 'eligibility.assessment.list',
    standardCreate: 'eligibility.standard.create',
    standardList: 'eligibility.standard.list',
    policyCreate: 'eligibility.policy.create',
    policyList: 'eligibility.policy.list',
    ruleChangeList: 'eligibility.rule-change.list',
    healthCheck: 'eligibility.health.check',
  },
  approval: {
    policyResolve: 'approval.policy.resolve',
    taskOpen: 'approval.task.open',
    taskClose: 'approval.task.close',
    taskEscalate: 'approval.task.escalate',
    taskList: 'approval.task.list',
    taskHistory: 'approval.task.history',
    taskDecide: 'approval.task.decide',
    objectionRecord: 'approval.objection.record',
    calendarLoad: 'approval.calendar.load',
    calendarList: 'approval.calendar.list',
    healthCheck: 'approval.health.check',
  },
  payment: {
    enrolmentCreate: 'payment.enrolment.create',
    enrolmentChange: 'payment.enrolment.change',
    enrolmentGet: 'payment.enrolment.get',
    payrollStart: 'payment.payroll.start',
    payrollPlan: 'payment.payroll.plan',
    payrollGenerate: 'payment.payroll.generate',
    payrollBuildBatches: 'payment.payroll.build-batches',
    payrollStatement: 'payment.payroll.statement',
    lineList: 'payment.line.list',
    lineReissue: 'payment.line.reissue',
    historyGet: 'payment.history.get',
    rosterCommunities: 'payment.roster.communities',
    rosterGet: 'payment.roster.get',
    bankBatchList: 'payment.bank.batch-list',
    bankBatchLines: 'payment.bank.batch-lines',
    bankBatchAcknowledge: 'payment.bank.batch-acknowledge',
    bankResultsPost: 'payment.bank.results-post',
    bankStatement: 'payment.bank.statement',
    healthCheck: 'payment.health.check',
  },
  archive: {
    documentFile: 'archive.document.file',
    documentList: 'archive.document.list',
    documentGetContent: 'archive.document.get-content',
    fileGet: 'archive.file.get',
    fixityVerifyFile: 'archive.fixity.verify-file',
    fixitySweep: 'archive.fixity.sweep',
    fixityList: 'archive.fixity.list',
    printableRender: 'archive.printable.render',
    statisticsGet: 'archive.statistics.get',
    borrowRequest: 'archive.borrow.request',
    borrowDecide: 'archive.borrow.decide',
    borrowList: 'archive.borrow.list',
    accountingRecordFile: 'archive.accounting-record.file',
    accountingRecordList: 'archive.accounting-record.list',
    accountingRecordGetContent: 'archive.accounting-record.get-content',
    uploadIngest: 'archive.upload.ingest',
    healthCheck: 'archive.health.check',
  },
  worker: {
    healthCheck: 'worker.health.check',
  },
} as const;

/** The health-check subject of every process the gateway aggregates, by component name. */
export const HEALTH_SUBJECTS = {
  intake: SUBJECTS.intake.healthCheck,
  eligibility: SUBJECTS.eligibility.healthCheck,
  approval: SUBJECTS.approval.healthCheck,
  payment: SUBJECTS.payment.healthCheck,
  archive: SUBJECTS.archive.healthCheck,
  worker: SUBJECTS.worker.healthCheck,
} as const;

/** NATS queue group of each service: replicas in one group share the load, so one message is handled once. */
export const QUEUE_GROUPS = {
  intake: 'intake',
  eligibility: 'eligibility',
  approval: 'approval',
  payment: 'payment',
  archive: 'archive',
  worker: 'worker',
} as const;

export type ServiceName = keyof typeof QUEUE_GROUPS;
