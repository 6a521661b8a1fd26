import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';

import {
  type CloseTaskRequest,
  type Caller,
  type DecideTaskRequest,
  type DecisionReply,
  type ListTasksReply,
  type ListTasksRequest,
  type TaskHistoryReply,
  type TaskHistoryRequest,
  type OpenTaskRequest,
  PERMISSIONS,
  type RecordObjectionRequest,
  type RescheduleTaskRequest,
  STAGE_DIVISION_DIGITS,
  STAGE_LABELS,
  SUBJECTS,
  type TaskReply,
} from '@app/contracts';
import {
  approvalChainWorkflowId,
  decideUpdate,
  type DecisionInput,
  objectionUpdate,
  SEARCH_ATTRIBUTES,
} from '@app/contracts/temporal';
import { beijingDate, CalendarMissingError } from '@app/domain';
import {
  AccessError,
  areaOf,
  assertPermission,
  assertVisible,
  isSystemCaller,
  MessagingClient,
  requireCaller,
  TemporalClientService,
} from '@app/platform';

import { Task } from './task.entity';
import { TaskError } from './task.errors';
import { CalendarService } from '../calendar/calendar.service';

/** The staff inbox: tasks opened and closed by the chain, decided by staff through a Temporal update. */
@Injectable()
export class TasksService {
  constructor(
    private readonly em: EntityManager,
    private readonly calendars: CalendarService,
    private readonly temporal: TemporalClientService,
    private readonly messaging: MessagingClient,
  ) {}

  /**
   * Opens the task of a stage (the chain's activity); the same (workflow, stage, purpose, attempt) opens it once.
   * One statement for a new task; a repeat (a retried activity) finds the insert refused and answers with the task.
   */
  async open(request: OpenTaskRequest): Promise<TaskReply> {
    this.assertSystem();
    const em = this.em.fork();
    const key = {
      workflowId: request.workflowId,
      stage: request.stage,
      purpose: request.purpose ?? ('DECISION' as const),
      attempt: request.attempt,
    };
    let dueDate: string | undefined;
    let calendarMissingYear: number | undefined;
    try {
      dueDate = (await this.calendars.calendar()).addWorkingDays(request.openedOn, request.limitWorkingDays);
    } catch (error) {
      if (!(error instanceof CalendarMissingError)) {
        throw error;
      }
      calendarMissingYear = error.year;
    }
    const now = new Date();
    const task = {
      id: request.taskId ?? randomUUID(),
      createdAt: now,
      updatedAt: now,
      status: 'OPEN' as const,
      applicationId: request.applicationId,
      applicationNo: request.applicationNo,
      householdId: request.householdId,
      divisionCode: request.divisionCode,
      ...key,
      role: request.role,
      openedAt: now,
      dueDate,
      calendarMissingYear,
      overallDueDate: request.overallDueDate,
      overallCalendarMissingYear: request.overallDueDate ? undefined : request.overallCalendarMissingYear,
      requirements: (request.requirements ?? []).map(({ kind, reason }) => ({ kind, reason })),
    };
    try {
      await em.insert(Task, task);
      return toTaskReply(task);
    } catch (error) {
      // Opened before (a retried activity, or its first attempt racing it): the first insert stands.
      if (!(error instanceof UniqueConstraintViolationException)) {
        throw error;
      }
    }
    return toTaskReply(await em.findOneOrFail(Task, key));
  }

  /** Closes a task with its outcome, once: one statement; a task closed already is answered as it stands. */
  async close(request: CloseTaskRequest): Promise<TaskReply> {
    this.assertSystem();
    const em = this.em.fork();
    const [closed] = await em.execute<Array<Record<string, unknown>>>(
      `update approval.task
          set status = ?, outcome = ?, opinion = ?, decided_by = ?, decided_at = ?, document_id = ?, updated_at = ?
        where id = ? and status = 'OPEN'
       returning *`,
      [
        request.outcome === 'CANCELLED' ? 'CANCELLED' : 'DONE',
        request.outcome,
        request.opinion ?? null,
        request.decidedBy ?? null,
        new Date(),
        request.documentId ?? null,
        new Date(),
        request.taskId,
      ],
    );
    if (closed) {
      return toTaskReply(em.map(Task, closed));
    }
    const task = await em.findOne(Task, { id: request.taskId });
    if (!task) {
      throw TaskError.notFound(request.taskId);
    }
    return toTaskReply(task);
  }

  async escalate(taskId: string): Promise<TaskReply> {
    this.assertSystem();
    const em = this.em.fork();
    const task = await em.findOne(Task, { id: taskId });
    if (!task) {
      throw TaskError.notFound(taskId);
    }
    task.escalatedAt ??= new Date();
    await em.flush();
    return toTaskReply(task);
  }

  /**
   * Due dates the chain worked out once the calendar of their year was loaded: the task's own and the
   * application's overall one (each one's missing year then cleared). Only a due date that was unknown is set; a
   * known one stays.
   */
  async reschedule(request: RescheduleTaskRequest): Promise<TaskReply> {
    this.assertSystem();
    const em = this.em.fork();
    const task = await em.findOne(Task, { id: request.taskId });
    if (!task) {
      throw TaskError.notFound(request.taskId);
    }
    if (request.dueDate && !task.dueDate) {
      task.dueDate = request.dueDate;
      task.calendarMissingYear = undefined;
    }
    if (request.overallDueDate && !task.overallDueDate) {
      task.overallDueDate = request.overallDueDate;
      task.overallCalendarMissingYear = undefined;
    }
    await em.flush();
    return toTaskReply(task);
  }

  /** The caller's inbox: open tasks of their role(s) for applications in their division subtree. */
  async list(request: ListTasksRequest): Promise<ListTasksReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.applicationRead);
    const today = beijingDate(new Date());
    const [tasks, total] = await this.em.fork().findAndCount(
      Task,
      {
        status: 'OPEN',
        role: { $in: caller.roles },
        divisionCode: { $like: `${areaOf(caller, request.divisionCode)}%` },
        ...(request.stage ? { stage: request.stage } : {}),
        ...(request.purpose ? { purpose: request.purpose } : {}),
        ...(request.applicationId ? { applicationId: request.applicationId } : {}),
        ...(request.applicationNo ? { applicationNo: request.applicationNo } : {}),
        ...(request.overdueOnly || request.dueBy
          ? {
              dueDate: {
                ...(request.overdueOnly ? { $lt: today } : {}),
                ...(request.dueBy ? { $lte: request.dueBy } : {}),
              },
            }
          : {}),
        ...(request.overallOverdueOnly ? { overallDueDate: { $lt: today } } : {}),
        ...(request.claim === 'MINE' ? { claimedBy: caller.username } : {}),
        ...(request.claim === 'UNCLAIMED' ? { claimedBy: null } : {}),
      },
      {
        orderBy: { dueDate: 'asc', openedAt: 'asc', id: 'asc' },
        limit: request.limit ?? 50,
        offset: request.offset ?? 0,
      },
    );
    return { items: tasks.map(toTaskReply), total };
  }

  /** Every step of a household's applications in the caller's division, oldest first (for its dossier). */
  async history(request: TaskHistoryRequest): Promise<TaskHistoryReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.applicationRead);
    const tasks = await this.em.fork().find(
      Task,
      {
        householdId: request.householdId,
        divisionCode: { $like: `${isSystemCaller(caller) ? '' : caller.divisionCode}%` },
      },
      { orderBy: { openedAt: 'asc', id: 'asc' }, limit: 500 },
    );
    return { items: tasks.map(toTaskReply) };
  }

  /**
   * A staff decision: checked here (scope, role, level), then sent to the chain as a Temporal update whose
   * validator checks it again before anything is recorded. Idempotent by key.
   */
  async decide(request: DecideTaskRequest): Promise<DecisionReply> {
    const caller = requireCaller();
    const em = this.em.fork();
    const task = await em.findOne(Task, { id: request.taskId });
    assertVisible(caller, task?.divisionCode);
    if (task!.decisionKey === request.idempotencyKey && task!.decisionReply) {
      return task!.decisionReply;
    }
    if (task!.status !== 'OPEN') {
      // A retry whose first try reached the chain but whose answer was not stored (a crash in between): the
      // chain knows the update by its id and answers as the first time. Anything else is refused by it.
      if (task!.decisionKey === null) {
        const reply = await this.sendDecision(task!, request, caller).catch(() => undefined);
        if (reply) {
          await em.nativeUpdate(Task, { id: task!.id }, { decisionKey: request.idempotencyKey, decisionReply: reply });
          return reply;
        }
      }
      throw TaskError.notOpen();
    }
    assertStageStaff(caller, task!, '作出此决定');
    if ((request.decision === 'DELIVER') !== (task!.purpose === 'DELIVERY')) {
      throw TaskError.decisionNotForPurpose(task!.purpose);
    }
    if (task!.claimedBy && task!.claimedBy !== caller.username) {
      throw TaskError.claimedByOther(task!.claimedBy, task!.claimedAt!);
    }
    const photos = await this.surveyPhotos(task!.applicationId, request.survey?.photoDocumentIds ?? []);
    const reply = await this.sendDecision(task!, request, caller, photos);
    await em.nativeUpdate(Task, { id: task!.id }, { decisionKey: request.idempotencyKey, decisionReply: reply });
    return reply;
  }

  /** A survey's photos must be evidence already filed for this application; answered with their item codes. */
  private async surveyPhotos(
    applicationId: string,
    documentIds: string[],
  ): Promise<Array<{ documentId: string; referenceCode: string }>> {
    if (documentIds.length === 0) {
      return [];
    }
    const filed = await this.messaging.request(SUBJECTS.archive.documentList, { applicationId });
    const evidence = new Map(
      filed.items.filter((item) => item.documentType === 'EVIDENCE').map((item) => [item.id, item.referenceCode]),
    );
    const unknown = documentIds.filter((id) => !evidence.has(id));
    if (unknown.length > 0) {
      throw TaskError.photosNotFiled(unknown);
    }
    return documentIds.map((documentId) => ({ documentId, referenceCode: evidence.get(documentId)! }));
  }

  /** The decision as a Temporal update, its id from the key (so the chain answers a repeat as the first time). */
  private async sendDecision(
    task: Task,
    request: DecideTaskRequest,
    caller: Caller,
    photos: Array<{ documentId: string; referenceCode: string }> = [],
  ): Promise<DecisionReply> {
    try {
      return await this.temporal.client.workflow.getHandle(task.workflowId).executeUpdate(decideUpdate, {
        updateId: `decision-${request.idempotencyKey}`,
        args: [
          {
            taskId: task.id,
            decision: request.decision,
            opinion: request.opinion,
            reasons: request.reasons,
            returnTo: request.returnTo,
            missing: request.missing,
            homeVisit: request.homeVisit,
            appraisal: request.appraisal,
            survey: request.survey && surveyForChain(request.survey, photos),
            delivery: request.decision === 'DELIVER' ? request.delivery : undefined,
            actor: {
              userId: caller.userId,
              username: caller.username,
              roles: caller.roles,
              divisionCode: caller.divisionCode,
            },
            decidedAt: new Date().toISOString(),
          },
        ],
      });
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) {
        throw TaskError.refusedByChain(error.cause?.message ?? '审批流程拒绝了该决定');
      }
      if (error instanceof WorkflowNotFoundError) {
        throw TaskError.chainEnded();
      }
      throw error;
    }
  }

  /**
   * An objection received during publicity: the community's caseworker records it and the chain sends the
   * case back for a new community opinion. Scoped by the chain's DivisionCode search attribute (the chain may not
   * have opened a task yet); refused by the chain outside publicity (409). Idempotent by key.
   */
  async recordObjection(request: RecordObjectionRequest): Promise<{ accepted: true }> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.objectionRecord);
    const handle = this.temporal.client.workflow.getHandle(approvalChainWorkflowId(request.applicationId));
    try {
      const described = await handle.describe();
      assertVisible(caller, described.typedSearchAttributes.get(SEARCH_ATTRIBUTES.divisionCode));
      return await handle.executeUpdate(objectionUpdate, {
        updateId: `objection-${request.idempotencyKey}`,
        args: [
          {
            summary: request.summary,
            actor: {
              userId: caller.userId,
              username: caller.username,
              roles: caller.roles,
              divisionCode: caller.divisionCode,
            },
            receivedAt: new Date().toISOString(),
          },
        ],
      });
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) {
        throw TaskError.refusedByChain(error.cause?.message ?? '审批流程拒绝了该异议登记');
      }
      if (error instanceof WorkflowNotFoundError) {
        throw TaskError.noChain();
      }
      throw error;
    }
  }

  private assertSystem(): void {
    if (!isSystemCaller(requireCaller())) {
      throw AccessError.notVisible();
    }
  }
}

/** A task as stored; the decision's key and answer are not part of its reply. */
type TaskFields = Omit<Task, 'decisionKey' | 'decisionReply'>;

type StageTask = Pick<Task, 'role' | 'stage' | 'divisionCode'>;

/** Whoever has these roles and this division may act on the task: staff of its role at its stage's level. */
export function isStageStaff(standing: Pick<Caller, 'roles' | 'divisionCode'>, task: StageTask): boolean {
  return (
    standing.roles.includes(task.role as never) &&
    standing.divisionCode === task.divisionCode.slice(0, STAGE_DIVISION_DIGITS[task.stage])
  );
}

/** Only staff of the task's role, at its stage's level of the application's division, act on it (`doing` says how). */
export function assertStageStaff(caller: Caller, task: StageTask, doing: string): void {
  if (!caller.roles.includes(task.role as never)) {
    throw new AccessError(
      AccessError.wrongRole(PERMISSIONS.applicationRead).code,
      `caller lacks role ${task.role}`,
      `只有${STAGE_LABELS[task.stage]}的经办人员可以${doing}`,
    );
  }
  if (caller.divisionCode !== task.divisionCode.slice(0, STAGE_DIVISION_DIGITS[task.stage])) {
    throw TaskError.wrongLevel(STAGE_LABELS[task.stage]);
  }
}

export function toTaskReply(task: TaskFields): TaskReply {
  const today = beijingDate(new Date());
  return {
    id: task.id,
    applicationId: task.applicationId,
    applicationNo: task.applicationNo,
    householdId: task.householdId,
    divisionCode: task.divisionCode,
    stage: task.stage,
    purpose: task.purpose,
    role: task.role,
    attempt: task.attempt,
    status: task.status,
    openedAt: task.openedAt.toISOString(),
    dueDate: task.dueDate ?? null,
    calendarMissingYear: task.calendarMissingYear ?? null,
    overdue: task.status === 'OPEN' && task.dueDate !== undefined && task.dueDate !== null && task.dueDate < today,
    overallDueDate: task.overallDueDate ?? null,
    overallCalendarMissingYear: task.overallCalendarMissingYear ?? null,
    overallOverdue: task.status === 'OPEN' && !!task.overallDueDate && task.overallDueDate < today,
    requirements: task.requirements ?? [],
    escalatedAt: task.escalatedAt?.toISOString() ?? null,
    claimedBy: task.claimedBy ?? null,
    claimedAt: task.claimedAt?.toISOString() ?? null,
    outcome: task.outcome ?? null,
    opinion: task.opinion ?? null,
    decidedBy: task.decidedBy ?? null,
    decidedAt: task.decidedAt?.toISOString() ?? null,
    documentId: task.documentId ?? null,
  };
}

/** The survey as the chain records it: lists present (empty when not given), photos by their archived items. */
function surveyForChain(
  survey: NonNullable<DecideTaskRequest['survey']>,
  photos: Array<{ documentId: string; referenceCode: string }>,
): NonNullable<DecisionInput['survey']> {
  const { photoDocumentIds: _photoDocumentIds, neighbourVisits = [], evidenceRequests = [], ...rest } = survey;
  return { ...rest, neighbourVisits, evidenceRequests, photos };
}
