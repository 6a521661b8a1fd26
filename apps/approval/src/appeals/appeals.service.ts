import { Injectable, Logger } from '@nestjs/common';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';

import {
  APPEAL_KIND_LABELS,
  APPEAL_OUTCOME_LABELS,
  type AppealReply,
  type Caller,
  CONTESTABLE_DOCUMENT_TYPES,
  DOCUMENT_TYPE_LABELS,
  type GetAppealRequest,
  type ListAppealsReply,
  type ListAppealsRequest,
  PERMISSIONS,
  type RecordAppealOutcomeRequest,
  REDECIDABLE_DOCUMENT_TYPES,
  type RedecideAppealRequest,
  type RegisterAppealRequest,
  type StepForm,
  SUBJECTS,
} from '@app/contracts';
import { beijingDate, requestContentHash } from '@app/domain';
import {
  areaOf,
  assertAnyPermission,
  assertPermission,
  assertVisible,
  MessagingClient,
  requireCaller,
  runAsCaller,
  SYSTEM_CALLER,
} from '@app/platform';

import { outcomeForm, outcomeToActOn, registrationForm } from './appeal-forms';
import { Appeal } from './appeal.entity';
import { AppealError } from './appeal.errors';

/** Who may read the cases: the county that manages them, and every reader of the household's division. */
const READ_PERMISSIONS = [PERMISSIONS.appealManage, PERMISSIONS.applicationRead];

export function toAppealReply(appeal: Appeal): AppealReply {
  return {
    id: appeal.id,
    applicationId: appeal.applicationId,
    householdId: appeal.householdId,
    divisionCode: appeal.divisionCode,
    contestedDocumentId: appeal.contestedDocumentId,
    contestedDocumentType: appeal.contestedDocumentType,
    contestedReferenceCode: appeal.contestedReferenceCode,
    kind: appeal.kind,
    body: appeal.body,
    caseNo: appeal.caseNo,
    receivedOn: appeal.receivedOn,
    claim: appeal.claim,
    status: appeal.closedAt ? 'CLOSED' : 'OPEN',
    holdId: appeal.holdId ?? null,
    registrationDocumentId: appeal.registrationDocumentId ?? null,
    registeredBy: appeal.registeredBy,
    registeredAt: appeal.registeredAt.toISOString(),
    outcome: appeal.outcome ?? null,
    decidedOn: appeal.decidedOn ?? null,
    decisionNo: appeal.decisionNo ?? null,
    note: appeal.note ?? null,
    outcomeDocumentId: appeal.outcomeDocumentId ?? null,
    toActOn: appeal.outcome ? outcomeToActOn(appeal.outcome) : false,
    closedBy: appeal.closedAt ? (appeal.outcomeBy ?? null) : null,
    closedAt: appeal.closedAt ? appeal.closedAt.toISOString() : null,
    redecisionApplicationId: appeal.redecisionApplicationId ?? null,
    redecidedBy: appeal.redecidedBy ?? null,
    redecidedAt: appeal.redecidedAt ? appeal.redecidedAt.toISOString() : null,
  };
}

/**
 * Reconsideration and court cases against the county's decisions (行政复议、行政诉讼): registered with the contested
 * decision as filed, the household file held from destruction while the case runs, each step's record filed in it.
 */
@Injectable()
export class AppealsService {
  private readonly logger = new Logger(AppealsService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly messaging: MessagingClient,
  ) {}

  async register(request: RegisterAppealRequest): Promise<AppealReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.appealManage);
    const em = this.em.fork();
    const requestHash = requestContentHash(request);
    const earlier = await em.findOne(Appeal, { idempotencyKey: request.idempotencyKey });
    if (earlier) {
      if (earlier.requestHash !== requestHash) {
        throw AppealError.keyReused();
      }
      assertVisible(caller, earlier.divisionCode);
      return toAppealReply(await this.finishRegistration(em, earlier));
    }
    const today = beijingDate(new Date());
    if (request.receivedOn > today) {
      throw AppealError.dayOutOfRange('receivedOn', `收到日期不能晚于今天（${today}）`);
    }
    // The contested decision as filed, seen as the caller sees the application's file (scope included).
    const filed = await this.messaging.request(SUBJECTS.archive.documentList, { applicationId: request.applicationId });
    const contested = filed.items.find((item) => item.id === request.contestedDocumentId);
    if (!contested) {
      throw AppealError.documentNotFound();
    }
    if (!(CONTESTABLE_DOCUMENT_TYPES as readonly string[]).includes(contested.documentType)) {
      throw AppealError.notContestable(DOCUMENT_TYPE_LABELS[contested.documentType]);
    }
    assertVisible(caller, contested.divisionCode);
    const appeal = em.create(Appeal, {
      idempotencyKey: request.idempotencyKey,
      requestHash,
      applicationId: request.applicationId,
      householdId: contested.householdId,
      divisionCode: contested.divisionCode,
      contestedDocumentId: contested.id,
      contestedDocumentType: contested.documentType,
      contestedReferenceCode: contested.referenceCode,
      contestedTitle: contested.title,
      kind: request.kind,
      body: request.body,
      caseNo: request.caseNo,
      receivedOn: request.receivedOn,
      claim: request.claim,
      registeredBy: caller.username,
      registeredAt: new Date(),
    });
    try {
      await em.flush();
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) {
        throw error;
      }
      // The same request sent twice at once: the other one registered it. Otherwise the case is registered already.
      const winner = await this.em.fork().findOne(Appeal, { idempotencyKey: request.idempotencyKey });
      if (winner?.requestHash === requestHash) {
        return toAppealReply(await this.finishRegistration(this.em.fork(), winner));
      }
      throw winner ? AppealError.keyReused() : AppealError.caseRegistered(request.caseNo);
    }
    this.logger.log({ appealId: appeal.id, kind: appeal.kind, divisionCode: appeal.divisionCode }, 'appeal registered');
    return toAppealReply(await this.finishRegistration(em, appeal));
  }

  async recordOutcome(request: RecordAppealOutcomeRequest): Promise<AppealReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.appealManage);
    const em = this.em.fork();
    const appeal = await this.visibleAppeal(em, caller, request.appealId);
    const outcomeHash = requestContentHash(request);
    if (appeal.outcomeKey === request.idempotencyKey) {
      if (appeal.outcomeHash !== outcomeHash) {
        throw AppealError.keyReused();
      }
      return toAppealReply(await this.finishOutcome(em, appeal));
    }
    if (appeal.outcomeKey) {
      throw AppealError.closed();
    }
    const today = beijingDate(new Date());
    if (request.decidedOn > today || request.decidedOn < appeal.receivedOn) {
      throw AppealError.dayOutOfRange(
        'decidedOn',
        `决定日期应在收到案件通知之日（${appeal.receivedOn}）与今天（${today}）之间`,
      );
    }
    // The registration's parts first: the hold to lift must be there.
    await this.finishRegistration(em, appeal);
    // One outcome per case: the first request to set it wins, a concurrent second one is refused.
    const claimed = await em
      .nativeUpdate(
        Appeal,
        { id: appeal.id, outcomeKey: null },
        {
          outcome: request.outcome,
          decidedOn: request.decidedOn,
          decisionNo: request.decisionNo,
          note: request.note ?? null,
          outcomeKey: request.idempotencyKey,
          outcomeHash,
          outcomeBy: caller.username,
          outcomeRecordedAt: new Date(),
        },
      )
      .catch((error: unknown) => {
        // The key is another case's outcome key.
        throw error instanceof UniqueConstraintViolationException ? AppealError.keyReused() : error;
      });
    const current = await em.findOneOrFail(Appeal, { id: appeal.id }, { refresh: true });
    if (claimed === 0 && current.outcomeKey !== request.idempotencyKey) {
      throw AppealError.closed();
    }
    if (claimed === 0 && current.outcomeHash !== outcomeHash) {
      throw AppealError.keyReused();
    }
    this.logger.log({ appealId: appeal.id, outcome: request.outcome }, 'appeal outcome recorded');
    return toAppealReply(await this.finishOutcome(em, current));
  }

  /**
   * The county decides again after its refusal or termination was revoked, varied or it was ordered to act
   * (重新作出决定): intake makes a new application of the household from the contested one, whose chain goes
   * straight to the county's confirmation. Once per case (the application is keyed by the case): the same request
   * again answers the same application, and finishes what an outage cut off.
   */
  async redecide(request: RedecideAppealRequest): Promise<AppealReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.appealManage);
    const em = this.em.fork();
    const appeal = await this.visibleAppeal(em, caller, request.appealId);
    if (!appeal.outcome || !outcomeToActOn(appeal.outcome)) {
      throw AppealError.nothingToDecideAgain();
    }
    if (!(REDECIDABLE_DOCUMENT_TYPES as readonly string[]).includes(appeal.contestedDocumentType)) {
      throw AppealError.notDecidedAgainByConfirmation(DOCUMENT_TYPE_LABELS[appeal.contestedDocumentType]);
    }
    // The outcome's record and the hold's lifting first, if an outage left them.
    await this.finishOutcome(em, appeal);
    const application = await runAsCaller(SYSTEM_CALLER, () =>
      this.messaging.request(SUBJECTS.intake.applicationRedecide, {
        applicationId: appeal.applicationId,
        appealId: appeal.id,
        basis: `依${appeal.body}${appeal.decisionNo}（${APPEAL_OUTCOME_LABELS[appeal.outcome!]}）`,
      }),
    );
    await em.nativeUpdate(
      Appeal,
      { id: appeal.id, redecisionApplicationId: null },
      { redecisionApplicationId: application.id, redecidedBy: caller.username, redecidedAt: new Date() },
    );
    this.logger.log({ appealId: appeal.id, applicationId: application.id }, 'appeal decided again');
    return toAppealReply(await em.findOneOrFail(Appeal, { id: appeal.id }, { refresh: true }));
  }

  /** A case, to the county and to every reader of the household's division (the dossier lists them). */
  async get(request: GetAppealRequest): Promise<AppealReply> {
    const caller = requireCaller();
    assertAnyPermission(caller, READ_PERMISSIONS);
    return toAppealReply(await this.visibleAppeal(this.em.fork(), caller, request.appealId));
  }

  async list(request: ListAppealsRequest): Promise<ListAppealsReply> {
    const caller = requireCaller();
    assertAnyPermission(caller, READ_PERMISSIONS);
    const appeals = await this.em.fork().find(
      Appeal,
      {
        divisionCode: { $like: `${areaOf(caller, request.divisionCode)}%` },
        ...(request.status ? { closedAt: request.status === 'CLOSED' ? { $ne: null } : null } : {}),
        ...(request.householdId ? { householdId: request.householdId } : {}),
      },
      { orderBy: { registeredAt: 'desc', id: 'asc' }, limit: request.limit ?? 50, offset: request.offset ?? 0 },
    );
    return { items: appeals.map(toAppealReply) };
  }

  /** The case, if it exists and lies in the caller's division subtree. */
  private async visibleAppeal(em: EntityManager, caller: Caller, appealId: string): Promise<Appeal> {
    const appeal = await em.findOne(Appeal, { id: appealId });
    if (!appeal) {
      throw AppealError.notFound();
    }
    assertVisible(caller, appeal.divisionCode);
    return appeal;
  }

  /** The hold on the household file and the registration record, each once (keys from the case's id). */
  private async finishRegistration(em: EntityManager, appeal: Appeal): Promise<Appeal> {
    if (!appeal.holdId) {
      const hold = await runAsCaller(SYSTEM_CALLER, () =>
        this.messaging.request(SUBJECTS.archive.holdPlace, {
          idempotencyKey: `appeal:${appeal.id}:hold`,
          householdId: appeal.householdId,
          kind: appeal.kind,
          basis: `${APPEAL_KIND_LABELS[appeal.kind]}：${appeal.body}（${appeal.caseNo}）`,
        }),
      );
      appeal.holdId = hold.id;
      await em.nativeUpdate(Appeal, { id: appeal.id }, { holdId: hold.id });
    }
    if (!appeal.registrationDocumentId) {
      const record = await this.file(
        appeal,
        'registration',
        registrationForm(appeal, appeal.registeredBy, appeal.registeredAt),
      );
      appeal.registrationDocumentId = record.id;
      await em.nativeUpdate(Appeal, { id: appeal.id }, { registrationDocumentId: record.id });
    }
    return appeal;
  }

  /** The outcome record filed, then the hold lifted and the case closed, each once. */
  private async finishOutcome(em: EntityManager, appeal: Appeal): Promise<Appeal> {
    if (appeal.closedAt) {
      return appeal;
    }
    await this.finishRegistration(em, appeal);
    const outcome = {
      outcome: appeal.outcome!,
      decidedOn: appeal.decidedOn!,
      decisionNo: appeal.decisionNo!,
      note: appeal.note,
    };
    if (!appeal.outcomeDocumentId) {
      const at = appeal.outcomeRecordedAt!;
      const record = await this.file(appeal, 'outcome', outcomeForm(appeal, outcome, appeal.outcomeBy!, at));
      appeal.outcomeDocumentId = record.id;
      await em.nativeUpdate(Appeal, { id: appeal.id }, { outcomeDocumentId: record.id });
    }
    await runAsCaller(SYSTEM_CALLER, () =>
      this.messaging.request(SUBJECTS.archive.holdLift, {
        holdId: appeal.holdId!,
        basis: `${APPEAL_OUTCOME_LABELS[outcome.outcome]}（${outcome.decisionNo}）`,
      }),
    );
    appeal.closedAt = new Date();
    await em.nativeUpdate(Appeal, { id: appeal.id }, { closedAt: appeal.closedAt });
    return appeal;
  }

  private file(appeal: Appeal, step: 'registration' | 'outcome', form: StepForm) {
    return runAsCaller(SYSTEM_CALLER, () =>
      this.messaging.request(SUBJECTS.archive.documentFile, {
        idempotencyKey: `appeal:${appeal.id}:${step}`,
        // A retried request re-renders the form: the first filing stands.
        firstFilingStands: true,
        householdId: appeal.householdId,
        divisionCode: appeal.divisionCode,
        applicationId: appeal.applicationId,
        workflowId: `appeal-${appeal.id}`,
        step: `appeal:${step}`,
        documentType: 'APPEAL_RECORD',
        createdBy: step === 'registration' ? appeal.registeredBy : appeal.outcomeBy!,
        form,
      }),
    );
  }
}
