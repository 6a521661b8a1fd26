import type { ApprovalPolicy, Decision } from '@app/contracts';

import type { ApprovalTerms, ChainRef, StepRecordInput, createApprovalActivities } from './approval.activities';
import type { FileApplicationReceivedInput, FiledDocumentRef, createArchiveActivities } from './archive.activities';
import type { createIntakeActivities } from './intake.activities';

type Calls = ReturnType<typeof createArchiveActivities> &
  ReturnType<typeof createIntakeActivities> &
  ReturnType<typeof createApprovalActivities>;

/**
 * The calls that follow one another within a step, made as one activity (chains started from batched-step-calls-v1):
 * one local activity, one marker and one workflow activation instead of two to four. The order within is the
 * chain's order — a record is filed before its task is closed or the status moves on (approving is archiving) —
 * and every call is idempotent by its own key, so a retry of the whole makes each call at most once.
 */
export function createStepCallActivities(calls: Calls) {
  /** The county's policy in force on `at`, then the application IN_REVIEW. */
  const startReview = async (input: ChainRef & { divisionCode: string; at: string }): Promise<ApprovalPolicy> => {
    const policy = await calls.resolveApprovalPolicy(input);
    await calls.recordApplicationStage({ ...input, status: 'IN_REVIEW' });
    return policy;
  };

  return {
    /** Acceptance: the receipt and the evidence filed, then the application RECEIVED. */
    async acceptApplication(input: FileApplicationReceivedInput): Promise<FiledDocumentRef> {
      const received = await calls.fileApplicationReceived(input);
      await calls.recordApplicationStage({ ...input, status: 'RECEIVED' });
      return received;
    },

    startReview,

    /**
     * The policy and IN_REVIEW, then the overall due date: `workingDays` of the policy's overall limit from the
     * acceptance day, or the year whose calendar it waits for (chains started from fewer-calls-v1; earlier ones ask
     * the due date as a call of its own).
     */
    async startReviewAndClock(
      input: ChainRef & { divisionCode: string; at: string; overallFrom: string },
    ): Promise<{ policy: ApprovalPolicy; overallDueDate: string | null; overallCalendarMissingYear: number | null }> {
      const policy = await startReview(input);
      const due = await calls.workingDaysDue({
        correlationId: input.correlationId,
        from: input.overallFrom,
        workingDays: policy.overallLimitWorkingDays,
      });
      return { policy, overallDueDate: due.dueDate, overallCalendarMissingYear: due.calendarMissingYear };
    },

    /** A decided step: its record filed, then its task closed with the record's id. */
    async fileStepAndCloseTask(input: {
      /** Read by the worker's correlation interceptor (the first argument's). */
      correlationId: string;
      record: StepRecordInput;
      task: { taskId: string; outcome: Decision; opinion: string; decidedBy: string };
    }): Promise<{ documentId: string }> {
      const { documentId } = await calls.fileStepRecord(input.record);
      await calls.closeTask({ correlationId: input.correlationId, ...input.task, documentId });
      return { documentId };
    },

    /**
     * An approval concluded: the confirmation notice filed, the household enrolled for payment, the post-approval
     * publication filed (not for a confidential case), then the application APPROVED.
     */
    async concludeApproval(
      input: ChainRef & {
        notice: StepRecordInput;
        enrolment: { assessmentId: string; firstMonth: string; terms?: ApprovalTerms };
        publication?: { totalFen: number; firstMonth: string; publishedAt: string };
      },
    ): Promise<{
      noticeId: string;
      enrolment: { enrolmentId: string } | { pending: string };
      publicationId?: string;
    }> {
      const chain = {
        applicationId: input.applicationId,
        workflowId: input.workflowId,
        correlationId: input.correlationId,
      };
      const notice = await calls.fileStepRecord(input.notice);
      const enrolment = await calls.enrolForPayment({ ...chain, ...input.enrolment });
      const publication = input.publication
        ? await calls.filePostApprovalPublicity({ ...chain, ...input.publication })
        : undefined;
      await calls.recordApplicationStage({ ...chain, status: 'APPROVED' });
      return {
        noticeId: notice.documentId,
        enrolment,
        ...(publication ? { publicationId: publication.documentId } : {}),
      };
    },
  };
}
