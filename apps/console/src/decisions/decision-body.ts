import type { DeliveryMethod } from '@app/contracts/approval/delivery';

import type { Decision } from '../common/labels';

/** The decision form as staff fill it: text as typed; lists one item a line, names split on 、 or commas. */
export interface DecisionDraft {
  decision: Decision;
  opinion: string;
  /** REJECT, TERMINATE: one reason a line. */
  reasons: string;
  returnTo: 'PREVIOUS' | 'APPLICANT';
  /** RETURN to the applicant: one missing material a line. */
  missing: string;
  /** Sections filled in; each is sent with an approval or refusal only when it is on. */
  survey: { on: boolean; surveyedOn: string; surveyors: string; livingConditions: string; evidenceRequests: string };
  appraisal: {
    on: boolean;
    heldOn: string;
    participants: string;
    votesFor: string;
    votesAgainst: string;
    minutes: string;
  };
  homeVisit: { on: boolean; visitedOn: string; visitors: string; findings: string };
  delivery: { deliveredOn: string; method: DeliveryMethod; recipient: string; witnesses: string; trackingNo: string };
}

export function emptyDraft(decision: Decision, today: string): DecisionDraft {
  return {
    decision,
    opinion: '',
    reasons: '',
    returnTo: 'PREVIOUS',
    missing: '',
    survey: { on: false, surveyedOn: today, surveyors: '', livingConditions: '', evidenceRequests: '' },
    appraisal: { on: false, heldOn: today, participants: '', votesFor: '', votesAgainst: '', minutes: '' },
    homeVisit: { on: false, visitedOn: today, visitors: '', findings: '' },
    delivery: { deliveredOn: today, method: 'IN_PERSON', recipient: '', witnesses: '', trackingNo: '' },
  };
}

/**
 * The body of `POST /api/v1/tasks/:id/decision` for a draft: only what its decision uses. The gateway checks it
 * and says by field what is wrong, so nothing is refused here; a count that is not a whole number is sent as
 * typed, for the gateway to name.
 */
export function decisionBody(draft: DecisionDraft): Record<string, unknown> {
  const body: Record<string, unknown> = { decision: draft.decision, opinion: draft.opinion.trim() };
  switch (draft.decision) {
    case 'REJECT':
    case 'TERMINATE':
      body.reasons = lines(draft.reasons);
      break;
    case 'RETURN':
      body.returnTo = draft.returnTo;
      if (draft.returnTo === 'APPLICANT') {
        body.missing = lines(draft.missing);
      }
      break;
    case 'DELIVER': {
      const { deliveredOn, method, recipient, witnesses, trackingNo } = draft.delivery;
      body.delivery = {
        deliveredOn,
        method,
        recipient: recipient.trim(),
        ...(method === 'LEFT_AT_RESIDENCE' ? { witnesses: names(witnesses) } : {}),
        ...(method === 'BY_POST' ? { trackingNo: trackingNo.trim() } : {}),
      };
      break;
    }
    case 'APPROVE':
      break;
  }
  if (draft.decision === 'APPROVE' || draft.decision === 'REJECT') {
    const { survey, appraisal, homeVisit } = draft;
    if (survey.on) {
      const evidenceRequests = lines(survey.evidenceRequests);
      body.survey = {
        surveyedOn: survey.surveyedOn,
        surveyors: names(survey.surveyors),
        livingConditions: survey.livingConditions.trim(),
        ...(evidenceRequests.length > 0 ? { evidenceRequests } : {}),
      };
    }
    if (appraisal.on) {
      body.appraisal = {
        heldOn: appraisal.heldOn,
        participants: count(appraisal.participants),
        votesFor: count(appraisal.votesFor),
        votesAgainst: count(appraisal.votesAgainst),
        minutes: appraisal.minutes.trim(),
      };
    }
    if (homeVisit.on) {
      body.homeVisit = {
        visitedOn: homeVisit.visitedOn,
        visitors: names(homeVisit.visitors),
        findings: homeVisit.findings.trim(),
      };
    }
  }
  return body;
}

/** One item a line, blank lines dropped. */
export function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Names as staff type them: 张三、李四 or 张三,李四 or one a line. */
export function names(text: string): string[] {
  return text
    .split(/[、,，;；\n]/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

function count(text: string): number | string {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : text;
}
