import { type FormEvent, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

import { INCOME_CATEGORIES } from '@app/domain/household/means-codes';

import { type ApplicationDraft, applicationBody, emptyApplication, type IncomeDraft } from './application-body';
import { ErrorBox } from '../common/error-box';
import { CodeSelect, Field, Section, type TextKind, TextField } from '../common/field';
import { useCommand } from '../common/use-command';
import type { ApplicantFromHousehold } from '../households/register-household.page';
import { useSession } from '../session/use-session';

/**
 * 受理登记: a community caseworker registers a household's application; on success the application's page, where
 * its receipt and assessment appear as the chain files them. One idempotency key per registration: a retry after a
 * lost answer gives the same application, a refused one is corrected under a new key.
 */
export function NewApplicationPage() {
  const session = useSession();
  const navigate = useNavigate();
  const ownCommunity = session?.account.divisionCode.length === 12 ? session.account.divisionCode : '';
  // Opened from a household just registered: its head applies, for all its members.
  const fromHousehold = useLocation().state as ApplicantFromHousehold | null;
  const [draft, setDraft] = useState<ApplicationDraft>(() => ({
    ...emptyApplication(ownCommunity),
    ...(fromHousehold ?? {}),
  }));
  const command = useCommand();
  const { busy, error, errorsOf } = command;

  // A changed form is another registration (a new key).
  const edit = (change: (current: ApplicationDraft) => ApplicationDraft) => {
    command.changed();
    setDraft(change);
  };
  const set = <K extends keyof ApplicationDraft>(name: K, value: ApplicationDraft[K]) =>
    edit((current) => ({ ...current, [name]: value }));
  const setAccount = (value: Partial<ApplicationDraft['account']>) =>
    edit((current) => ({ ...current, account: { ...current.account, ...value } }));
  const setIncome = (index: number, value: Partial<IncomeDraft>) =>
    edit((current) => ({
      ...current,
      incomes: current.incomes.map((income, i) => (i === index ? { ...income, ...value } : income)),
    }));
  /** A text field of the applicant's particulars, bound to the draft. */
  type TextKey = 'divisionCode' | 'applicantName' | 'applicantIdNumber' | 'householdSize' | 'reason';
  const entry = (field: TextKey, label: string, kind?: TextKind) => (
    <TextField
      label={label}
      kind={kind}
      value={draft[field]}
      onChange={(value) => set(field, value)}
      errors={errorsOf(field)}
    />
  );
  // The account's fields show their own messages; the section shows the rest (the account as a whole).
  const accountFieldErrors = new Set(
    ['bankName', 'bankCode', 'accountNo'].flatMap((f) => errorsOf(`details.paymentAccount.${f}`)),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const built = applicationBody(draft);
    if (!built.ok) {
      command.refuse('请更正标出的金额', built.fields);
      return;
    }
    void command
      .send<{ id: string }>('/applications', { method: 'POST', body: built.body })
      .then((created) => created && navigate(`/applications/${created.id}`));
  };

  return (
    <section>
      <h1>受理登记</h1>
      <form className="application" onSubmit={submit} aria-label="申请登记">
        {entry('divisionCode', '所属社区（12位区划代码）')}
        {entry('applicantName', '申请人（户主）姓名')}
        {entry('applicantIdNumber', '申请人身份证号')}
        {entry('householdSize', '共同生活的家庭人口数', 'count')}
        {entry('reason', '申请理由', 'text')}

        <fieldset className="section">
          <legend>家庭收入（按月或按年申报）</legend>
          {draft.incomes.map((income, index) => (
            <div className="row" key={index} data-income={index}>
              <TextField
                label="成员身份证号（空为申请人）"
                value={income.memberIdNumber}
                onChange={(memberIdNumber) => setIncome(index, { memberIdNumber })}
                errors={errorsOf(`details.incomes[${index}].memberIdNumber`)}
              />
              <CodeSelect
                label="收入类别"
                labels={INCOME_CATEGORIES}
                value={income.category}
                onChange={(category) => setIncome(index, { category })}
                errors={errorsOf(`details.incomes[${index}].category`)}
              />
              <TextField
                label="金额（元）"
                kind="decimal"
                value={income.amountYuan}
                onChange={(amountYuan) => setIncome(index, { amountYuan })}
                errors={errorsOf(`details.incomes[${index}].amountFen`)}
              />
              <Field label="期间" errors={errorsOf(`details.incomes[${index}].period`)}>
                <select
                  value={income.period}
                  onChange={(e) => setIncome(index, { period: e.target.value as IncomeDraft['period'] })}
                >
                  <option value="MONTH">每月</option>
                  <option value="YEAR">每年</option>
                </select>
              </Field>
              <button
                type="button"
                className="link"
                onClick={() =>
                  set(
                    'incomes',
                    draft.incomes.filter((_, i) => i !== index),
                  )
                }
              >
                删除
              </button>
            </div>
          ))}
          <button
            type="button"
            onClick={() =>
              set('incomes', [
                ...draft.incomes,
                { memberIdNumber: '', category: 'WAGES', amountYuan: '', period: 'MONTH' },
              ])
            }
          >
            添加一项收入
          </button>
        </fieldset>

        <Section
          title="收款账户（户主本人账户）"
          on={draft.account.on}
          onToggle={(on) => setAccount({ on })}
          errors={errorsOf('details.paymentAccount').filter((m) => !accountFieldErrors.has(m))}
        >
          <TextField
            label="开户银行"
            value={draft.account.bankName}
            onChange={(bankName) => setAccount({ bankName })}
            errors={errorsOf('details.paymentAccount.bankName')}
          />
          <TextField
            label="银行代码（如 JLRCB）"
            value={draft.account.bankCode}
            onChange={(bankCode) => setAccount({ bankCode })}
            errors={errorsOf('details.paymentAccount.bankCode')}
          />
          <TextField
            label="银行账号"
            kind="count"
            value={draft.account.accountNo}
            onChange={(accountNo) => setAccount({ accountNo })}
            errors={errorsOf('details.paymentAccount.accountNo')}
          />
        </Section>

        <fieldset className="section">
          <legend>声明与登记</legend>
          <label className="inline">
            <input
              type="checkbox"
              checked={draft.dataCheckConsent}
              onChange={(e) => set('dataCheckConsent', e.target.checked)}
            />
            已签署家庭经济状况核对授权书
          </label>
          <label className="inline">
            <input
              type="checkbox"
              checked={draft.conflictOfInterest}
              onChange={(e) => set('conflictOfInterest', e.target.checked)}
            />
            申请人是经办人员或村（居）委会成员的近亲属（单独登记备案）
          </label>
          {draft.conflictOfInterest && (
            <TextField
              label="备案说明"
              value={draft.conflictOfInterestNote}
              onChange={(value) => set('conflictOfInterestNote', value)}
              errors={errorsOf('details.conflictOfInterestNote')}
            />
          )}
          <label className="inline">
            <input
              type="checkbox"
              checked={draft.confidential}
              onChange={(e) => set('confidential', e.target.checked)}
            />
            不予公示（如涉及艾滋病等隐私）
          </label>
          {errorsOf('details.dataCheckConsent').map((message) => (
            <p key={message} className="field-error">
              {message}
            </p>
          ))}
        </fieldset>

        <ErrorBox error={error} />
        <button type="submit" disabled={busy}>
          提交申请
        </button>
      </form>
    </section>
  );
}
