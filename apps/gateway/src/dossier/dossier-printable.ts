import {
  APPEAL_KIND_LABELS,
  APPEAL_OUTCOME_LABELS,
  APPLICATION_STATUS_LABELS,
  archiveStepLabel,
  DOCUMENT_TYPE_LABELS,
  type DossierReply,
  type DossierSection,
  LINE_STATUS_LABELS,
  MEMBER_CHANGE_LABELS,
  RECOVERY_KIND_LABELS,
  type RenderPrintableRequest,
  STAGE_LABELS,
} from '@app/contracts';
import { beijingMinute, formatYuan, HEALTH_LABELS, householdCodeLabel, RELATIONSHIPS } from '@app/domain';

const TASK_STATUS = { OPEN: '办理中', DONE: '已办结', CANCELLED: '已撤销' } as const;
const OUTCOME: Record<string, string> = { APPROVE: '同意', REJECT: '不同意', RETURN: '退回', CANCELLED: '撤销' };
const BENEFIT_STATUS = { ACTIVE: '正常发放', SUSPENDED: '暂停发放', TERMINATED: '已停保' } as const;

const yuan = (fen: number) => `${formatYuan(fen)}元`;
const day = (iso: string | null) => (iso ? beijingMinute(new Date(iso)) : '');

/** The printable dossier: the same sections as the JSON, in Chinese; a missing part says why. */
export function dossierPrintable(dossier: DossierReply, watermark: string): RenderPrintableRequest {
  const sections: RenderPrintableRequest['sections'] = [];
  const part = <T>(
    heading: string,
    section: DossierSection<T>,
    render: (data: T) => RenderPrintableRequest['sections'][number],
  ) => {
    sections.push(section.status === 'OK' ? render(section.data) : { heading, lines: [`（${section.reason}）`] });
  };

  part('家庭与成员', dossier.household, (household) => ({
    heading: '家庭与成员',
    lines: [
      `家庭编号：${household.householdNo}\u3000所在社区：${household.divisionCode}`,
      `住址：${household.address ?? ''}`,
    ],
    table: {
      columns: ['姓名', '与户主关系', '身份证号', '出生日期', '健康状况', '残疾等级'],
      rows: household.members.map((member) => [
        member.name,
        householdCodeLabel(RELATIONSHIPS, member.relationship),
        member.idNumberMasked,
        member.birthDate,
        householdCodeLabel(HEALTH_LABELS, member.health),
        member.disabilityGrade ? `${member.disabilityGrade}级` : '',
      ]),
    },
  }));
  if (dossier.household.status === 'OK' && dossier.household.data.memberChanges.length > 0) {
    sections.push({
      heading: '家庭成员变动',
      table: {
        columns: ['变动日期', '类型', '原因', '成员', '身份证号', '新户主', '登记人'],
        rows: dossier.household.data.memberChanges.map((change) => [
          change.occurredOn,
          MEMBER_CHANGE_LABELS[change.kind],
          MEMBER_CHANGE_LABELS[change.reason],
          change.memberName,
          change.memberIdNumberMasked,
          change.newHead ? `${change.newHead.name}（${change.newHead.idNumberMasked}）` : '',
          change.recordedBy,
        ]),
      },
    });
  }
  sections.push({ heading: '当前状态', lines: [dossier.status.label] });
  part('申请记录', dossier.applications, (applications) => ({
    heading: '申请记录',
    table: {
      columns: ['申请编号', '申请人', '人口', '提交时间', '状态', '理由'],
      rows: applications.map((application) => [
        application.applicationNo,
        application.applicantName,
        String(application.householdSize),
        day(application.submittedAt),
        APPLICATION_STATUS_LABELS[application.status] ?? application.status,
        application.reason,
      ]),
    },
  }));
  part('审核审批环节', dossier.steps, (steps) => ({
    heading: '审核审批环节',
    table: {
      columns: ['环节', '状态', '办理期限', '结论', '经办人', '意见', '办结时间'],
      rows: steps.map((step) => [
        `${STAGE_LABELS[step.stage]}（第${step.attempt}次）`,
        TASK_STATUS[step.status],
        step.dueDate ?? '（未载入节假日历）',
        step.outcome ? (OUTCOME[step.outcome] ?? step.outcome) : '',
        step.decidedBy ?? '',
        step.opinion ?? '',
        day(step.decidedAt),
      ]),
    },
  }));
  part('家庭经济状况核对认定', dossier.assessments, (assessments) => ({
    heading: '家庭经济状况核对认定',
    lines: assessments.flatMap((assessment) => [
      `${assessment.at}\u3000${assessment.eligible ? '符合条件' : '不符合条件'}\u3000人均收入${yuan(assessment.perCapitaIncomeFen)}\u3000月保障金${yuan(assessment.totalFen)}`,
      ...assessment.rules.map((rule) => `\u3000· ${rule.text}`),
    ]),
  }));
  part('保障待遇', dossier.benefit, (benefit) => ({
    heading: '保障待遇',
    lines: benefit
      ? [
          `${BENEFIT_STATUS[benefit.status]}；自${benefit.firstMonth}起${benefit.lastMonth ? `，至${benefit.lastMonth}止` : ''}`,
          `现行标准（自${benefit.currentTerm.fromMonth}）：保障金${yuan(benefit.currentTerm.baseFen)}＋分类施保金${yuan(benefit.currentTerm.supplementFen)}＝${yuan(benefit.currentTerm.totalFen)}/月`,
          `发放账户：${benefit.bankCode} ${benefit.accountNo}`,
          benefit.payeeHold ? `暂缓发放：${benefit.payeeHold.reason}（待变更收款账户）` : '',
          benefit.nextReviewOn
            ? `下次定期核查：${benefit.nextReviewOn}${benefit.lastReviewedOn ? `（上次核查：${benefit.lastReviewedOn}）` : ''}`
            : '',
        ].filter(Boolean)
      : ['尚未纳入发放'],
  }));
  part('近24个月发放记录', dossier.payments, (payments) => ({
    heading: '近24个月发放记录',
    table: {
      columns: ['月份', '保障金', '分类施保金', '合计', '状态', '银行流水号'],
      rows: payments.map((payment) => [
        payment.month,
        yuan(payment.baseFen),
        yuan(payment.supplementFen),
        yuan(payment.amountFen),
        LINE_STATUS_LABELS[payment.status],
        payment.bankReference ?? '',
      ]),
    },
  }));
  part('追回', dossier.recoveries, (recoveries) => ({
    heading: '追回',
    ...(recoveries.length
      ? {
          table: {
            columns: ['类型', '期间', '应缴回', '已缴回', '尚欠', '决定文号'],
            rows: recoveries.map((recovery) => [
              RECOVERY_KIND_LABELS[recovery.kind],
              `${recovery.fromMonth}至${recovery.toMonth}`,
              yuan(recovery.totalFen),
              yuan(recovery.repaidFen),
              yuan(recovery.outstandingFen),
              recovery.decision,
            ]),
          },
        }
      : { lines: ['无'] }),
  }));
  /** An application's number as the dossier lists it (its id when the applications could not be read). */
  const applicationNoOf = (id: string) =>
    (dossier.applications.status === 'OK'
      ? dossier.applications.data.find((application) => application.id === id)?.applicationNo
      : undefined) ?? id;
  part('行政复议、行政诉讼', dossier.appeals, (appeals) => ({
    heading: '行政复议、行政诉讼',
    ...(appeals.length
      ? {
          table: {
            columns: ['类型', '复议机关（法院）', '案号', '被复议（起诉）的决定', '收到日期', '结果'],
            rows: appeals.map((appeal) => [
              APPEAL_KIND_LABELS[appeal.kind],
              appeal.body,
              appeal.caseNo,
              DOCUMENT_TYPE_LABELS[appeal.contestedDocumentType],
              appeal.receivedOn,
              (appeal.outcome ? `${APPEAL_OUTCOME_LABELS[appeal.outcome]}（${appeal.decidedOn}）` : '审理中') +
                (appeal.redecisionApplicationId
                  ? `；已重新审核确认（${applicationNoOf(appeal.redecisionApplicationId)}）`
                  : ''),
            ]),
          },
        }
      : { lines: ['无'] }),
  }));
  part('电子档案', dossier.archive, (file) => ({
    heading: '电子档案',
    lines: file ? [`档号：${file.referenceCode}\u3000共${file.itemCount}件${file.pageCount}页`] : ['尚未建档'],
    ...(file
      ? {
          table: {
            columns: ['件号', '文件', '环节', '归档时间', '校验值（前16位）'],
            rows: file.items.map((item) => [
              String(item.itemNo),
              item.title,
              archiveStepLabel(item.step),
              day(item.filedAt),
              item.sha256.slice(0, 16),
            ]),
          },
        }
      : {}),
  }));
  return {
    title: '最低生活保障家庭档案一览',
    subtitle: `生成时间 ${day(dossier.generatedAt)}\u3000查阅人 ${dossier.viewer}`,
    sections,
    watermark,
    footer: '本件为查阅打印件，内容以电子档案为准；身份证号、银行账号已按规定屏蔽。',
  };
}
