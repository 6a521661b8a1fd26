import {
  type ApprovalPolicy,
  type Decision,
  type DecisionStage,
  type TaskPurpose,
  type FormDocumentType,
  SUBJECTS,
  type StepForm,
  stepFiling,
  type TaskRequirement,
} from '@app/contracts';
import { APPROVAL_STEPS } from '@app/contracts/temporal';
import { formatYuan, reviewIntervalFor } from '@app/domain';
import { type MessagingClient, RemoteError } from '@app/platform';

import type { ParticularsCache } from './application-particulars';
import { callService } from './call-service';
import type { EngineIdentity } from './create-activities';

interface Traced {
  /** Read by the worker's correlation interceptor. */
  correlationId: string;
}

export interface ChainRef extends Traced {
  applicationId: string;
  workflowId: string;
}

export interface OpenTaskInput extends ChainRef {
  /** Made by the workflow, so the chain knows the task before staff can see it. */
  taskId?: string;
  /** The application's fixed particulars from the chain's input (ids only); asked of intake when absent. */
  application?: { applicationNo: string; householdId: string; divisionCode: string };
  stage: DecisionStage;
  /** A decision when absent; DELIVERY: serving the refusal or termination notice. */
  purpose?: TaskPurpose;
  role: string;
  attempt: number;
  limitWorkingDays: number;
  /** Beijing date the stage opened, from workflow time. */
  openedOn: string;
  /** The application's overall due date, shown with the task in the inbox. */
  overallDueDate?: string | null;
  /** While the overall due date is unknown: the year whose holiday calendar it waits for. */
  overallCalendarMissingYear?: number | null;
  /** What a decision must carry besides the opinion, and why (shown with the task). */
  requirements?: TaskRequirement[];
}

/** An approved household's monthly amounts, in fen, as the stored assessment fixed them. */
export interface ApprovalTerms {
  totalFen: number;
  baseFen: number;
  supplementsFen: number;
}

/** A step's record to file: what was decided, by whom, when; the activity adds the application's particulars. */
export interface StepRecordInput extends ChainRef {
  /** Unique per (step, attempt): the filing idempotency key. */
  step: string;
  documentType: FormDocumentType;
  title: string;
  stageLabel: string;
  actor: string;
  actorDivision: string;
  completedAt: string;
  lines: Array<{ label: string; value: string }>;
  notes?: string[];
  /**
   * For a decision's record: the policy version it was taken under. The record then names it and the workflow
   * code that ran the chain, so the rules and the code a decision was taken under can be found again.
   */
  policy?: Pick<ApprovalPolicy, 'id' | 'divisionCode' | 'version'>;
}

/** The policy version, in staff words: 220102 自2026-01-01起施行（吉民发〔2026〕1号），版本 1a2b3c4d. */
function policyVersionLabel(policy: Pick<ApprovalPolicy, 'id' | 'divisionCode' | 'version'>): string {
  const from = policy.version ? ` 自${policy.version.effectiveFrom}起施行` : '';
  const basis = policy.version?.basis ? `（${policy.version.basis}）` : '';
  return `${policy.divisionCode}${from}${basis}，版本 ${policy.id.slice(0, 8)}`;
}

/**
 * Activities of the decision stages: the policy, the assessment with its report, the inbox tasks and the
 * records filed as each step completes. Inputs and results carry ids and staff text only, never personal data.
 */
export function createApprovalActivities(
  messaging: MessagingClient,
  particulars: ParticularsCache,
  engine: EngineIdentity,
) {
  const file = async (input: StepRecordInput): Promise<{ documentId: string }> => {
    const app = await particulars.get(input.applicationId);
    const form: StepForm = {
      title: input.title,
      subtitle: `申请编号：${app.applicationNo}`,
      fields: [
        { label: '申请人', value: app.applicantName },
        { label: '公民身份号码', value: app.applicantIdNumberMasked },
        { label: '共同生活家庭成员人数', value: `${app.householdSize}人` },
        { label: '所在社区（村）', value: app.divisionCode },
        { label: '办理环节', value: input.stageLabel },
        ...input.lines,
        { label: '经办人', value: input.actor },
        { label: '经办单位（行政区划代码）', value: input.actorDivision },
        { label: '办结时间', value: formatBeijing(input.completedAt) },
        ...(input.policy
          ? [
              { label: '适用审批规则', value: policyVersionLabel(input.policy) },
              { label: '审批流程代码', value: engine.workflowCode },
            ]
          : []),
      ],
      notes: input.notes,
      completedAt: input.completedAt,
    };
    const document = await callService(() =>
      messaging.request(SUBJECTS.archive.documentFile, {
        ...stepFiling(app, input.workflowId, input.step),
        documentType: input.documentType,
        createdBy: input.actor,
        form,
      }),
    );
    return { documentId: document.id };
  };

  return {
    async resolveApprovalPolicy(input: Traced & { divisionCode: string; at: string }): Promise<ApprovalPolicy> {
      return callService(() =>
        messaging.request(SUBJECTS.approval.policyResolve, { divisionCode: input.divisionCode, at: input.at }),
      );
    },

    /**
     * The economic-status assessment of the household as declared, stored by the eligibility service, and its
     * report (家庭经济状况认定结果) filed into the household file.
     */
    async assessAndFileReport(input: ChainRef & { attempt: number; at: string }): Promise<{
      assessmentId: string;
      eligible: boolean;
      documentId: string;
      /** The monthly amounts of an eligible household (the confirmation notice prints them, as publicity does). */
      terms?: ApprovalTerms;
    }> {
      const app = await callService(() =>
        messaging.request(SUBJECTS.intake.applicationGet, { applicationId: input.applicationId }),
      );
      particulars.remember(app);
      // The members and the division's urban/rural kind, asked at once.
      const [household, division] = await Promise.all([
        callService(() =>
          messaging.request(SUBJECTS.intake.householdGet, { householdId: app.householdId, reveal: true }),
        ),
        callService(() => messaging.request(SUBJECTS.intake.divisionGet, { code: app.divisionCode })),
      ]);
      const details = app.details;
      const assessment = await callService(() =>
        messaging.request(SUBJECTS.eligibility.assessmentRun, {
          idempotencyKey: `${input.workflowId}:assessment:${input.attempt}`,
          householdId: app.householdId,
          applicationId: app.id,
          divisionCode: app.divisionCode,
          urbanRural: division.urbanRural === 'RURAL' ? 'RURAL' : 'URBAN',
          at: input.at,
          members: household.members.map((member) => ({
            idNumber: member.idNumber!,
            birthDate: member.birthDate,
            health: member.health as never,
            ...(member.disabilityGrade ? { disabilityGrade: member.disabilityGrade } : {}),
          })),
          incomes: details?.incomes ?? [],
          deductions: details?.deductions ?? [],
          assets: details?.assets ?? [],
        }),
      );
      const filed = await file({
        ...input,
        step: `assessment:${input.attempt}`,
        documentType: 'ASSESSMENT_REPORT',
        title: '家庭经济状况核对认定结果',
        stageLabel: '家庭经济状况核对与认定',
        actor: 'system',
        actorDivision: app.divisionCode,
        completedAt: assessment.createdAt,
        lines: [
          { label: '认定结论', value: assessment.eligible ? '符合最低生活保障条件' : '不符合最低生活保障条件' },
          { label: '低保边缘家庭', value: assessment.margin ? '是' : '否' },
          { label: '家庭月收入', value: `${formatYuan(assessment.householdIncomeFen)}元` },
          { label: '人均月收入', value: `${formatYuan(assessment.perCapitaIncomeFen)}元` },
          { label: '适用低保标准', value: `${formatYuan(assessment.standardFen)}元/人·月` },
          { label: '保障金（月）', value: `${formatYuan(assessment.baseFen)}元` },
          { label: '分类施保金（月）', value: `${formatYuan(assessment.supplementsFen)}元` },
          { label: '合计（月）', value: `${formatYuan(assessment.totalFen)}元` },
          { label: '评估编号', value: assessment.id },
        ],
        notes: assessment.rules.map((rule, i) => `${i + 1}. ${rule.text}`),
      });
      return {
        assessmentId: assessment.id,
        eligible: assessment.eligible,
        documentId: filed.documentId,
        ...(assessment.eligible ? { terms: termsOf(assessment) } : {}),
      };
    },

    async openTask(input: OpenTaskInput): Promise<{ taskId: string; dueDate: string | null }> {
      const app = input.application ?? (await particulars.get(input.applicationId));
      const task = await callService(() =>
        messaging.request(SUBJECTS.approval.taskOpen, {
          ...(input.taskId ? { taskId: input.taskId } : {}),
          applicationId: input.applicationId,
          applicationNo: app.applicationNo,
          householdId: app.householdId,
          divisionCode: app.divisionCode,
          workflowId: input.workflowId,
          stage: input.stage,
          ...(input.purpose ? { purpose: input.purpose } : {}),
          role: input.role,
          attempt: input.attempt,
          limitWorkingDays: input.limitWorkingDays,
          openedOn: input.openedOn,
          ...(input.overallDueDate ? { overallDueDate: input.overallDueDate } : {}),
          ...(!input.overallDueDate && input.overallCalendarMissingYear
            ? { overallCalendarMissingYear: input.overallCalendarMissingYear }
            : {}),
          ...(input.requirements?.length ? { requirements: input.requirements } : {}),
        }),
      );
      return { taskId: task.id, dueDate: task.dueDate };
    },

    /** The last of `workingDays` working days after `from` on the holiday calendar (null: a year not loaded). */
    async workingDaysDue(
      input: Traced & { from: string; workingDays: number; excluding?: Array<{ from: string; to: string }> },
    ): Promise<{ dueDate: string | null; calendarMissingYear: number | null }> {
      const due = await callService(() =>
        messaging.request(SUBJECTS.approval.calendarDueDate, {
          from: input.from,
          workingDays: input.workingDays,
          ...(input.excluding ? { excluding: input.excluding } : {}),
        }),
      );
      return { dueDate: due.dueDate, calendarMissingYear: due.calendarMissingYear };
    },

    async closeTask(
      input: Traced & {
        taskId: string;
        outcome: Decision | 'CANCELLED';
        opinion?: string;
        decidedBy?: string;
        documentId?: string;
      },
    ): Promise<void> {
      await callService(() =>
        messaging.request(SUBJECTS.approval.taskClose, {
          taskId: input.taskId,
          outcome: input.outcome,
          opinion: input.opinion,
          decidedBy: input.decidedBy,
          documentId: input.documentId,
        }),
      );
    },

    /** Due dates worked out once their calendar year was loaded, set on the task (see calendarLoadedSignal). */
    async rescheduleTask(input: Traced & { taskId: string; dueDate?: string; overallDueDate?: string }): Promise<void> {
      await callService(() =>
        messaging.request(SUBJECTS.approval.taskReschedule, {
          taskId: input.taskId,
          ...(input.dueDate ? { dueDate: input.dueDate } : {}),
          ...(input.overallDueDate ? { overallDueDate: input.overallDueDate } : {}),
        }),
      );
    },

    async escalateTask(input: Traced & { taskId: string }): Promise<void> {
      await callService(() => messaging.request(SUBJECTS.approval.taskEscalate, { taskId: input.taskId }));
    },

    fileStepRecord: file,

    /**
     * Enrols the approved household for monthly payment from `firstMonth`, to the head of household's account
     * declared with the application (一卡通). Idempotent by the chain. When it cannot (no bank code or account,
     * the account not in the head's name, an enrolment already open) the reason comes back and county staff
     * enrol by hand; the approval stands.
     */
    async enrolForPayment(
      input: ChainRef & {
        assessmentId: string;
        firstMonth: string;
        /** The assessment's amounts when the chain has them; read from the stored assessment when absent. */
        terms?: ApprovalTerms;
      },
    ): Promise<{ enrolmentId: string } | { pending: string }> {
      const app = await callService(() =>
        messaging.request(SUBJECTS.intake.applicationGet, { applicationId: input.applicationId, reveal: true }),
      );
      const account = app.details?.paymentAccount;
      if (!account?.bankCode || !account.accountNo || !account.holderIdNumber) {
        return { pending: '申请未登记发放银行代码和账号，请县级经办人员手工纳入发放' };
      }
      const household = await callService(() =>
        messaging.request(SUBJECTS.intake.householdGet, { householdId: app.householdId, reveal: true }),
      );
      const head = household.members.find((member) => member.isHead);
      if (!head?.idNumber || head.idNumber !== account.holderIdNumber.toUpperCase()) {
        return { pending: '发放账户持有人不是户主（按户发放的补贴应发放到户主本人账户）' };
      }
      const terms =
        input.terms ??
        (await callService(() =>
          messaging.request(SUBJECTS.eligibility.assessmentGet, { assessmentId: input.assessmentId }),
        ));
      try {
        const enrolment = await messaging.request(SUBJECTS.payment.enrolmentCreate, {
          idempotencyKey: `${input.workflowId}:enrolment`,
          householdId: app.householdId,
          applicationId: app.id,
          divisionCode: app.divisionCode,
          headName: head.name,
          headIdNumber: head.idNumber,
          bankCode: account.bankCode,
          accountNo: account.accountNo,
          baseFen: terms.baseFen,
          supplementFen: terms.supplementsFen,
          firstMonth: input.firstMonth,
          // Reviewed every six months with a member able to work, else yearly (2021 rules Art. 31).
          reviewIntervalMonths: reviewIntervalFor(household.members),
          decision: `${input.workflowId} 县级审核确认`,
        });
        return { enrolmentId: enrolment.id };
      } catch (error) {
        if (error instanceof RemoteError && !error.retryable) {
          return { pending: `未能自动纳入发放：${error.message}` };
        }
        throw error;
      }
    },

    /**
     * The post-approval publication (审核确认后公示) of an approved household, filed as posted: the head's name,
     * the household's size and the monthly amount only — nothing else of the family goes on the notice board.
     */
    async filePostApprovalPublicity(
      input: Traced & {
        applicationId: string;
        workflowId: string;
        totalFen: number;
        firstMonth: string;
        publishedAt: string;
      },
    ): Promise<{ documentId: string }> {
      const app = await particulars.get(input.applicationId);
      const document = await callService(() =>
        messaging.request(SUBJECTS.archive.documentFile, {
          ...stepFiling(app, input.workflowId, APPROVAL_STEPS.publication),
          documentType: 'POST_APPROVAL_PUBLICITY',
          createdBy: 'system',
          form: {
            title: '最低生活保障对象公示',
            subtitle: `社区（村）${app.divisionCode}`,
            fields: [
              { label: '户主姓名', value: app.applicantName },
              { label: '家庭人口', value: `${app.householdSize}人` },
              { label: '月保障金额', value: `${formatYuan(input.totalFen)}元` },
              { label: '起始发放月份', value: input.firstMonth },
            ],
            notes: [
              '依照规定审核确认后长期公示，仅公示户主姓名、家庭人口和保障金额。对公示有异议的，可向县级民政部门反映。',
            ],
            completedAt: input.publishedAt,
          },
        }),
      );
      return { documentId: document.id };
    },

    /**
     * The amounts of an approval, for the confirmation notice and the enrolment, read from the stored assessment:
     * for a chain whose assessment did not carry them (one started before fewer-calls-v1, or a household assessed
     * not eligible that the county approves).
     */
    async approvalTerms(input: Traced & { assessmentId: string }): Promise<ApprovalTerms> {
      const assessment = await callService(() =>
        messaging.request(SUBJECTS.eligibility.assessmentGet, { assessmentId: input.assessmentId }),
      );
      return termsOf(assessment);
    },
  };
}

/** The amounts of a stored assessment, and nothing else of it. */
function termsOf(assessment: ApprovalTerms): ApprovalTerms {
  return { totalFen: assessment.totalFen, baseFen: assessment.baseFen, supplementsFen: assessment.supplementsFen };
}

function formatBeijing(iso: string): string {
  const beijing = new Date(new Date(iso).getTime() + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${beijing.getUTCFullYear()}年${beijing.getUTCMonth() + 1}月${beijing.getUTCDate()}日 ${pad(beijing.getUTCHours())}:${pad(beijing.getUTCMinutes())}（北京时间）`;
}
