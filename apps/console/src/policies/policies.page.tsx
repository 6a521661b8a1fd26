import { type FormEvent, useState } from 'react';

import {
  type ApprovalPolicyVersionReply,
  type ListApprovalPoliciesReply,
  MODEL_LABELS,
  MODEL_STAGES,
  NOTICE_DELIVERY_DEFAULT_WORKING_DAYS,
  STAGE_LABELS,
} from '@app/contracts/approval/approval-policy';
import { PERMISSIONS, rolesAllow } from '@app/contracts/identity/permissions';
import { addCalendarDays } from '@app/domain/calendar/working-days';

import { type Appraisal, draftFrom, policyBody, type PolicyDraft, standingOn, withModel } from './policy-body';
import { api } from '../api/client';
import { ErrorBox } from '../common/error-box';
import { CodeSelect, Field, Section, TextField } from '../common/field';
import { beijingDate, beijingMinute } from '../common/labels';
import { useSearchFilters } from '../common/search-filters';
import { useCommand } from '../common/use-command';
import { useLoad } from '../common/use-load';
import { useSession } from '../session/use-session';

const APPRAISAL_LABELS: Record<Appraisal, string> = {
  ON_OBJECTION: '公示有异议时评议',
  ALWAYS: '每件评议',
  NEVER: '不评议',
};
/** The numbers of a version besides the stages' limits, typed as text. */
type NumberField =
  | 'publicityDays'
  | 'overallLimitWorkingDays'
  | 'extendedLimitWorkingDays'
  | 'noticeDeliveryWorkingDays'
  | 'homeVisitSamplePercent'
  | 'firstPaymentMonthOffset';
const STANDING_LABELS = { CURRENT: '现行', UPCOMING: '未生效', ENDED: '已停止' } as const;
const LEVEL_LABELS: Record<number, string> = { 2: '省级', 4: '地级', 6: '县级' };

/** How a version's rules read to staff: the stages with their limits, publicity, the overall limit. */
function describe(version: ApprovalPolicyVersionReply): string[] {
  return [
    version.stages.map((s) => `${STAGE_LABELS[s.stage]}${s.limitWorkingDays}个工作日`).join(' → '),
    `${STAGE_LABELS[version.publicityAfter]}后公示${version.publicityDays}天；民主评议：${
      APPRAISAL_LABELS[version.appraisal ?? 'ON_OBJECTION']
    }${version.surveyRequired ? '；须附入户调查表' : ''}${
      version.homeVisitSamplePercent ? `；确认前入户抽查${version.homeVisitSamplePercent}%` : ''
    }`,
    `总时限${version.overallLimitWorkingDays}个工作日${
      version.extendedLimitWorkingDays ? `（公示有异议延长至${version.extendedLimitWorkingDays}个）` : ''
    }${version.overallClockExcludesPublicity ? '，公示期不计入' : ''}；不予批准通知${
      version.noticeDeliveryWorkingDays ?? NOTICE_DELIVERY_DEFAULT_WORKING_DAYS
    }个工作日内送达；批准后第${version.firstPaymentMonthOffset}个月起发放`,
  ];
}

/**
 * 审批流程: the versions of the approval procedure governing a division (its own and those of the levels above it),
 * each with its days, its rules and its basis; for approval-policy:manage, a new version published from a day not
 * yet begun, started from the defaults or from a listed version. A running chain keeps the version it started
 * with, so a new one changes only the applications accepted from its day.
 */
export function PoliciesPage() {
  const session = useSession();
  const manages = !!session && rolesAllow(session.account.roles, PERMISSIONS.approvalPolicyManage);
  const ownDivision = session?.account.divisionCode ?? '';
  const search = useSearchFilters(['divisionCode'] as const);
  const divisionCode = search.get('divisionCode') || ownDivision;
  const [typed, setTyped] = useState(divisionCode);
  const versions = useLoad(
    () => api<ListApprovalPoliciesReply>(`/approval-policies?divisionCode=${encodeURIComponent(divisionCode)}`),
    divisionCode,
  );

  const today = beijingDate(new Date());
  const tomorrow = addCalendarDays(today, 1);
  // A procedure is set by a province, prefecture or county: a street's or community's search offers its county.
  const publishable = divisionCode.length <= 6 ? divisionCode : divisionCode.slice(0, 6);
  const [draft, setDraft] = useState<PolicyDraft>(() => draftFrom(publishable, tomorrow));
  const command = useCommand();
  const { busy, error, errorsOf } = command;
  const [notice, setNotice] = useState<string>();
  const set = <K extends keyof PolicyDraft>(name: K, value: PolicyDraft[K]) => {
    command.changed();
    setDraft((current) => ({ ...current, [name]: value }));
  };

  const startFrom = (version: ApprovalPolicyVersionReply) => {
    command.reset();
    setNotice(undefined);
    setDraft(draftFrom(publishable, tomorrow, version));
  };
  const publish = (event: FormEvent) => {
    event.preventDefault();
    setNotice(undefined);
    void command
      .send<ApprovalPolicyVersionReply>('/approval-policies', { method: 'POST', body: policyBody(draft) })
      .then((created) => {
        if (!created) {
          return;
        }
        setNotice(
          `已发布${created.divisionCode}的审批流程（${MODEL_LABELS[created.model]}），自${created.effectiveFrom}起施行；此前受理的申请仍按原流程办理`,
        );
        setDraft(draftFrom(publishable, tomorrow));
        versions.reload();
      });
  };
  const number = (name: NumberField, label: string) => (
    <TextField
      name={name}
      label={label}
      kind="count"
      value={draft[name]}
      onChange={(value) => set(name, value)}
      errors={errorsOf(`rules.${name}`)}
    />
  );

  return (
    <section>
      <h1>审批流程</h1>
      <p>
        审批流程按省、地、县三级制定并分版本施行：一件申请在受理时按其所属区划最具体一级的现行版本办理，办理中途发布的新版本不影响已受理的申请。
      </p>
      <form
        className="filters"
        onSubmit={(event) => {
          event.preventDefault();
          const code = typed.trim();
          search.set('divisionCode', code);
          set('divisionCode', code.length <= 6 ? code : code.slice(0, 6));
        }}
      >
        <label>
          行政区划代码
          <input value={typed} onChange={(e) => setTyped(e.target.value)} inputMode="numeric" />
        </label>
        <button type="submit">查询</button>
      </form>
      {notice && (
        <p className="done" role="status">
          {notice}
        </p>
      )}
      <ErrorBox error={versions.error} />
      {versions.data && (
        <table className="policies">
          <thead>
            <tr>
              <th>制定区划</th>
              <th>施行期间</th>
              <th>审批模式</th>
              <th>环节、公示与时限</th>
              <th>依据</th>
              <th>发布</th>
              {manages && <th />}
            </tr>
          </thead>
          <tbody>
            {versions.data.items.length === 0 && (
              <tr>
                <td colSpan={manages ? 7 : 6} className="empty">
                  该区划没有制定审批流程。
                </td>
              </tr>
            )}
            {versions.data.items.map((version) => {
              const standing = standingOn(version, today);
              return (
                <tr key={version.id} data-policy={version.id} data-division={version.divisionCode}>
                  <td>
                    {version.divisionCode}（{LEVEL_LABELS[version.divisionCode.length] ?? ''}）
                  </td>
                  <td>
                    {version.effectiveFrom}至{version.effectiveTo ?? '今'}{' '}
                    <span className={standing === 'CURRENT' ? 'badge' : 'badge muted'}>
                      {STANDING_LABELS[standing]}
                    </span>
                  </td>
                  <td>{MODEL_LABELS[version.model]}</td>
                  <td>
                    {describe(version).map((line) => (
                      <div key={line}>{line}</div>
                    ))}
                  </td>
                  <td>{version.reason ?? '—'}</td>
                  <td>
                    {version.createdBy ?? '系统'}，{beijingMinute(new Date(version.createdAt))}
                  </td>
                  {manages && (
                    <td>
                      <button type="button" className="link" onClick={() => startFrom(version)}>
                        以此为底稿
                      </button>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {manages && (
        <form className="policy" onSubmit={publish} aria-label="发布新版本">
          <Section title="发布新版本">
            <ErrorBox error={error} />
            <div className="row">
              <TextField
                name="divisionCode"
                label="制定区划（省2位、地4位、县6位）"
                value={draft.divisionCode}
                onChange={(value) => set('divisionCode', value)}
                errors={errorsOf('divisionCode')}
              />
              <TextField
                name="effectiveFrom"
                label="施行日期"
                kind="date"
                value={draft.effectiveFrom}
                onChange={(value) => set('effectiveFrom', value)}
                errors={errorsOf('effectiveFrom')}
              />
              <CodeSelect
                name="model"
                label="审批模式"
                labels={MODEL_LABELS}
                value={draft.model}
                onChange={(model) => {
                  command.changed();
                  setDraft((current) => withModel(current, model));
                }}
                errors={errorsOf('rules.model')}
              />
            </div>
            <fieldset className={errorsOf('rules.stages').length > 0 ? 'section invalid' : 'section'}>
              <legend>审批环节与办理时限（工作日）</legend>
              <div className="row">
                {MODEL_STAGES[draft.model].map((stage, index) => (
                  <TextField
                    key={stage}
                    name={`limits.${stage}`}
                    label={STAGE_LABELS[stage]}
                    kind="count"
                    value={draft.limits[stage]}
                    onChange={(value) => set('limits', { ...draft.limits, [stage]: value })}
                    errors={errorsOf(`rules.stages[${index}]`)}
                  />
                ))}
              </div>
            </fieldset>
            <div className="row">
              <Field label="公示在此环节之后" errors={errorsOf('rules.publicityAfter')}>
                <select
                  name="publicityAfter"
                  value={draft.publicityAfter}
                  onChange={(e) => set('publicityAfter', e.target.value as PolicyDraft['publicityAfter'])}
                >
                  {MODEL_STAGES[draft.model].map((stage) => (
                    <option key={stage} value={stage}>
                      {STAGE_LABELS[stage]}
                    </option>
                  ))}
                </select>
              </Field>
              {number('publicityDays', '公示天数（自然日）')}
              <CodeSelect
                name="appraisal"
                label="民主评议"
                labels={APPRAISAL_LABELS}
                value={draft.appraisal}
                onChange={(appraisal) => set('appraisal', appraisal)}
                errors={errorsOf('rules.appraisal')}
              />
            </div>
            <div className="row">
              {number('overallLimitWorkingDays', '总时限（工作日）')}
              {number('extendedLimitWorkingDays', '公示有异议时延长至（工作日，可空）')}
              {number('noticeDeliveryWorkingDays', '不予批准通知送达时限（工作日）')}
              {number('homeVisitSamplePercent', '确认前入户抽查比例（%，可空）')}
              {number('firstPaymentMonthOffset', '批准后第几个月起发放')}
            </div>
            <label className="inline">
              <input
                type="checkbox"
                checked={draft.surveyRequired}
                onChange={(e) => set('surveyRequired', e.target.checked)}
              />
              首个环节须附入户调查表
            </label>
            <label className="inline">
              <input
                type="checkbox"
                checked={draft.overallClockExcludesPublicity}
                onChange={(e) => set('overallClockExcludesPublicity', e.target.checked)}
              />
              公示期不计入总时限
            </label>
            <TextField
              name="reason"
              label="调整依据（文件文号或会议纪要）"
              value={draft.reason}
              onChange={(value) => set('reason', value)}
              errors={errorsOf('reason')}
            />
            <button type="submit" disabled={busy}>
              发布
            </button>
          </Section>
        </form>
      )}
    </section>
  );
}
