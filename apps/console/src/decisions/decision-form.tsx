import { type FormEvent, useState } from 'react';

import type { DecisionReply } from '@app/contracts/approval/task.request';

import { decisionBody, type DecisionDraft, emptyDraft } from './decision-body';
import { ErrorBox } from '../common/error-box';
import { CodeSelect, Field, Section, type TextKind, TextField } from '../common/field';
import { beijingDate, type Decision, DECISION_LABELS, DELIVERY_METHOD_LABELS } from '../common/labels';
import { useCommand } from '../common/use-command';
import type { InboxTask } from '../inbox/inbox.types';

type SectionKey = 'survey' | 'appraisal' | 'homeVisit' | 'delivery';

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
  const command = useCommand();
  const { busy, error, errorsOf } = command;

  // A changed form is another decision (a new key); the one answered is never sent again under another's key.
  const set = <K extends keyof DecisionDraft>(name: K, value: DecisionDraft[K]) => {
    command.changed();
    setDraft((current) => ({ ...current, [name]: value }));
  };
  const setIn = <K extends SectionKey>(name: K, value: Partial<DecisionDraft[K]>) => {
    command.changed();
    setDraft((current) => ({ ...current, [name]: { ...current[name], ...value } }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void command
      .send<DecisionReply>(`/tasks/${task.id}/decision`, { method: 'POST', body: decisionBody(draft) })
      .then((reply) => reply && onDecided(reply));
  };
  /** One text field of a section, bound to the draft. */
  const entry = <K extends SectionKey>(
    section: K,
    field: keyof DecisionDraft[K] & string,
    label: string,
    kind?: TextKind,
  ) => (
    <TextField
      key={field}
      name={`${section}.${field}`}
      label={label}
      kind={kind}
      value={String(draft[section][field])}
      onChange={(value) => setIn(section, { [field]: value } as Partial<DecisionDraft[K]>)}
    />
  );
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
      <TextField
        label="意见"
        name="opinion"
        kind="text"
        value={draft.opinion}
        onChange={(value) => set('opinion', value)}
        errors={errorsOf('opinion')}
      />
      {(decision === 'REJECT' || decision === 'TERMINATE') && (
        <TextField
          label="理由（每行一条，印在通知书上）"
          name="reasons"
          kind="text"
          value={draft.reasons}
          onChange={(value) => set('reasons', value)}
          errors={errorsOf('reasons')}
        />
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
            <TextField
              label="需补正的材料（每行一项）"
              name="missing"
              kind="text"
              value={draft.missing}
              onChange={(value) => set('missing', value)}
              errors={errorsOf('missing')}
            />
          )}
        </>
      )}
      {withSections && (
        <>
          <Section
            title="附入户调查记录"
            on={draft.survey.on}
            onToggle={(on) => setIn('survey', { on })}
            errors={errorsOf('survey')}
          >
            {entry('survey', 'surveyedOn', '调查日期', 'date')}
            {entry('survey', 'surveyors', '调查人员（至少两人，用顿号分隔）')}
            {entry('survey', 'livingConditions', '居住和生活情况', 'text')}
            {entry('survey', 'evidenceRequests', '需补充的证明材料（每行一项，可不填）', 'text')}
          </Section>
          <Section
            title="附民主评议记录"
            on={draft.appraisal.on}
            onToggle={(on) => setIn('appraisal', { on })}
            errors={errorsOf('appraisal')}
          >
            {entry('appraisal', 'heldOn', '评议日期', 'date')}
            {entry('appraisal', 'participants', '参加人数', 'count')}
            {entry('appraisal', 'votesFor', '同意票数', 'count')}
            {entry('appraisal', 'votesAgainst', '不同意票数', 'count')}
            {entry('appraisal', 'minutes', '评议记录', 'text')}
          </Section>
          <Section
            title="附入户核查记录"
            on={draft.homeVisit.on}
            onToggle={(on) => setIn('homeVisit', { on })}
            errors={errorsOf('homeVisit')}
          >
            {entry('homeVisit', 'visitedOn', '核查日期', 'date')}
            {entry('homeVisit', 'visitors', '核查人员（至少两人，用顿号分隔）')}
            {entry('homeVisit', 'findings', '核查情况', 'text')}
          </Section>
        </>
      )}
      {decision === 'DELIVER' && (
        <Section title="送达情况" errors={errorsOf('delivery')}>
          {entry('delivery', 'deliveredOn', '送达日期', 'date')}
          <CodeSelect
            name="delivery.method"
            label="送达方式"
            labels={DELIVERY_METHOD_LABELS}
            value={draft.delivery.method}
            onChange={(method) => setIn('delivery', { method })}
            errors={errorsOf('delivery.method')}
          />
          {entry('delivery', 'recipient', '受送达人')}
          {draft.delivery.method === 'LEFT_AT_RESIDENCE' && entry('delivery', 'witnesses', '见证人（用顿号分隔）')}
          {draft.delivery.method === 'BY_POST' && entry('delivery', 'trackingNo', '邮件号码')}
        </Section>
      )}
      <ErrorBox error={error} />
      <button type="submit" disabled={busy}>
        提交决定
      </button>
    </form>
  );
}
