import type { EnrolmentChangeReply, EnrolmentReply, EnrolmentTermReply, PayeeReply, ReviewReply } from '@app/contracts';
import { addMonths, maskBankAccount, maskIdNumber } from '@app/domain';

import type { EnrolmentChange, Payee } from './enrolment-change.entity';
import type { EnrolmentReview } from './enrolment-review.entity';
import type { EnrolmentTerm } from './enrolment-term.entity';
import type { Enrolment } from './enrolment.entity';

export const toMonth = (date: string): string => date.slice(0, 7);

export function toTermReply(term: EnrolmentTerm): EnrolmentTermReply {
  return {
    fromMonth: toMonth(term.fromMonth),
    toMonth: term.toMonth ? addMonths(toMonth(term.toMonth), -1) : null,
    state: term.state,
    baseFen: term.baseFen,
    supplementFen: term.supplementFen,
    totalFen: term.baseFen + term.supplementFen,
  };
}

export function toChangeReply(change: EnrolmentChange, reveal: boolean): EnrolmentChangeReply {
  const payee = (p: Payee): PayeeReply => ({
    headName: p.headName,
    bankCode: p.bankCode,
    accountNo: reveal ? p.accountNo : maskBankAccount(p.accountNo),
  });
  return {
    kind: change.kind,
    effectiveMonth: toMonth(change.effectiveMonth),
    decision: change.decision,
    reason: change.reason ?? null,
    actor: change.actorName,
    recordedAt: change.createdAt.toISOString(),
    documentId: change.documentId ?? null,
    gradualExit: change.gradualExitMonths
      ? {
          months: change.gradualExitMonths,
          fromMonth: addMonths(toMonth(change.effectiveMonth), -change.gradualExitMonths),
          toMonth: addMonths(toMonth(change.effectiveMonth), -1),
        }
      : null,
    payee: change.payee ? { before: payee(change.payee.before), after: payee(change.payee.after) } : null,
  };
}

export function toReviewReply(review: EnrolmentReview): ReviewReply {
  return {
    reviewedOn: review.reviewedOn,
    finding: review.finding,
    summary: review.summary,
    intervalMonths: review.intervalMonths,
    actor: review.actorName,
    recordedAt: review.createdAt.toISOString(),
    documentId: review.documentId,
  };
}

/** Staff see the head's ID number and the account masked; the bank gets the account through its own API. */
export function toEnrolmentReply(
  enrolment: Enrolment,
  terms: EnrolmentTerm[],
  changes: EnrolmentChange[],
  reveal: boolean,
  reviews: EnrolmentReview[] = [],
): EnrolmentReply {
  return {
    id: enrolment.id,
    householdId: enrolment.householdId,
    applicationId: enrolment.applicationId ?? null,
    divisionCode: enrolment.divisionCode,
    headName: enrolment.headName,
    headIdNumber: reveal ? enrolment.headIdNumber : maskIdNumber(enrolment.headIdNumber),
    bankCode: enrolment.bankCode,
    accountNo: reveal ? enrolment.accountNo : maskBankAccount(enrolment.accountNo),
    status: enrolment.status,
    firstMonth: toMonth(enrolment.firstMonth),
    lastMonth: enrolment.lastMonth ? toMonth(enrolment.lastMonth) : null,
    terms: terms.map(toTermReply),
    changes: changes.map((change) => toChangeReply(change, reveal)),
    reviewIntervalMonths: enrolment.reviewIntervalMonths,
    nextReviewOn: enrolment.nextReviewOn,
    nextReviewReason: enrolment.nextReviewReason ?? null,
    lastReviewedOn: enrolment.lastReviewedOn ?? null,
    payeeHold: enrolment.payeeHeldSince
      ? { since: enrolment.payeeHeldSince, reason: enrolment.payeeHoldReason ?? '' }
      : null,
    reviews: reviews.map(toReviewReply),
  };
}
