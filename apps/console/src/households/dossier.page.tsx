import { type ReactNode, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';

import { PERMISSIONS, rolesAllow } from '@app/contracts/identity/permissions';
import { MEMBER_CHANGE_LABELS } from '@app/contracts/intake/household-change.reply';
import { LINE_STATUS_LABELS } from '@app/contracts/payment/line-status';
import {
  HEALTH_LABELS,
  householdCodeLabel,
  RELATIONSHIPS,
  SEX_LABELS,
  WORK_CAPACITY_LABELS,
} from '@app/domain/household/household-codes';
import { formatYuan } from '@app/domain/money/fen';

import { BenefitChangeForm } from './benefit-change.form';
import { DOSSIER_PURPOSES, type DossierSection, type DossierView } from './dossier.types';
import { MemberChangeForm } from './member-change.form';
import type { ApiError } from '../api/api-error';
import { api, download } from '../api/client';
import { DocumentList } from '../applications/document-list';
import { ErrorBox } from '../common/error-box';
import { APPLICATION_STATUS_LABELS, beijingMinute, DECISION_LABELS, STAGE_LABELS } from '../common/labels';
import { useLoad } from '../common/use-load';
import { useSession } from '../session/use-session';

const BENEFIT_STATUS = { ACTIVE: '正常发放', SUSPENDED: '暂停发放', TERMINATED: '已停发' } as const;

/**
 * 户档案一览: everything about a household at once — members, applications and every step, the benefit, the last
 * payments, the archive file — each section from the service that holds it, or why it is missing. Read with the
 * purpose chosen at the search (logged); printed as the gateway's PDF.
 */
export function DossierPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const purpose = params.get('purpose') ?? DOSSIER_PURPOSES[0];
  const dossier = useLoad(() => api<DossierView>(`/households/${id}/dossier`, { purpose }), `${id}|${purpose}`);
  const [printError, setPrintError] = useState<ApiError>();
  const [notice, setNotice] = useState<string>();
  const session = useSession();
  const changes = !!session && rolesAllow(session.account.roles, PERMISSIONS.enrolmentChange);
  const registers = !!session && rolesAllow(session.account.roles, PERMISSIONS.householdRegister);
  const print = () => {
    setPrintError(undefined);
    download(`/households/${id}/dossier.pdf`, purpose).then(
      (blob) => window.open(URL.createObjectURL(blob), '_blank', 'noopener'),
      setPrintError,
    );
  };

  if (dossier.error) {
    return <ErrorBox error={dossier.error} />;
  }
  const view = dossier.data;
  if (!view) {
    return <p>正在读取……</p>;
  }
  return (
    <section>
      <h1>
        户档案一览
        {view.household.status === 'OK' && ` ${view.household.data.householdNo}`}
        <span className="badge" data-field="dossier-status">
          {view.status.label}
        </span>
      </h1>
      <p>
        查阅目的：{purpose}{' '}
        <button type="button" onClick={print}>
          打印户档案
        </button>
      </p>
      <ErrorBox error={printError} />
      {notice && (
        <p className="done" role="status">
          {notice}
        </p>
      )}

      <Part title="家庭成员" section={view.household}>
        {(household) => (
          <table className="members">
            <thead>
              <tr>
                <th>姓名</th>
                <th>与户主关系</th>
                <th>身份证号</th>
                <th>性别</th>
                <th>出生日期</th>
                <th>健康状况</th>
                <th>劳动能力</th>
              </tr>
            </thead>
            <tbody>
              {household.members.map((member) => (
                <tr key={member.personId}>
                  <td>{member.name}</td>
                  <td>{householdCodeLabel(RELATIONSHIPS, member.relationship)}</td>
                  <td>{member.idNumberMasked}</td>
                  <td>{householdCodeLabel(SEX_LABELS, member.sex)}</td>
                  <td>{member.birthDate}</td>
                  <td>
                    {householdCodeLabel(HEALTH_LABELS, member.health)}
                    {member.disabilityGrade && `（${member.disabilityGrade}级残疾）`}
                  </td>
                  <td>{householdCodeLabel(WORK_CAPACITY_LABELS, member.workCapacity)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Part>
      {view.household.status === 'OK' && view.household.data.memberChanges.length > 0 && (
        <>
          <h2>家庭成员变动</h2>
          <table className="member-changes">
            <thead>
              <tr>
                <th>变动日期</th>
                <th>类型</th>
                <th>原因</th>
                <th>成员</th>
                <th>新户主</th>
                <th>登记人</th>
              </tr>
            </thead>
            <tbody>
              {view.household.data.memberChanges.map((change) => (
                <tr key={change.id}>
                  <td>{change.occurredOn}</td>
                  <td>{MEMBER_CHANGE_LABELS[change.kind]}</td>
                  <td>{MEMBER_CHANGE_LABELS[change.reason]}</td>
                  <td>
                    {change.memberName}（{change.memberIdNumberMasked}）
                  </td>
                  <td>{change.newHead ? `${change.newHead.name}（${change.newHead.idNumberMasked}）` : ''}</td>
                  <td>{change.recordedBy}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {registers && view.household.status === 'OK' && view.household.data.status !== 'ENDED' && (
        <MemberChangeForm
          key={view.household.data.members.map((member) => member.personId).join()}
          householdId={view.household.data.id}
          members={view.household.data.members}
          benefitPaid={view.benefit.status === 'OK' && !!view.benefit.data && view.benefit.data.status !== 'TERMINATED'}
          onChanged={(text) => {
            setNotice(text);
            dossier.reload();
          }}
        />
      )}

      <Part title="申请" section={view.applications}>
        {(applications) => (
          <table className="applications">
            <thead>
              <tr>
                <th>申请编号</th>
                <th>申请人</th>
                <th>状态</th>
                <th>提交时间</th>
              </tr>
            </thead>
            <tbody>
              {applications.map((application) => (
                <tr key={application.id}>
                  <td>
                    <Link to={`/applications/${application.id}`}>{application.applicationNo}</Link>
                  </td>
                  <td>{application.applicantName}</td>
                  <td>{APPLICATION_STATUS_LABELS[application.status]}</td>
                  <td>{application.submittedAt ? beijingMinute(new Date(application.submittedAt)) : '草稿'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Part>

      <Part title="审批经过" section={view.steps}>
        {(steps) => (
          <table className="steps">
            <thead>
              <tr>
                <th>申请编号</th>
                <th>环节</th>
                <th>决定</th>
                <th>办理人</th>
                <th>时间</th>
                <th>意见</th>
              </tr>
            </thead>
            <tbody>
              {steps.map((step) => (
                <tr key={step.id}>
                  <td>{step.applicationNo}</td>
                  <td>
                    {STAGE_LABELS[step.stage]}
                    {step.attempt > 1 && `（第${step.attempt}次）`}
                  </td>
                  <td>
                    {step.status === 'OPEN'
                      ? '待办'
                      : (DECISION_LABELS[step.outcome as keyof typeof DECISION_LABELS] ?? step.outcome ?? '—')}
                  </td>
                  <td>{step.decidedBy ?? '—'}</td>
                  <td>{step.decidedAt ? beijingMinute(new Date(step.decidedAt)) : '—'}</td>
                  <td>{step.opinion ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Part>

      <Part title="保障金" section={view.benefit}>
        {(benefit) =>
          benefit ? (
            <>
              <p data-field="benefit">
                {BENEFIT_STATUS[benefit.status]}，每月 {formatYuan(benefit.currentTerm.totalFen)} 元（保障金{' '}
                {formatYuan(benefit.currentTerm.baseFen)} 元 + 分类施保金{' '}
                {formatYuan(benefit.currentTerm.supplementFen)} 元），自 {benefit.firstMonth} 起，收款账号{' '}
                {benefit.accountNo}
                {benefit.nextReviewOn && `；下次核查 ${benefit.nextReviewOn}`}
                {benefit.nextReviewReason && `（${benefit.nextReviewReason}）`}
                {benefit.payeeHold && `；暂缓发放：${benefit.payeeHold.reason}`}
              </p>
              {changes && benefit.status !== 'TERMINATED' && (
                <BenefitChangeForm
                  enrolmentId={benefit.enrolmentId}
                  onChanged={(text) => {
                    setNotice(text);
                    dossier.reload();
                  }}
                />
              )}
            </>
          ) : (
            <p className="empty">未纳入保障。</p>
          )
        }
      </Part>

      <Part title="发放记录（近24个月）" section={view.payments}>
        {(payments) =>
          payments.length === 0 ? (
            <p className="empty">尚无发放记录。</p>
          ) : (
            <table className="payments">
              <thead>
                <tr>
                  <th>月份</th>
                  <th>金额（元）</th>
                  <th>状态</th>
                  <th>银行</th>
                </tr>
              </thead>
              <tbody>
                {payments.map((line, index) => (
                  <tr key={`${line.month}-${index}`}>
                    <td>{line.month}</td>
                    <td>{formatYuan(line.amountFen)}</td>
                    <td>{LINE_STATUS_LABELS[line.status]}</td>
                    <td>{line.bankCode}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Part>

      <Part title="档案" section={view.archive}>
        {(file) =>
          file ? (
            <>
              <p>
                档号 {file.referenceCode}，{file.cabinetCode} 柜 {file.boxCode} 盒，共 {file.itemCount} 件{' '}
                {file.pageCount} 页
              </p>
              <DocumentList documents={file.items} purpose={purpose} />
            </>
          ) : (
            <p className="empty">尚未建档。</p>
          )
        }
      </Part>
    </section>
  );
}

/** One section: its content, or why the service that holds it did not answer. */
function Part<T>({
  title,
  section,
  children,
}: {
  title: string;
  section: DossierSection<T>;
  children: (data: T) => ReactNode;
}) {
  return (
    <>
      <h2>{title}</h2>
      {section.status === 'OK' ? (
        children(section.data)
      ) : (
        <p className="warning" data-section-status={section.status}>
          {section.status === 'NOT_PERMITTED' ? '无权查看' : '暂时无法读取'}：{section.reason}
        </p>
      )}
    </>
  );
}
