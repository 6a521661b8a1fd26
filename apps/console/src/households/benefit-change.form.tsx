import { type FormEvent, useState } from 'react';

import { addMonths } from '@app/domain/payment/months';

import { BENEFIT_CHANGE_LABELS, type BenefitChangeDraft, benefitChangeBody } from './benefit-change';
import { ErrorBox } from '../common/error-box';
import { CodeSelect, Field, Section, TextField } from '../common/field';
import { beijingDate } from '../common/labels';
import { useCommand } from '../common/use-command';

/**
 * 变更待遇 (enrolment:change, the county): the benefit's amount changed, suspended, resumed or stopped from a month,
 * with the decision it comes from; the record is filed into the household file. Amounts in yuan, refusals by field.
 */
export function BenefitChangeForm({
  enrolmentId,
  onChanged,
}: {
  enrolmentId: string;
  onChanged: (text: string) => void;
}) {
  const empty = (): BenefitChangeDraft => ({
    kind: 'AMOUNT',
    effectiveMonth: addMonths(beijingDate(new Date()).slice(0, 7), 1),
    baseYuan: '',
    supplementYuan: '0',
    gradualExitMonths: '',
    decision: '',
    reason: '',
  });
  const [draft, setDraft] = useState<BenefitChangeDraft>(empty);
  const command = useCommand();
  const { error, errorsOf } = command;
  const set = <K extends keyof BenefitChangeDraft>(name: K, value: BenefitChangeDraft[K]) => {
    command.changed();
    setDraft((current) => ({ ...current, [name]: value }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const built = benefitChangeBody(draft);
    if (!built.ok) {
      command.refuse('请更正标出的金额', built.fields);
      return;
    }
    void command.send(`/enrolments/${enrolmentId}/changes`, { method: 'POST', body: built.body }).then((changed) => {
      if (changed === undefined) {
        return;
      }
      onChanged(`已${BENEFIT_CHANGE_LABELS[draft.kind]}，自${draft.effectiveMonth}起执行，变更记录已归入家庭档案`);
      setDraft(empty());
    });
  };

  return (
    <form onSubmit={submit} aria-label="变更待遇">
      <Section title="变更待遇">
        <ErrorBox error={error} />
        <div className="row">
          <CodeSelect
            label="变更类型"
            labels={BENEFIT_CHANGE_LABELS}
            value={draft.kind}
            onChange={(kind) => set('kind', kind)}
            errors={errorsOf('kind')}
          />
          <Field label="自何月起" errors={errorsOf('effectiveMonth')}>
            <input type="month" value={draft.effectiveMonth} onChange={(e) => set('effectiveMonth', e.target.value)} />
          </Field>
          {draft.kind === 'AMOUNT' && (
            <>
              <TextField
                label="基本保障金（元/月）"
                kind="decimal"
                value={draft.baseYuan}
                onChange={(value) => set('baseYuan', value)}
                errors={errorsOf('baseFen')}
              />
              <TextField
                label="分类施保金（元/月）"
                kind="decimal"
                value={draft.supplementYuan}
                onChange={(value) => set('supplementYuan', value)}
                errors={errorsOf('supplementFen')}
              />
            </>
          )}
          {draft.kind === 'TERMINATE' && (
            <TextField
              label="渐退期（月，可空）"
              kind="count"
              value={draft.gradualExitMonths}
              onChange={(value) => set('gradualExitMonths', value)}
              errors={errorsOf('gradualExitMonths')}
            />
          )}
        </div>
        <TextField
          label="依据的决定（文号）"
          value={draft.decision}
          onChange={(value) => set('decision', value)}
          errors={errorsOf('decision')}
        />
        <TextField
          label="变更原因"
          kind="text"
          value={draft.reason}
          onChange={(value) => set('reason', value)}
          errors={errorsOf('reason')}
        />
        <button type="submit" disabled={command.busy}>
          确定变更
        </button>
      </Section>
    </form>
  );
}
