import { type FormEvent, type ReactNode, useRef, useState } from 'react';

import type { DecisionReply } from '@app/contracts/approval/task.request';

import { decisionBody, type DecisionDraft, emptyDraft } from './decision-body';
import { ApiError } from '../api/api-error';
import { api } from '../api/client';
import { newIdempotencyKey } from '../api/idempotency-key';
import { ErrorBox } from '../common/error-box';
import { Field } from '../common/field';
import { beijingDate, type Decision, DECISION_LABELS, DELIVERY_METHOD_LABELS } from '../common/labels';
import type { InboxTask } from '../inbox/inbox.types';

const DECISIONS_OF: Record<InboxTask['purpose'], Decision[]> = {
  DECISION: ['APPROVE', 'REJECT', 'RETURN', 'TERMINATE'],
  DELIVERY: ['DELIVER'],
};

/**
 * The decision on a task. Sections the task requires (survey, appraisal, home visit) start switched on; the
 * gateway checks everything and its refusals are shown beside the fields they name. One idempotency key per
 * decision: a retry after a lost answer gives the first answer, and a refused one is corrected under a new key.
 */
export function DecisionForm({ task, onDecided }: { task: InboxTask; onDecided: (reply: DecisionReply) => void }) {
  const [draft, setDraft] = useState<DecisionDraft>(() => {
    const initial = emptyDraft(DECISIONS_OF[task.purpose][0], beijingDate(new Date()));
    const required = new Set(task.requirements.map((r) => r.kind));
    initial.survey.on = required.has('SURVEY');
    initial.appraisal.on = required.has('APPRAISAL');
    initial.homeVisit.on = required.has('HOME_VISIT');
    return initial;
  });
  const key = useRef<string>(null);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const set = <K extends keyof DecisionDraft>(name: K, value: DecisionDraft[K]) =>
    setDraft((current) => ({ ...current, [name]: value }));
  const setIn = <K extends 'survey' | 'appraisal' | 'homeVisit' | 'delivery'>(
    name: K,
    value: Partial<DecisionDraft[K]>,
  ) => setDraft((current) => ({ ...current, [name]: { ...current[name], ...value } }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    key.current ??= newIdempotencyKey();
    setBusy(true);
    setError(undefined);
    api<DecisionReply>(`/tasks/${task.id}/decision`, {
      method: 'POST',
      body: decisionBody(draft),
      idempotencyKey: key.current,
    }).then(
      (reply) => {
        setBusy(false);
        onDecided(reply);
      },
      (failure: ApiError) => {
        // Refused (4xx): nothing was recorded, the corrected decision is a new one. Lost or failed: the same key.
        if (failure.status >= 400 && failure.status < 500) {
          key.current = null;
        }
        setError(failure);
        setBusy(false);
      },
    );
  };

  const errorsOf = (field: string) => (error instanceof ApiError ? error.messagesOf(field) : []);
  const { decision } = draft;
  const withSections = decision === 'APPROVE' || decision === 'REJECT';
  return (
    <form className="decision" onSubmit={submit} aria-label="审批决定">
      <fieldset>
        <legend>决定</legend>
        {DECISIONS_OF[task.purpose].map((option) => (
          <label key={option} className="inline">
            <input
              type="radio"
              name="decision"
              value={option}
              checked={decision === option}
              onChange={() => set('decision', option)}
            />
            {DECISION_LABELS[option]}
          </label>
        ))}
      </fieldset>
      <Field label="意见" errors={errorsOf('opinion')}>
        <textarea name="opinion" rows={3} value={draft.opinion} onChange={(e) => set('opinion', e.target.value)} />
      </Field>
      {(decision === 'REJECT' || decision === 'TERMINATE') && (
        <Field label="理由（每行一条，印在通知书上）" errors={errorsOf('reasons')}>
          <textarea name="reasons" rows={3} value={draft.reasons} onChange={(e) => set('reasons', e.target.value)} />
        </Field>
      )}
      {decision === 'RETURN' && (
        <>
          <Field label="退回给" errors={errorsOf('returnTo')}>
            <select
              name="returnTo"
              value={draft.returnTo}
              onChange={(e) => set('returnTo', e.target.value as DecisionDraft['returnTo'])}
            >
              <option value="PREVIOUS">上一环节</option>
              <option value="APPLICANT">申请人补正材料</option>
            </select>
          </Field>
          {draft.returnTo === 'APPLICANT' && (
            <Field label="需补正的材料（每行一项）" errors={errorsOf('missing')}>
              <textarea
                name="missing"
                rows={3}
                value={draft.missing}
                onChange={(e) => set('missing', e.target.value)}
              />
            </Field>
          )}
        </>
      )}
      {withSections && (
        <>
          <Section
            title="入户调查记录"
            on={draft.survey.on}
            onToggle={(on) => setIn('survey', { on })}
            errors={errorsOf('survey')}
          >
            <Field label="调查日期">
              <input
                type="date"
                name="survey.surveyedOn"
                value={draft.survey.surveyedOn}
                onChange={(e) => setIn('survey', { surveyedOn: e.target.value })}
              />
            </Field>
            <Field label="调查人员（至少两人，用顿号分隔）">
              <input
                name="survey.surveyors"
                value={draft.survey.surveyors}
                onChange={(e) => setIn('survey', { surveyors: e.target.value })}
              />
            </Field>
            <Field label="居住和生活情况">
              <textarea
                name="survey.livingConditions"
                rows={3}
                value={draft.survey.livingConditions}
                onChange={(e) => setIn('survey', { livingConditions: e.target.value })}
              />
            </Field>
            <Field label="需补充的证明材料（每行一项，可不填）">
              <textarea
                name="survey.evidenceRequests"
                rows={2}
                value={draft.survey.evidenceRequests}
                onChange={(e) => setIn('survey', { evidenceRequests: e.target.value })}
              />
            </Field>
          </Section>
          <Section
            title="民主评议记录"
            on={draft.appraisal.on}
            onToggle={(on) => setIn('appraisal', { on })}
            errors={errorsOf('appraisal')}
          >
            <Field label="评议日期">
              <input
                type="date"
                name="appraisal.heldOn"
                value={draft.appraisal.heldOn}
                onChange={(e) => setIn('appraisal', { heldOn: e.target.value })}
              />
            </Field>
            <Field label="参加人数">
              <input
                inputMode="numeric"
                name="appraisal.participants"
                value={draft.appraisal.participants}
                onChange={(e) => setIn('appraisal', { participants: e.target.value })}
              />
            </Field>
            <Field label="同意票数">
              <input
                inputMode="numeric"
                name="appraisal.votesFor"
                value={draft.appraisal.votesFor}
                onChange={(e) => setIn('appraisal', { votesFor: e.target.value })}
              />
            </Field>
            <Field label="不同意票数">
              <input
                inputMode="numeric"
                name="appraisal.votesAgainst"
                value={draft.appraisal.votesAgainst}
                onChange={(e) => setIn('appraisal', { votesAgainst: e.target.value })}
              />
            </Field>
            <Field label="评议记录">
              <textarea
                name="appraisal.minutes"
                rows={3}
                value={draft.appraisal.minutes}
                onChange={(e) => setIn('appraisal', { minutes: e.target.value })}
              />
            </Field>
          </Section>
          <Section
            title="入户核查记录"
            on={draft.homeVisit.on}
            onToggle={(on) => setIn('homeVisit', { on })}
            errors={errorsOf('homeVisit')}
          >
            <Field label="核查日期">
              <input
                type="date"
                name="homeVisit.visitedOn"
                value={draft.homeVisit.visitedOn}
                onChange={(e) => setIn('homeVisit', { visitedOn: e.target.value })}
              />
            </Field>
            <Field label="核查人员（至少两人，用顿号分隔）">
              <input
                name="homeVisit.visitors"
                value={draft.homeVisit.visitors}
                onChange={(e) => setIn('homeVisit', { visitors: e.target.value })}
              />
            </Field>
            <Field label="核查情况">
              <textarea
                name="homeVisit.findings"
                rows={3}
                value={draft.homeVisit.findings}
                onChange={(e) => setIn('homeVisit', { findings: e.target.value })}
              />
            </Field>
          </Section>
        </>
      )}
      {decision === 'DELIVER' && (
        <Section title="送达情况" errors={errorsOf('delivery')}>
          <Field label="送达日期">
            <input
              type="date"
              name="delivery.deliveredOn"
              value={draft.delivery.deliveredOn}
              onChange={(e) => setIn('delivery', { deliveredOn: e.target.value })}
            />
          </Field>
          <Field label="送达方式">
            <select
              name="delivery.method"
              value={draft.delivery.method}
              onChange={(e) => setIn('delivery', { method: e.target.value as DecisionDraft['delivery']['method'] })}
            >
              {Object.entries(DELIVERY_METHOD_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </Field>
          <Field label="受送达人">
            <input
              name="delivery.recipient"
              value={draft.delivery.recipient}
              onChange={(e) => setIn('delivery', { recipient: e.target.value })}
            />
          </Field>
          {draft.delivery.method === 'LEFT_AT_RESIDENCE' && (
            <Field label="见证人（用顿号分隔）">
              <input
                name="delivery.witnesses"
                value={draft.delivery.witnesses}
                onChange={(e) => setIn('delivery', { witnesses: e.target.value })}
              />
            </Field>
          )}
          {draft.delivery.method === 'BY_POST' && (
            <Field label="邮件号码">
              <input
                name="delivery.trackingNo"
                value={draft.delivery.trackingNo}
                onChange={(e) => setIn('delivery', { trackingNo: e.target.value })}
              />
            </Field>
          )}
        </Section>
      )}
      <ErrorBox error={error} />
      <button type="submit" disabled={busy}>
        提交决定
      </button>
    </form>
  );
}

/** A part of the form sent with the decision; a switchable one only when switched on. */
function Section({
  title,
  on = true,
  onToggle,
  errors,
  children,
}: {
  title: string;
  on?: boolean;
  onToggle?: (on: boolean) => void;
  errors: string[];
  children: ReactNode;
}) {
  return (
    <fieldset className={errors.length > 0 ? 'section invalid' : 'section'}>
      <legend>
        {onToggle ? (
          <label className="inline">
            <input type="checkbox" checked={on} onChange={(e) => onToggle(e.target.checked)} />附{title}
          </label>
        ) : (
          title
        )}
      </legend>
      {on && children}
      {errors.map((message) => (
        <p key={message} className="field-error">
          {message}
        </p>
      ))}
    </fieldset>
  );
}
