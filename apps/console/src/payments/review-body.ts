import type { ReviewFinding } from '@app/contracts/payment/enrolment-review.reply';

/** A periodic review (定期核查) as the county fills it in. */
export interface ReviewDraft {
  reviewedOn: string;
  finding: ReviewFinding;
  summary: string;
  /** '': the household's cycle stays; '6' or '12': the cycle from now on. */
  intervalMonths: '' | '6' | '12';
}

export function emptyReview(today: string): ReviewDraft {
  return { reviewedOn: today, finding: 'NO_CHANGE', summary: '', intervalMonths: '' };
}

/** The body of `POST /api/v1/enrolments/:id/reviews`: the cycle only when it changes. */
export function reviewBody(draft: ReviewDraft): Record<string, unknown> {
  return {
    reviewedOn: draft.reviewedOn,
    finding: draft.finding,
    summary: draft.summary.trim(),
    ...(draft.intervalMonths ? { intervalMonths: Number(draft.intervalMonths) } : {}),
  };
}
