import {
  ActivityFailure,
  allHandlersFinished,
  ApplicationFailure,
  condition,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  upsertSearchAttributes,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';

import {
  APPROVAL_STAGES,
  APPROVAL_STEPS,
  type ApprovalChainInput,
  type ApprovalChainResult,
  type ApprovalPolicy,
  type ApprovalStage,
  calendarLoadedSignal,
  dataCheckNoticeServedSignal,
  dataCheckRecheckedSignal,
  householdChangedSignal,
  type StagePolicy,
  type ChainHistoryEntry,
  chainStateQuery,
  decideUpdate,
  type DecisionInput,
  DELIVERY_METHOD_LABELS,
  type DecisionReply,
  type DecisionStage,
  objectionUpdate,
  type ObjectionInput,
  SEARCH_ATTRIBUTES,
  STAGE_DIVISION_DIGITS,
  STAGE_LABELS,
  type TaskPurpose,
  type TaskRequirement,
  withdrawSignal,
} from '@app/contracts/temporal';

import type { StepRecordInput } from '../activities/approval.activities';
import type { Activities } from '../activities/create-activities';

const retryUntilFiled = {
  initialInterval: '1 second',
  backoffCoefficient: 2,
  maximumInterval: '1 minute',
  // Retry until a human looks: filing must happen. Business rejections are non-retryable failures.
} as const;
/**
 * Activity tasks through the server: every call of a chain started before local-activities-v1, and any call whose
 * local attempts failed.
 */
const taskActivities = proxyActivities<Activities>({ startToCloseTimeout: '30 seconds', retry: retryUntilFiled });
/** The first attempts of a call, in the worker (see `localFirst`). */
const localActivities = proxyLocalActivities<Activities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '200 milliseconds', maximumAttempts: 2 },
});

/**
 * Every call of the chain is short (a service request over NATS, a form rendered and filed) and idempotent by its
 * key, so it is first made as a local activity: in the worker, recorded in the history as one marker, without the
 * three events and two task dispatches of an activity task (the server's work per chain falls to about a quarter).
 * A call whose local attempts fail (a service down) is made again as an activity task, which retries until it
 * succeeds and shows in the Temporal UI under Pending Activities with its attempt count and last failure. A
 * business rejection (a non-retryable failure) is not retried either way.
 */
const localFirst = new Proxy({} as Activities, {
  get:
    (_, name: keyof Activities) =>
    async (...args: unknown[]): Promise<unknown> => {
      const call = (calls: Activities) => (calls[name] as (...a: unknown[]) => Promise<unknown>)(...args);
      try {
        return await call(localActivities);
      } catch (error) {
        // A local activity's failure reaches the workflow as the activity's own error, a task's wrapped.
        const failure = error instanceof ActivityFailure ? error.cause : error;
        if (failure instanceof ApplicationFailure && failure.nonRetryable) {
          throw error;
        }
        return call(taskActivities);
      }
    },
});

const FORM_OF_STAGE = {
  COMMUNITY: 'COMMUNITY_OPINION',
  STREET: 'STREET_REVIEW',
  COUNTY: 'COUNTY_CONFIRMATION',
} as const;
/** Why the household was assessed again, as its history says. */
const REASSESSED_AFTER = { HOUSEHOLD: '家庭成员变动', RECHECK: '核对结果复查' } as const;
const DECISION_NAMES = {
  APPROVE: '同意',
  REJECT: '不同意',
  RETURN: '退回',
  TERMINATE: '终止审批',
  DELIVER: '已送达',
} as const;

/** The Beijing calendar date of a workflow instant (deterministic: workflow time). */
const beijingDay = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
/** The end of a due day in Beijing time. */
const endOfBeijingDay = (day: string) => Date.parse(`${day}T23:59:59+08:00`);

/**
 * The approval chain of one application (domain §1): acceptance (receipt and evidence filed), the economic
 * assessment (report filed), then the stages of the county's policy — by default community → publicity →
 * street → county — each decided by staff through the `decide` update and filed before the next opens
 * (approving is archiving), ending in a confirmation or refusal notice. Durations come from the policy.
 */
export async function approvalChainWorkflow(input: ApprovalChainInput): Promise<ApprovalChainResult> {
  // From batched-step-calls-v1 the calls of a step are made as one activity (see step-calls.activities), and the
  // chain has every change before it: those patches are not asked again (each asked adds a marker and a search
  // attribute upsert to the history). A chain started earlier asks each one as it did.
  // From fewer-calls-v1 the review starts with the overall due date asked in the same activity, and the
  // assessment's amounts come with it (no separate calls for either); it implies batched-step-calls-v1.
  const fewer = patched('fewer-calls-v1');
  const batched = fewer || patched('batched-step-calls-v1');
  const since = (patchId: string) => batched || patched(patchId);
  const activities = since('local-activities-v1') ? localFirst : taskActivities;
  const workflowId = workflowInfo().workflowId;
  const trace = { correlationId: input.correlationId };
  const chain = { applicationId: input.applicationId, workflowId, ...trace };
  /** What a task shows of the application besides its id: fixed at filing, so taken from the input when there. */
  const particulars =
    input.applicationNo && input.householdId && input.divisionCode
      ? { applicationNo: input.applicationNo, householdId: input.householdId, divisionCode: input.divisionCode }
      : undefined;
  const documentIds: string[] = [];
  const history: ChainHistoryEntry[] = [];
  let stage: ApprovalStage = APPROVAL_STAGES.acceptance;
  let withdrawn = false;
  let pending: { taskId: string; stage: DecisionStage; purpose: TaskPurpose; dueDate: string | null } | undefined;
  /** The day the refusal or termination was decided, once its notice is being served. */
  let noticeDecidedOn: string | undefined;
  let decision: DecisionInput | undefined;
  let decisionReply: DecisionReply | undefined;
  let objection: ObjectionInput | undefined;
  let publicityEndsAt: string | null = null;
  /** The overall limit from acceptance (30 working days; 45 once an objection extends it): tracked, escalated once. */
  const overall: {
    dueDate: string | null;
    /** While the due date is unknown for want of a holiday calendar: the year it waits for. */
    missingYear: number | null;
    deadline?: number;
    extended: boolean;
    escalated: boolean;
  } = {
    dueDate: null,
    missingYear: null,
    extended: false,
    escalated: false,
  };
  /** Set once the policy is resolved; read by the update validator. */
  const resolved: {
    policy?: ApprovalPolicy;
    stages?: StagePolicy[];
    countyAlone?: boolean;
    /** What the latest assessment found (the first, or one made again after a change or a re-check). */
    eligible?: boolean;
  } = {};
  /**
   * Why the confirming stage must record a home visit before it decides (a conflict of interest, an objection, the
   * policy's sample), if it must.
   */
  let homeVisitBecause: string | undefined;
  /** Why the opinion to be publicised needs a democratic appraisal (policy, an objection), if it does. */
  let appraisalBecause: string | undefined;
  /**
   * What an approval or refusal at a stage must carry besides the opinion, and why: shown with the task when it
   * opens, and what the validator asks of a decision.
   */
  const requirementsOf = (taskStage: DecisionStage): TaskRequirement[] => {
    const rules = resolved.policy;
    const order = resolved.stages ?? [];
    const needs: TaskRequirement[] = [];
    if (resolved.countyAlone) {
      needs.push({ kind: 'SURVEY', reason: '保密案件由县级民政部门直接核查家庭经济状况' });
    } else if (rules?.surveyRequired && taskStage === order[0]?.stage && !input.redecision) {
      needs.push({ kind: 'SURVEY', reason: '本地审批流程规定' });
    }
    if (appraisalBecause && taskStage === rules?.publicityAfter) {
      needs.push({ kind: 'APPRAISAL', reason: appraisalBecause });
    }
    if (homeVisitBecause && taskStage === order[order.length - 1]?.stage) {
      needs.push({ kind: 'HOME_VISIT', reason: homeVisitBecause });
    }
    return needs;
  };
  const now = () => new Date().toISOString();

  setHandler(withdrawSignal, () => {
    withdrawn = true;
  });
  /** Calendar years loaded since the chain started, and how many of them it has caught up with. */
  let calendarLoads = 0;
  let calendarLoadsSeen = 0;
  setHandler(calendarLoadedSignal, () => {
    calendarLoads += 1;
  });
  /**
   * What changed the household's figures while in the chain — its members (registry) or its means re-checked on
   * the applicant's objection — each assessed again once (reassessedUpTo).
   */
  const reassessments: Array<{
    changeId: string;
    summary: string;
    occurredOn: string;
    kind: 'HOUSEHOLD' | 'RECHECK';
  }> = [];
  let reassessedUpTo = 0;
  const noteChange =
    (kind: 'HOUSEHOLD' | 'RECHECK') => (change: { changeId: string; summary: string; occurredOn: string }) => {
      if (!reassessments.some((known) => known.changeId === change.changeId)) {
        reassessments.push({ ...change, kind });
      }
    };
  setHandler(householdChangedSignal, noteChange('HOUSEHOLD'));
  setHandler(dataCheckRecheckedSignal, noteChange('RECHECK'));
  /** The 告知书 served: noted beside the notice it names, once per receipt (its document id). */
  setHandler(dataCheckNoticeServedSignal, (served) => {
    if (history.some((entry) => entry.event === 'NOTICE_SERVED' && entry.documentId === served.changeId)) {
      return;
    }
    const notice = history.find(
      (entry) => entry.event === 'NOTICE_FILED' && entry.documentId && served.summary.includes(entry.documentId),
    );
    history.push({
      stage: 'ASSESSMENT',
      attempt: notice?.attempt ?? 1,
      event: 'NOTICE_SERVED',
      actor: 'system',
      at: now(),
      documentId: served.changeId,
      note: served.summary,
    });
  });
  setHandler(chainStateQuery, () => ({
    stage,
    pendingTaskId: pending?.taskId ?? null,
    pendingStage: pending?.stage ?? null,
    pendingPurpose: pending?.purpose ?? null,
    dueDate: pending?.dueDate ?? null,
    overallDueDate: overall.dueDate,
    overallCalendarMissingYear: overall.missingYear,
    publicityEndsAt,
    pendingRequirements: pending?.purpose === 'DECISION' ? requirementsOf(pending.stage) : [],
    history,
  }));
  setHandler(
    decideUpdate,
    async (d: DecisionInput) => {
      decision = d;
      await condition(() => decisionReply !== undefined && decisionReply.taskId === d.taskId);
      return decisionReply!;
    },
    {
      // Checked before anything is recorded; a refused update leaves no trace in the chain.
      validator: (d: DecisionInput) => {
        if (!pending || pending.taskId !== d.taskId || decision !== undefined) {
          throw new Error('该任务当前不在待办状态，不能作出决定');
        }
        const rule = resolved.stages?.find((s) => s.stage === pending!.stage);
        if (!rule || !d.actor.roles.includes(rule.role)) {
          throw new Error(`只有${STAGE_LABELS[pending.stage]}的经办人员可以作出此决定`);
        }
        if (d.actor.divisionCode !== input.divisionCode.slice(0, STAGE_DIVISION_DIGITS[pending.stage])) {
          throw new Error(`只有本级经办人员可以办理${STAGE_LABELS[pending.stage]}`);
        }
        if (!d.opinion.trim()) {
          throw new Error('请填写意见');
        }
        if (pending.purpose === 'DELIVERY') {
          if (d.decision !== 'DELIVER' || !d.delivery) {
            throw new Error('该任务为送达任务，请登记送达情况（DELIVER：送达日期、送达方式、受送达人）');
          }
          if (d.delivery.deliveredOn < noticeDecidedOn!) {
            throw new Error(`送达日期不能早于作出决定的日期（${noticeDecidedOn}）`);
          }
          if (d.delivery.deliveredOn > beijingDay(Date.parse(d.decidedAt))) {
            throw new Error('送达日期不能晚于登记当日');
          }
          return;
        }
        if (d.decision === 'DELIVER') {
          throw new Error('该任务为审批任务，只有送达任务可以登记送达');
        }
        if (reassessmentDue() && (d.decision === 'APPROVE' || d.decision === 'REJECT')) {
          throw new Error(
            '家庭情况已更新（成员变动或核对结果复查），正在重新核算家庭经济状况，请稍后刷新，按新的核算结果作出决定',
          );
        }
        if ((d.decision === 'REJECT' || d.decision === 'TERMINATE') && !(d.reasons?.length ?? 0)) {
          throw new Error(d.decision === 'REJECT' ? '不同意时必须写明理由' : '终止审批时必须写明申请人不配合的情况');
        }
        if (d.appraisal && d.appraisal.votesFor + d.appraisal.votesAgainst > d.appraisal.participants) {
          throw new Error('民主评议的表决票数不能多于参加人数');
        }
        if (d.decision !== 'APPROVE' && d.decision !== 'REJECT') {
          return;
        }
        const label = STAGE_LABELS[pending.stage];
        const confirming = pending.stage === resolved.stages?.[resolved.stages.length - 1]?.stage;
        if (d.decision === 'APPROVE' && confirming && resolved.eligible === false) {
          // The amount would come from an assessment that found none due (2021 rules Art. 18: re-checked first).
          throw new Error(
            `最近一次家庭经济状况核对认定为不符合条件，${label}不能同意：申请人有异议并提供佐证材料的，请先组织复查核对结果；否则请作出不同意的决定`,
          );
        }
        for (const need of requirementsOf(pending.stage)) {
          if (need.kind === 'SURVEY' && !d.survey) {
            throw new Error(`${need.reason}，${label}须附入户调查表（调查日期、至少两名调查人员、居住和生活情况）`);
          }
          if (need.kind === 'APPRAISAL' && !d.appraisal) {
            throw new Error(`${need.reason}，本次意见须附民主评议记录（日期、参加人数、表决情况、评议记录）`);
          }
          if (need.kind === 'HOME_VISIT' && !d.homeVisit) {
            throw new Error(`该申请${need.reason}，${label}前须记录入户核查（日期、至少两名核查人员、核查情况）`);
          }
        }
      },
    },
  );
  setHandler(
    objectionUpdate,
    (o: ObjectionInput) => {
      objection = o;
      return Promise.resolve({ accepted: true as const });
    },
    {
      validator: (o: ObjectionInput) => {
        if (stage !== APPROVAL_STAGES.publicity) {
          throw new Error('当前不在公示期，不能登记异议');
        }
        if (o.actor.divisionCode !== input.divisionCode || !o.actor.roles.includes('COMMUNITY_CASEWORKER')) {
          throw new Error('异议由申请所在社区（村）的经办人员登记');
        }
        if (!o.summary.trim()) {
          throw new Error('请填写异议内容');
        }
      },
    },
  );

  /** A task past its due date: marked in the inbox and a supervision record filed; nothing is decided for staff. */
  const escalateTask = async (task: {
    taskId: string;
    step: string;
    stageLabel: string;
    dueDate: string | null;
    historyStage: ChainHistoryEntry['stage'];
    attempt: number;
  }) => {
    await activities.escalateTask({ ...trace, taskId: task.taskId });
    const record = await activities.fileStepRecord({
      ...chain,
      step: task.step,
      documentType: 'ESCALATION_RECORD',
      title: '超时督办记录',
      stageLabel: task.stageLabel,
      actor: 'system',
      actorDivision: input.divisionCode.slice(0, 6),
      completedAt: now(),
      lines: [
        { label: '应办结日期', value: task.dueDate ?? '（节假日安排未加载，按督办处理）' },
        { label: '督办', value: '已超过办理时限，提请上一级督办' },
      ],
    });
    documentIds.push(record.documentId);
    history.push({
      stage: task.historyStage,
      attempt: task.attempt,
      event: 'ESCALATED',
      actor: 'system',
      at: now(),
      documentId: record.documentId,
    });
  };

  const setStage = (next: ApprovalStage, dueDate?: string | null) => {
    stage = next;
    upsertSearchAttributes([
      { key: SEARCH_ATTRIBUTES.approvalStage, value: next },
      ...(dueDate ? [{ key: SEARCH_ATTRIBUTES.approvalDueDate, value: new Date(endOfBeijingDay(dueDate)) }] : []),
    ] as never);
  };

  /** A decided task's record filed, then the task closed with the decision and the record (approving is archiving). */
  const fileAndClose = async (taskId: string, d: DecisionInput, record: StepRecordInput) => {
    const closing = { taskId, outcome: d.decision, opinion: d.opinion, decidedBy: d.actor.username };
    const filed = batched
      ? await activities.fileStepAndCloseTask({ ...trace, record, task: closing })
      : await activities.fileStepRecord(record);
    documentIds.push(filed.documentId);
    if (!batched) {
      await activities.closeTask({ ...trace, ...closing, documentId: filed.documentId });
    }
    return filed;
  };

  // 1. Acceptance: the receipt and the evidence so far, filed the moment the step completes.
  const receipt = {
    applicationId: input.applicationId,
    workflowId,
    step: APPROVAL_STEPS.applicationReceived,
    correlationId: input.correlationId,
  };
  const received = batched
    ? await activities.acceptApplication(receipt)
    : await activities.fileApplicationReceived(receipt);
  documentIds.push(received.documentId, ...(received.evidence ?? []).map((item) => item.documentId));
  const acceptedAt = Date.now();
  const acceptedOn = beijingDay(acceptedAt);
  if (!batched) {
    await activities.recordApplicationStage({ ...chain, status: 'RECEIVED' });
  }
  history.push({
    stage: 'ACCEPTANCE',
    attempt: 1,
    event: 'RECEIVED',
    actor: 'system',
    at: now(),
    documentId: received.documentId,
  });

  // A close relative of staff applies: registered apart (备案) now, and the county confirms only after a home visit.
  const registersConflicts = since('conflict-of-interest-v1');
  if (registersConflicts && input.conflictOfInterest) {
    homeVisitBecause = '已作近亲属备案';
    const registration = await activities.fileStepRecord({
      ...chain,
      step: 'conflict-of-interest',
      documentType: 'CONFLICT_OF_INTEREST_REGISTRATION',
      title: '近亲属备案登记表',
      stageLabel: '受理',
      actor: 'system',
      actorDivision: input.divisionCode,
      completedAt: now(),
      lines: [
        { label: '备案事由', value: '申请人或其家庭成员是经办人员或村（居）民委员会成员的近亲属' },
        { label: '处理', value: '单独登记备案；审核确认前须入户核查' },
      ],
    });
    documentIds.push(registration.documentId);
    history.push({
      stage: 'ACCEPTANCE',
      attempt: 1,
      event: 'CONFLICT_REGISTERED',
      actor: 'system',
      at: now(),
      documentId: registration.documentId,
    });
  }

  // Chains started before the decision stages existed end at acceptance, as they did then.
  if (!since('decision-stages-v1') || withdrawn) {
    setStage(withdrawn ? APPROVAL_STAGES.withdrawn : APPROVAL_STAGES.accepted);
    return { applicationId: input.applicationId, stage, documentIds };
  }

  const policyAsked = { divisionCode: input.divisionCode, at: beijingDay(Date.now()) };
  const started = fewer
    ? await activities.startReviewAndClock({ ...chain, ...policyAsked, overallFrom: acceptedOn })
    : undefined;
  const policy = started
    ? started.policy
    : batched
      ? await activities.startReview({ ...chain, ...policyAsked })
      : await activities.resolveApprovalPolicy({ ...trace, ...policyAsked });
  resolved.policy = policy;
  // A confidential case (domain §1.3; Jilin: people living with HIV) is checked and confirmed by the county alone:
  // no community or street stage sees it, the county's decision carries its own survey, and nothing is appraised
  // or publicised.
  const countyAlone = input.confidential === true && since('confidential-county-check-v1');
  // Deciding again after a reconsideration or court case (重新作出决定): the case was surveyed, reviewed and
  // publicised the first time; the county confirms again on a fresh assessment.
  const stages: StagePolicy[] = countyAlone || input.redecision ? [countyStageOf(policy)] : policy.stages;
  resolved.stages = stages;
  resolved.countyAlone = countyAlone;
  if (policy.appraisal === 'ALWAYS' && !input.confidential) {
    appraisalBecause = '按本地审批流程规定';
  }
  if (!batched) {
    await activities.recordApplicationStage({ ...chain, status: 'IN_REVIEW' });
  }

  const tracksOverall = since('overall-clock-v1');
  /** A household change not yet assessed again (chains with the overall clock: every chain of this code). */
  const reassessmentDue = () => tracksOverall && reassessedUpTo < reassessments.length;
  /** The periods the overall clock stood still for (publicity, where the policy says so), and their length. */
  const paused: Array<{ from: string; to: string }> = [];
  let pausedMs = 0;
  const showsOverallDue = tracksOverall && since('overall-due-attribute-v1');
  /** The overall limit in force: extended once an objection extended it. */
  const overallLimit = () =>
    overall.extended && policy.extendedLimitWorkingDays !== undefined
      ? policy.extendedLimitWorkingDays
      : policy.overallLimitWorkingDays;
  /** The overall due date (and the deadline waited for) from the limit in force and the pauses so far. */
  const setOverallLimit = async (known?: { dueDate: string | null; calendarMissingYear?: number | null }) => {
    const due =
      known ??
      (await activities.workingDaysDue({
        ...trace,
        from: acceptedOn,
        workingDays: overallLimit(),
        ...(paused.length ? { excluding: paused } : {}),
      }));
    overall.dueDate = due.dueDate;
    // Histories recorded before the missing year was kept answer without it.
    overall.missingYear = due.dueDate ? null : (due.calendarMissingYear ?? null);
    overall.deadline =
      policy.drill?.overallTimeoutMs !== undefined
        ? acceptedAt + policy.drill.overallTimeoutMs + pausedMs
        : overall.dueDate
          ? endOfBeijingDay(overall.dueDate)
          : undefined;
    if (showsOverallDue && overall.dueDate) {
      upsertSearchAttributes([
        { key: SEARCH_ATTRIBUTES.overallDueDate, value: new Date(endOfBeijingDay(overall.dueDate)) },
      ] as never);
    }
  };
  if (tracksOverall) {
    // Asked with the review from fewer-calls-v1: the limit then is the policy's own, nothing paused yet.
    await setOverallLimit(
      started && { dueDate: started.overallDueDate, calendarMissingYear: started.overallCalendarMissingYear },
    );
  }
  /**
   * Due dates unknown for want of a calendar year, worked out once one is loaded (calendarLoadedSignal): the open
   * task's (from the day it opened) and, for a decision, the overall one; what became known is set on the task and
   * in the search attributes. Answers the task's due date, known or still null. The loads so far are then seen.
   */
  const catchUpCalendar = async (
    taskId: string,
    taskStage: DecisionStage | 'DELIVERY',
    attempt: number,
    openedOn: string,
    limitWorkingDays: number,
    dueDate: string | null,
  ): Promise<string | null> => {
    calendarLoadsSeen = calendarLoads;
    const overallWas = overall.dueDate;
    if (taskStage !== 'DELIVERY' && tracksOverall && overall.dueDate === null) {
      await setOverallLimit();
    }
    const taskDue =
      dueDate ?? (await activities.workingDaysDue({ ...trace, from: openedOn, workingDays: limitWorkingDays })).dueDate;
    const found = {
      ...(taskDue !== dueDate && taskDue ? { dueDate: taskDue } : {}),
      ...(overall.dueDate !== overallWas && overall.dueDate ? { overallDueDate: overall.dueDate } : {}),
    };
    if (found.dueDate || found.overallDueDate) {
      await activities.rescheduleTask({ ...trace, taskId, ...found });
    }
    if (found.dueDate) {
      if (pending?.taskId === taskId) {
        pending.dueDate = found.dueDate;
      }
      setStage(stage, found.dueDate);
      history.push({
        stage: taskStage,
        attempt,
        event: 'DUE_DATE_SET',
        actor: 'system',
        at: now(),
        note: `节假日安排已加载，应办结日期为${found.dueDate}`,
      });
    }
    return taskDue;
  };
  /** Past the overall limit: filed once as a supervision record for the county; nothing is decided for staff. */
  const escalateOverall = async (stageOfTask: DecisionStage, attempt: number) => {
    overall.escalated = true;
    const record = await activities.fileStepRecord({
      ...chain,
      step: 'overall:escalation',
      documentType: 'ESCALATION_RECORD',
      title: '审批总时限超期督办记录',
      stageLabel: '审批总时限',
      actor: 'system',
      actorDivision: input.divisionCode.slice(0, 6),
      completedAt: now(),
      lines: [
        { label: '受理日期', value: acceptedOn },
        {
          label: '总时限',
          value: `${overallLimit()}个工作日`,
        },
        { label: '应办结日期', value: overall.dueDate ?? '（节假日安排未加载）' },
        { label: '当前环节', value: STAGE_LABELS[stageOfTask] },
        { label: '督办', value: '审批总时限已届满，提请县级民政部门督办；不因超期自动作出决定' },
      ],
    });
    documentIds.push(record.documentId);
    history.push({
      stage: stageOfTask,
      attempt,
      event: 'OVERALL_OVERDUE',
      actor: 'system',
      at: now(),
      documentId: record.documentId,
    });
  };

  /**
   * The refusal or termination notice is served through the township (2021 rules Art. 21: within 3 working days of
   * the decision; the county itself for a confidential case it handled alone): a delivery task in the township's
   * inbox, escalated once past its due date, answered by DELIVER with how it was served — filed as the proof of
   * delivery (送达回证) before the chain ends.
   */
  const serveNotice = async (noticeId: string, terminated: boolean, workingDays: number) => {
    const rule = stages.find((s) => s.stage === 'STREET') ?? stages[stages.length - 1];
    const decidedAt = Date.parse(rejection!.decidedAt);
    noticeDecidedOn = beijingDay(decidedAt);
    pending = { taskId: uuid4(), stage: rule.stage, purpose: 'DELIVERY', dueDate: null };
    const task = await activities.openTask({
      ...chain,
      application: particulars,
      taskId: pending.taskId,
      stage: rule.stage,
      purpose: 'DELIVERY',
      role: rule.role,
      attempt: 1,
      limitWorkingDays: workingDays,
      openedOn: noticeDecidedOn,
    });
    pending.dueDate = task.dueDate;
    setStage(APPROVAL_STAGES.delivery, task.dueDate);
    history.push({ stage: 'DELIVERY', attempt: 1, event: 'OPENED', actor: 'system', at: now() });
    const waitMs =
      policy.drill?.stageTimeoutMs ??
      (task.dueDate ? Math.max(0, endOfBeijingDay(task.dueDate) - Date.now()) : undefined);
    /** The notice's due date: unknown until its year's calendar is loaded, then worked out (calendarLoadedSignal). */
    let dueDate = task.dueDate;
    let deadline = waitMs === undefined ? undefined : Date.now() + waitMs;
    const arrived = () => decision !== undefined;
    // A calendar year loaded while waiting wakes the chain too (no signal in a history: the same wait as before).
    const woken = () => arrived() || calendarLoads !== calendarLoadsSeen;
    let inTime: boolean;
    for (;;) {
      inTime =
        deadline === undefined
          ? (await condition(woken), true)
          : await condition(woken, Math.max(0, deadline - Date.now()));
      if (calendarLoads === calendarLoadsSeen || arrived()) {
        break;
      }
      const known = await catchUpCalendar(task.taskId, 'DELIVERY', 1, noticeDecidedOn, workingDays, dueDate);
      if (known !== dueDate) {
        dueDate = known;
        deadline ??= known ? endOfBeijingDay(known) : undefined;
      }
    }
    if (!inTime) {
      await escalateTask({
        taskId: task.taskId,
        step: 'delivery:1:escalation',
        stageLabel: '送达',
        dueDate,
        historyStage: 'DELIVERY',
        attempt: 1,
      });
      await condition(arrived);
    }
    const d = decision!;
    const served = d.delivery!;
    const late = dueDate !== null && served.deliveredOn > dueDate;
    const receipt = await fileAndClose(task.taskId, d, {
      ...chain,
      step: 'delivery:1',
      documentType: 'DELIVERY_RECEIPT',
      title: '送达回证',
      stageLabel: '送达',
      actor: d.actor.username,
      actorDivision: d.actor.divisionCode,
      completedAt: d.decidedAt,
      lines: [
        {
          label: '送达文书',
          value: terminated ? '终止最低生活保障审批通知书' : '不予确认最低生活保障通知书',
        },
        { label: '作出决定日期', value: noticeDecidedOn },
        { label: '受送达人', value: served.recipient },
        { label: '送达方式', value: DELIVERY_METHOD_LABELS[served.method] },
        ...(served.witnesses?.length ? [{ label: '见证人', value: served.witnesses.join('、') }] : []),
        ...(served.trackingNo ? [{ label: '邮件号码', value: served.trackingNo }] : []),
        { label: '送达日期', value: served.deliveredOn },
        {
          label: '送达时限',
          value: `${workingDays}个工作日，至${dueDate ?? '（节假日安排未加载）'}${late ? '（逾期送达）' : ''}`,
        },
        { label: '送达情况', value: d.opinion },
        { label: '送达人', value: d.actor.username },
      ],
    });
    history.push({
      stage: 'DELIVERY',
      attempt: 1,
      event: late ? 'DELIVERED_LATE' : 'DELIVERED',
      actor: d.actor.username,
      at: d.decidedAt,
      documentId: receipt.documentId,
      // Who received it is printed on the filed receipt only (personal data stays out of the chain's state).
      note: `${DELIVERY_METHOD_LABELS[served.method]}，${served.deliveredOn}；通知书：${noticeId}`,
    });
    pending = undefined;
    decisionReply = {
      taskId: task.taskId,
      decision: 'DELIVER',
      documentId: receipt.documentId,
      next: terminated ? 'TERMINATED' : 'REJECTED',
    };
    decision = undefined;
  };

  // 2. The economic assessment and its report.
  setStage(APPROVAL_STAGES.assessment);
  // Days given to a call come from history (here the chain's start), never from the clock of the workflow task that
  // makes it: a local activity runs again if its task is executed anew, and must ask for the same thing.
  let assessment = await activities.assessAndFileReport({
    ...chain,
    attempt: 1,
    at: beijingDay(workflowInfo().startTime.getTime()),
  });
  let assessmentAttempt = 1;
  /**
   * The household changed while in the chain: assessed again (a new report, the earlier kept) before any stage
   * decides on the old figures; the county's amount is the latest assessment's. A change signalled to a chain
   * whose history predates this code is only noted (the patch keeps its replay as it was).
   */
  const reassess = async () => {
    const upTo = reassessments.length;
    const changes = reassessments.slice(reassessedUpTo, upTo);
    if (!patched('reassess-on-household-change-v1')) {
      reassessedUpTo = upTo;
      return;
    }
    assessmentAttempt += 1;
    assessment = await activities.assessAndFileReport({
      ...chain,
      attempt: assessmentAttempt,
      at: beijingDay(Date.now()),
    });
    // Counted as assessed only now: a decision arriving while the new figures are worked out is still refused.
    reassessedUpTo = upTo;
    documentIds.push(assessment.documentId);
    history.push({
      stage: 'ASSESSMENT',
      attempt: assessmentAttempt,
      event: assessment.eligible ? 'ELIGIBLE' : 'NOT_ELIGIBLE',
      actor: 'system',
      at: now(),
      documentId: assessment.documentId,
      note: `${[...new Set(changes.map((change) => REASSESSED_AFTER[change.kind]))].join('及')}后重新核算：${changes
        .map((change) => change.summary)
        .join('；')}`,
    });
    resolved.eligible = assessment.eligible;
    await noticeIfIneligible();
  };
  /**
   * An assessment that finds the household not eligible is made known to the applicant (2021 rules Art. 18: the
   * township informs them; with evidence they may object, and the township re-checks): the notice
   * (家庭经济状况核对结果告知书) is filed for the township to hand over. Chains from before it file none
   * (`patched('data-check-notice-v1')`, asked only for an ineligible assessment).
   */
  const noticeIfIneligible = async () => {
    if (assessment.eligible || !patched('data-check-notice-v1')) {
      return;
    }
    const notice = await activities.fileStepRecord({
      ...chain,
      step: `${APPROVAL_STEPS.assessment}:${assessmentAttempt}:notice`,
      documentType: 'DATA_CHECK_RESULT_NOTICE',
      title: '家庭经济状况核对结果告知书',
      stageLabel: '家庭经济状况核对与认定',
      actor: 'system',
      actorDivision: input.divisionCode.slice(0, 9),
      completedAt: now(),
      lines: [
        { label: '核对认定结果', value: '经家庭经济状况信息核对，申请家庭不符合最低生活保障条件' },
        { label: '认定依据', value: `家庭经济状况核对认定结果（第${assessmentAttempt}次核算，已归档）` },
        {
          label: '异议与复查',
          value:
            '申请人对核对结果有异议的，可向乡镇人民政府（街道办事处）提出并提供相关佐证材料，由乡镇人民政府（街道办事处）组织复查。',
        },
      ],
    });
    documentIds.push(notice.documentId);
    history.push({
      stage: 'ASSESSMENT',
      attempt: assessmentAttempt,
      event: 'NOTICE_FILED',
      actor: 'system',
      at: now(),
      documentId: notice.documentId,
    });
  };
  documentIds.push(assessment.documentId);
  history.push({
    stage: 'ASSESSMENT',
    attempt: 1,
    event: assessment.eligible ? 'ELIGIBLE' : 'NOT_ELIGIBLE',
    actor: 'system',
    at: now(),
    documentId: assessment.documentId,
  });
  resolved.eligible = assessment.eligible;
  await noticeIfIneligible();

  // 3. The decision stages of the policy.
  const attempts: Partial<Record<DecisionStage, number>> = {};
  let index = 0;
  let outcome: 'APPROVED' | 'REJECTED' | 'TERMINATED' | 'WITHDRAWN' | undefined;
  /** Whether the policy's sample of home visits has been drawn for this case (once, at the confirming stage). */
  let sampleDrawn = false;
  let rejection: DecisionInput | undefined;
  /** When the last approval was decided (the decision's own time, from the update's input). */
  let finalApprovalAt: number | undefined;
  while (outcome === undefined) {
    if (index >= stages.length) {
      outcome = 'APPROVED';
      break;
    }
    const rule = stages[index];
    const attempt = (attempts[rule.stage] = (attempts[rule.stage] ?? 0) + 1);
    if (reassessmentDue()) {
      // A change while no task was open (publicity, between stages): assessed before the next stage opens.
      await reassess();
    }
    if (calendarLoads !== calendarLoadsSeen) {
      // A calendar year was loaded while no task was open (publicity): the overall due date, if it was unknown.
      calendarLoadsSeen = calendarLoads;
      if (tracksOverall && overall.dueDate === null) {
        await setOverallLimit();
      }
    }
    const sample = policy.homeVisitSamplePercent ?? 0;
    if (index === stages.length - 1 && !sampleDrawn && sample > 0 && !homeVisitBecause && !countyAlone) {
      // The policy's sample of home visits (入户抽查), drawn once when the confirming stage first opens; the draw
      // uses the workflow's seeded random, so a replay draws the same and nobody can tell in advance.
      sampleDrawn = true;
      if (patched('home-visit-sample-v1')) {
        const drawn = Math.random() * 100 < sample;
        if (drawn) {
          homeVisitBecause = `被抽中入户抽查（本地抽查比例${sample}%）`;
        }
        history.push({
          stage: rule.stage,
          attempt,
          event: drawn ? 'HOME_VISIT_SAMPLED' : 'HOME_VISIT_NOT_SAMPLED',
          actor: 'system',
          at: now(),
          note: `入户抽查比例${sample}%：${drawn ? '本案被抽中，作出决定前须记录入户核查' : '本案未被抽中'}`,
        });
      }
    }
    // The task's id is made here and the task is pending before it appears in any inbox, so a decision taken
    // the moment it appears is never refused as "not pending".
    pending = { taskId: uuid4(), stage: rule.stage, purpose: 'DECISION', dueDate: null };
    const requirements = requirementsOf(rule.stage);
    const openedOn = beijingDay(Date.now());
    const task = await activities.openTask({
      ...chain,
      application: particulars,
      taskId: pending.taskId,
      stage: rule.stage,
      role: rule.role,
      attempt,
      limitWorkingDays: rule.limitWorkingDays,
      openedOn,
      overallDueDate: overall.dueDate,
      overallCalendarMissingYear: overall.missingYear,
      ...(requirements.length ? { requirements } : {}),
    });
    pending.dueDate = task.dueDate;
    setStage(APPROVAL_STAGES[rule.stage.toLowerCase() as 'community' | 'street' | 'county'], task.dueDate);
    history.push({ stage: rule.stage, attempt, event: 'OPENED', actor: 'system', at: now() });

    // Wait for the decision; past the due date the delay is escalated once (recorded), never decided for staff.
    const waitMs =
      policy.drill?.stageTimeoutMs ??
      (task.dueDate ? Math.max(0, endOfBeijingDay(task.dueDate) - Date.now()) : undefined);
    // No due date (the year's calendar is not loaded) and no drill: wait without a deadline, never escalate.
    const arrived = () => decision !== undefined || withdrawn;
    /** The stage's due date: unknown until its year's calendar is loaded, then worked out (calendarLoadedSignal). */
    let stageDue = task.dueDate;
    const escalateStage = () =>
      escalateTask({
        taskId: task.taskId,
        step: `${rule.stage.toLowerCase()}:${attempt}:escalation`,
        stageLabel: STAGE_LABELS[rule.stage],
        dueDate: stageDue,
        historyStage: rule.stage,
        attempt,
      });
    if (tracksOverall) {
      // Two clocks at once: the stage's limit and the application's overall limit; each escalated once.
      let stageDeadline = waitMs === undefined ? undefined : Date.now() + waitMs;
      let stageEscalated = false;
      // A calendar year loaded while waiting wakes the chain too (no signal in a history: the same wait as before).
      const woken = () => arrived() || calendarLoads !== calendarLoadsSeen || reassessmentDue();
      for (;;) {
        const deadlines = [
          stageEscalated ? undefined : stageDeadline,
          overall.escalated ? undefined : overall.deadline,
        ].filter((deadline): deadline is number => deadline !== undefined);
        const arrivedInTime =
          deadlines.length === 0
            ? (await condition(woken), true)
            : await condition(woken, Math.max(1, Math.min(...deadlines) - Date.now()));
        if (reassessmentDue() && !arrived()) {
          // The task stays open; its decision waits for the new figures (the validator refuses it meanwhile).
          await reassess();
          continue;
        }
        if (calendarLoads !== calendarLoadsSeen && !arrived()) {
          const known = await catchUpCalendar(
            task.taskId,
            rule.stage,
            attempt,
            openedOn,
            rule.limitWorkingDays,
            stageDue,
          );
          if (known !== stageDue) {
            stageDue = known;
            stageDeadline ??= known ? endOfBeijingDay(known) : undefined;
          }
          continue;
        }
        if (arrivedInTime) {
          break;
        }
        if (!overall.escalated && overall.deadline !== undefined && Date.now() >= overall.deadline) {
          await escalateOverall(rule.stage, attempt);
        }
        if (!stageEscalated && stageDeadline !== undefined && Date.now() >= stageDeadline) {
          await escalateStage();
          stageEscalated = true;
        }
      }
    } else {
      const decided = waitMs === undefined ? (await condition(arrived), true) : await condition(arrived, waitMs);
      if (!decided) {
        await escalateStage();
        await condition(() => decision !== undefined || withdrawn);
      }
    }
    if (withdrawn && decision === undefined) {
      await activities.closeTask({ ...trace, taskId: task.taskId, outcome: 'CANCELLED' });
      pending = undefined;
      outcome = 'WITHDRAWN';
      break;
    }
    const d = decision!;
    if (d.survey) {
      // The survey's record (入户调查表) is filed first: the opinion rests on it.
      const survey = await activities.fileStepRecord({
        ...chain,
        step: `${rule.stage.toLowerCase()}:${attempt}:survey`,
        documentType: 'SURVEY_RECORD',
        title: '入户调查表',
        stageLabel: STAGE_LABELS[rule.stage],
        actor: d.actor.username,
        actorDivision: d.actor.divisionCode,
        completedAt: d.decidedAt,
        lines: [
          { label: '调查日期', value: d.survey.surveyedOn },
          { label: '调查人员', value: d.survey.surveyors.join('、') },
          { label: '居住和生活情况', value: d.survey.livingConditions },
          ...d.survey.neighbourVisits.map((visit) => ({
            label: `邻里走访：${visit.neighbour}`,
            value: visit.statement,
          })),
          ...(d.survey.evidenceRequests.length
            ? [{ label: '需补充的证明材料', value: d.survey.evidenceRequests.join('；') }]
            : []),
          ...(d.survey.photos.length
            ? [
                {
                  label: '现场照片',
                  value: `${d.survey.photos.length}张，已归档：${d.survey.photos.map((p) => p.referenceCode).join('、')}`,
                },
              ]
            : []),
        ],
      });
      documentIds.push(survey.documentId);
      history.push({
        stage: rule.stage,
        attempt,
        event: 'SURVEYED',
        actor: d.actor.username,
        at: d.decidedAt,
        documentId: survey.documentId,
      });
    }
    if (d.appraisal) {
      // The appraisal's minutes are filed first: the opinion rests on them.
      const minutes = await activities.fileStepRecord({
        ...chain,
        step: `${rule.stage.toLowerCase()}:${attempt}:appraisal`,
        documentType: 'APPRAISAL_MINUTES',
        title: '民主评议记录',
        stageLabel: STAGE_LABELS[rule.stage],
        actor: d.actor.username,
        actorDivision: d.actor.divisionCode,
        completedAt: d.decidedAt,
        lines: [
          { label: '评议日期', value: d.appraisal.heldOn },
          { label: '参加人数', value: `${d.appraisal.participants}人` },
          {
            label: '表决情况',
            value: `同意${d.appraisal.votesFor}票，不同意${d.appraisal.votesAgainst}票，弃权${d.appraisal.participants - d.appraisal.votesFor - d.appraisal.votesAgainst}票`,
          },
          { label: '评议记录', value: d.appraisal.minutes },
        ],
      });
      documentIds.push(minutes.documentId);
      history.push({
        stage: rule.stage,
        attempt,
        event: 'APPRAISED',
        actor: d.actor.username,
        at: d.decidedAt,
        documentId: minutes.documentId,
      });
    }
    // The step's record is filed before anything else moves (approving is archiving).
    const record = await fileAndClose(task.taskId, d, {
      ...chain,
      step: `${rule.stage.toLowerCase()}:${attempt}`,
      documentType: d.decision === 'RETURN' ? 'RETURN_NOTICE' : FORM_OF_STAGE[rule.stage],
      title: d.decision === 'RETURN' ? '退回补正通知' : `${STAGE_LABELS[rule.stage]}意见`,
      stageLabel: STAGE_LABELS[rule.stage],
      actor: d.actor.username,
      actorDivision: d.actor.divisionCode,
      completedAt: d.decidedAt,
      lines: [
        { label: '决定', value: DECISION_NAMES[d.decision] },
        { label: '意见', value: d.opinion },
        ...(d.reasons?.length ? [{ label: '理由', value: d.reasons.join('；') }] : []),
        ...(d.missing?.length ? [{ label: '需补正的材料', value: d.missing.join('；') }] : []),
        ...(d.returnTo ? [{ label: '退回至', value: d.returnTo === 'APPLICANT' ? '申请人' : '上一环节' }] : []),
        ...(d.homeVisit
          ? [
              { label: '入户核查日期', value: d.homeVisit.visitedOn },
              { label: '核查人员', value: d.homeVisit.visitors.join('、') },
              { label: '核查情况', value: d.homeVisit.findings },
            ]
          : []),
        { label: '办理次数', value: `第${attempt}次` },
      ],
      // The rules and the code the decision was taken under, named on its record.
      policy: { id: policy.id, divisionCode: policy.divisionCode, version: policy.version },
    });
    history.push({
      stage: rule.stage,
      attempt,
      event: d.decision,
      actor: d.actor.username,
      at: d.decidedAt,
      documentId: record.documentId,
    });
    pending = undefined;

    let next: DecisionReply['next'];
    if (d.decision === 'REJECT' || d.decision === 'TERMINATE') {
      rejection = d;
      outcome = d.decision === 'REJECT' ? 'REJECTED' : 'TERMINATED';
      next = outcome;
    } else if (d.decision === 'RETURN') {
      index = d.returnTo === 'PREVIOUS' ? Math.max(0, index - 1) : index;
      next = d.returnTo === 'PREVIOUS' && index < stages.length ? stages[index].stage : 'APPLICANT';
    } else if (rule.stage === policy.publicityAfter && !input.confidential && !input.redecision) {
      next = 'PUBLICITY';
    } else {
      index += 1;
      next = index < stages.length ? stages[index].stage : 'APPROVED';
    }
    if (d.decision === 'APPROVE') {
      finalApprovalAt = Date.parse(d.decidedAt);
    }
    decisionReply = { taskId: task.taskId, decision: d.decision, documentId: record.documentId, next };
    decision = undefined;

    if (next === 'PUBLICITY') {
      // 4. Publicity of the initial opinion for N calendar days; an objection sends the case back for a new opinion.
      setStage(APPROVAL_STAGES.publicity);
      const publicityMs = policy.drill?.publicityMs ?? policy.publicityDays * 86_400_000;
      const publicityStartedAt = Date.now();
      publicityEndsAt = new Date(publicityStartedAt + publicityMs).toISOString();
      const notice = await activities.fileStepRecord({
        ...chain,
        step: `publicity:${attempt}`,
        documentType: 'PUBLICITY_NOTICE',
        title: '最低生活保障初审意见公示',
        stageLabel: '公示',
        actor: 'system',
        actorDivision: input.divisionCode,
        completedAt: now(),
        lines: [
          { label: '初审意见', value: `${DECISION_NAMES[d.decision]}：${d.opinion}` },
          { label: '公示期', value: `${policy.publicityDays}天，至${beijingDay(Date.parse(publicityEndsAt))}` },
        ],
        notes: ['对公示内容有异议的，请在公示期内向社区（村）或街道（乡镇）反映。'],
      });
      documentIds.push(notice.documentId);
      history.push({
        stage: 'PUBLICITY',
        attempt,
        event: 'PUBLISHED',
        actor: 'system',
        at: now(),
        documentId: notice.documentId,
      });
      await condition(() => objection !== undefined || withdrawn, publicityMs);
      publicityEndsAt = null;
      if (
        !withdrawn &&
        tracksOverall &&
        policy.overallClockExcludesPublicity &&
        since('overall-clock-excludes-publicity-v1')
      ) {
        // Chongqing-style: the overall clock stood still while the opinion was publicised; the due day moves on.
        const period = { from: beijingDay(publicityStartedAt), to: beijingDay(Date.now()) };
        paused.push(period);
        pausedMs += Date.now() - publicityStartedAt;
        await setOverallLimit();
        history.push({
          stage: 'PUBLICITY',
          attempt,
          event: 'OVERALL_PAUSED',
          actor: 'system',
          at: now(),
          note: `公示期（${period.from}至${period.to}）不计入审批总时限，应办结日期为${overall.dueDate ?? '（节假日安排未加载）'}`,
        });
      }
      if (withdrawn) {
        outcome = 'WITHDRAWN';
        break;
      }
      if (objection) {
        const o: ObjectionInput = objection;
        objection = undefined;
        const filed = await activities.fileStepRecord({
          ...chain,
          step: `publicity:${attempt}:objection`,
          documentType: 'OBJECTION_RECORD',
          title: '公示期异议记录',
          stageLabel: '公示',
          actor: o.actor.username,
          actorDivision: o.actor.divisionCode,
          completedAt: o.receivedAt,
          lines: [
            { label: '异议内容', value: o.summary },
            { label: '处理', value: '重新调查或民主评议后重新提出初审意见' },
          ],
        });
        documentIds.push(filed.documentId);
        history.push({
          stage: 'PUBLICITY',
          attempt,
          event: 'OBJECTION',
          actor: o.actor.username,
          at: o.receivedAt,
          documentId: filed.documentId,
        });
        if (registersConflicts) {
          // A case with a complaint is visited by the county before it confirms.
          homeVisitBecause ??= '公示期间有异议';
        }
        if ((policy.appraisal ?? 'ON_OBJECTION') !== 'NEVER' && !input.confidential) {
          // The new opinion rests on a democratic appraisal (2021 rules: where there is an objection).
          appraisalBecause ??= '公示期间有异议';
        }
        if (tracksOverall && policy.extendedLimitWorkingDays !== undefined && !overall.extended) {
          // An objection at publicity extends the overall limit (45 working days by the 2022 notice).
          overall.extended = true;
          await setOverallLimit();
          history.push({
            stage: 'PUBLICITY',
            attempt,
            event: 'OVERALL_EXTENDED',
            actor: 'system',
            at: now(),
            note: `总时限延长至${policy.extendedLimitWorkingDays}个工作日（至${overall.dueDate ?? '节假日安排未加载'}）`,
          });
        }
        continue; // the same stage again, with a new attempt
      }
      index += 1;
    }
  }

  // 5. The outcome, filed: confirmation notice or refusal notice.
  if (outcome === 'WITHDRAWN') {
    setStage(APPROVAL_STAGES.withdrawn);
    history.push({ stage: 'OUTCOME', attempt: 1, event: 'WITHDRAWN', actor: 'applicant', at: now() });
    return { applicationId: input.applicationId, stage, documentIds };
  }
  if (outcome === 'APPROVED') {
    const terms =
      fewer && assessment.terms
        ? assessment.terms
        : await activities.approvalTerms({ ...trace, assessmentId: assessment.assessmentId });
    // The day of the final approval as decided (the update's input, in history), not the workflow task's clock.
    const approvedOn = beijingDay(finalApprovalAt ?? Date.now());
    const firstMonth = addMonths(approvedOn.slice(0, 7), policy.firstPaymentMonthOffset);
    const noticeRecord = {
      ...chain,
      step: APPROVAL_STEPS.outcome,
      documentType: 'APPROVAL_NOTICE',
      title: '最低生活保障确认通知书',
      stageLabel: '审批结果',
      actor: history[history.length - 1].actor,
      actorDivision: input.divisionCode.slice(0, 6),
      completedAt: now(),
      lines: [
        { label: '审批结果', value: '同意纳入最低生活保障' },
        {
          label: '月保障金额',
          value: `${formatFen(terms.totalFen)}元（保障金${formatFen(terms.baseFen)}元，分类施保金${formatFen(terms.supplementsFen)}元）`,
        },
        { label: '起始发放月份', value: firstMonth },
      ],
      notes: ['保障金按月通过金融机构社会化发放。家庭人口、收入、财产状况发生变化的，应当及时告知。'],
    } satisfies StepRecordInput;
    /** Enrolled from the policy's first month (approved means paid), or why not: staff enrol by hand. */
    const recordEnrolment = (enrolment: { enrolmentId: string } | { pending: string }) =>
      history.push({
        stage: 'OUTCOME',
        attempt: 1,
        event: 'enrolmentId' in enrolment ? 'ENROLLED' : 'ENROLMENT_PENDING',
        actor: 'system',
        at: now(),
        note: 'enrolmentId' in enrolment ? enrolment.enrolmentId : enrolment.pending,
      });
    /** The post-approval publication (审核确认后公示): name, household size and amount only. */
    const recordPublication = (documentId: string) => {
      documentIds.push(documentId);
      history.push({ stage: 'OUTCOME', attempt: 1, event: 'PUBLISHED', actor: 'system', at: now(), documentId });
    };
    let noticeId: string;
    if (batched) {
      // Never published for a confidential case.
      const concluded = await activities.concludeApproval({
        ...chain,
        notice: noticeRecord,
        enrolment: { assessmentId: assessment.assessmentId, firstMonth, ...(fewer ? { terms } : {}) },
        ...(input.confidential ? {} : { publication: { totalFen: terms.totalFen, firstMonth, publishedAt: now() } }),
      });
      noticeId = concluded.noticeId;
      documentIds.push(noticeId);
      recordEnrolment(concluded.enrolment);
      if (concluded.publicationId) {
        recordPublication(concluded.publicationId);
      }
    } else {
      noticeId = (await activities.fileStepRecord(noticeRecord)).documentId;
      documentIds.push(noticeId);
      if (patched('payment-enrolment-v1')) {
        recordEnrolment(
          await activities.enrolForPayment({ ...chain, assessmentId: assessment.assessmentId, firstMonth }),
        );
      }
      if (!input.confidential && patched('post-approval-publicity-v1')) {
        const publicity = await activities.filePostApprovalPublicity({
          ...chain,
          totalFen: terms.totalFen,
          firstMonth,
          publishedAt: now(),
        });
        recordPublication(publicity.documentId);
      }
      await activities.recordApplicationStage({ ...chain, status: 'APPROVED' });
    }
    setStage(APPROVAL_STAGES.approved);
    history.push({
      stage: 'OUTCOME',
      attempt: 1,
      event: 'APPROVED',
      actor: 'system',
      at: now(),
      documentId: noticeId,
    });
  } else {
    // Refused, or terminated because the applicant did not cooperate: a notice with the reasons, then the status.
    const terminated = outcome === 'TERMINATED';
    const notice = await activities.fileStepRecord({
      ...chain,
      step: APPROVAL_STEPS.outcome,
      documentType: terminated ? 'TERMINATION_NOTICE' : 'REFUSAL_NOTICE',
      title: terminated ? '终止最低生活保障审批通知书' : '不予确认最低生活保障通知书',
      stageLabel: '审批结果',
      actor: rejection!.actor.username,
      actorDivision: rejection!.actor.divisionCode,
      completedAt: now(),
      lines: [
        { label: '审批结果', value: terminated ? '终止审批' : '不予确认' },
        { label: '理由', value: (rejection!.reasons ?? []).join('；') },
      ],
      notes: [
        ...(terminated
          ? ['申请人无正当理由拒不配合入户调查、信息核对等审核工作，审批程序终止。符合条件的，可以重新提出申请。']
          : []),
        '如对本决定不服，可以依法申请行政复议或者提起行政诉讼。',
      ],
    });
    documentIds.push(notice.documentId);
    await activities.recordApplicationStage({ ...chain, status: terminated ? 'TERMINATED' : 'REJECTED' });
    const ended = terminated ? APPROVAL_STAGES.terminated : APPROVAL_STAGES.rejected;
    // Chains whose policy was resolved before delivery was tracked end with the notice filed, as they did then.
    const serves = policy.noticeDeliveryWorkingDays !== undefined && since('notice-delivery-v1');
    if (!serves) {
      setStage(ended);
    }
    history.push({
      stage: 'OUTCOME',
      attempt: 1,
      event: terminated ? 'TERMINATED' : 'REJECTED',
      actor: rejection!.actor.username,
      at: now(),
      documentId: notice.documentId,
    });
    if (serves) {
      await serveNotice(notice.documentId, terminated, policy.noticeDeliveryWorkingDays!);
      setStage(ended);
    }
  }
  // Let a decision update that ended the chain return its answer before the run completes.
  await condition(allHandlersFinished);
  return { applicationId: input.applicationId, stage, documentIds };
}

/** The county's stage of a policy; a model without one (delegated to the township) gets it with the last stage's limit. */
function countyStageOf(policy: ApprovalPolicy): StagePolicy {
  return (
    policy.stages.find((s) => s.stage === 'COUNTY') ?? {
      stage: 'COUNTY',
      role: 'COUNTY_APPROVER',
      limitWorkingDays: policy.stages[policy.stages.length - 1].limitWorkingDays,
    }
  );
}

function addMonths(month: string, offset: number): string {
  const [y, m] = month.split('-').map(Number);
  const total = y * 12 + (m - 1) + offset;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

function formatFen(fen: number): string {
  return `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}
