import { createHash } from 'node:crypto';

import { Injectable, Logger } from '@nestjs/common';
import { CreateRequestContext, EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';

import {
  type ApplicationDetails,
  APPLICATION_STATUSES,
  ErrorCode,
  type ListApplicationsReply,
  type ListApplicationsRequest,
  PERMISSIONS,
  type UpdateApplicationRequest,
  type ApplicationReply,
  type ApplicationStageReply,
  type ApplicationStatus,
  type RecordApplicationStageRequest,
  type RedecideApplicationRequest,
  type SubmitApplicationRequest,
} from '@app/contracts';
import { approvalChainWorkflowId } from '@app/contracts/temporal';
import { beijingDate, beijingDayStart, checkIdNumber, divisionAncestor, requestContentHash } from '@app/domain';
import {
  AccessError,
  areaOf,
  assertPermission,
  assertVisible,
  currentCorrelationId,
  DomainError,
  inScope,
  isSystemCaller,
  requireCaller,
  sqlArray,
} from '@app/platform';

import { Application } from './application.entity';
import { ApplicationError, IN_PROGRESS_STATUS_NAMES, type InProgressStatus } from './application.errors';
import { toApplicationReply, toApplicationSummary } from './application.mapper';
import { meansMisfits } from './declared-means';
import { ApprovalWorkflowService } from '../approval-chain/approval-workflow.service';
import { AttachmentsService } from '../attachments/attachments.service';
import { DivisionsService } from '../divisions/divisions.service';
import { HouseholdsService } from '../households/households.service';

@Injectable()
export class ApplicationsService {
  private readonly logger = new Logger(ApplicationsService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly workflows: ApprovalWorkflowService,
    private readonly divisions: DivisionsService,
    private readonly households: HouseholdsService,
    private readonly attachments: AttachmentsService,
  ) {}

  /**
   * Stores the application (idempotent by key) and makes sure its approval workflow runs. A retry with the
   * same key and payload returns the same application and starts the workflow if the first try could not.
   */
  @CreateRequestContext()
  async submit(request: SubmitApplicationRequest): Promise<ApplicationReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.applicationCreate);
    if (!inScope(caller, request.divisionCode)) {
      throw AccessError.outOfDivision(request.divisionCode);
    }
    await this.divisions.assertCurrent(request.divisionCode, 5);
    const idNumber = request.applicantIdNumber.trim();
    const addressKnown = await this.divisions.isKnownAddressCode(idNumber.slice(0, 6));
    const idCheck = checkIdNumber(idNumber, { isKnownAddressCode: () => addressKnown });
    if (!idCheck.valid) {
      throw ApplicationError.invalidIdNumber(idCheck.reason ?? '身份证号码不正确');
    }
    const normalized = {
      ...request,
      applicantIdNumber: idCheck.normalized,
      applicantName: request.applicantName.trim(),
    };
    if (!request.draft) {
      assertConsent(request.details);
    }
    const requestHash = hashRequest(normalized);

    let application = await this.findByKey(request.idempotencyKey, requestHash);
    if (!application) {
      try {
        application = await this.create(normalized, requestHash);
      } catch (error) {
        // The same request sent twice at once: the twin that committed first may make this one fail on a unique
        // key, or see the applicant already in the household the twin just made. Its application answers both.
        if (!(error instanceof UniqueConstraintViolationException || error instanceof DomainError)) {
          throw error;
        }
        this.em.clear();
        application = await this.findByKey(request.idempotencyKey, requestHash);
        if (!application) {
          throw error;
        }
      }
    }
    await this.ensureWorkflow(application);
    return toApplicationReply(application);
  }

  /**
   * A new application of the household of a refused or terminated one, for the county to decide again after a
   * reconsideration or court case (重新作出决定): the applicant, household and declaration copied, submitted at
   * once, its chain going straight to the county. System only (the approval service checks the case first).
   * Idempotent by the case: the same case again answers the same application (and starts its chain if the first
   * try could not).
   */
  @CreateRequestContext()
  async redecide(request: RedecideApplicationRequest): Promise<ApplicationReply> {
    if (!isSystemCaller(requireCaller())) {
      throw AccessError.wrongRole(PERMISSIONS.appealManage);
    }
    const idempotencyKey = `redecision:${request.appealId}`;
    let application = await this.em.findOne(Application, { idempotencyKey });
    if (!application) {
      const previous = await this.em.findOne(Application, { id: request.applicationId });
      if (!previous) {
        throw ApplicationError.notFound(request.applicationId);
      }
      if (previous.status !== 'REJECTED' && previous.status !== 'TERMINATED') {
        throw ApplicationError.notRedecidable(previous.status);
      }
      try {
        application = await this.em.transactional(async (em) => {
          await this.assertNoneInProgress(em, previous.household.id);
          const made = em.create(Application, {
            applicationNo: await this.nextApplicationNo(em, previous.divisionCode),
            idempotencyKey,
            requestHash: requestContentHash(request),
            household: previous.household.id,
            divisionCode: previous.divisionCode,
            applicantName: previous.applicantName,
            applicantIdNumber: previous.applicantIdNumber,
            householdSize: previous.householdSize,
            reason: `${request.basis}，重新作出决定（原申请${previous.applicationNo}）。原申请事由：${previous.reason}`,
            workflowId: '',
            status: 'SUBMITTED',
            submittedAt: new Date(),
            details: previous.details,
            conflictOfInterest: previous.conflictOfInterest,
            redecision: { appealId: request.appealId, previousApplicationId: previous.id },
          });
          made.workflowId = approvalChainWorkflowId(made.id);
          return made;
        });
      } catch (error) {
        // The same case sent twice at once: waiting on the household's lock, the twin finds the application this
        // one made in progress (or trips on its key). That application answers both.
        if (!(error instanceof UniqueConstraintViolationException || error instanceof DomainError)) {
          throw error;
        }
        this.em.clear();
        application = await this.em.findOne(Application, { idempotencyKey });
        if (!application) {
          throw error;
        }
      }
      this.logger.log(
        { applicationId: application.id, previousApplicationId: previous.id, appealId: request.appealId },
        'application made to decide again',
      );
    }
    await this.ensureWorkflow(application);
    return toApplicationReply(application);
  }

  /** Edits a draft; anything but a draft is refused. The declared details are checked against the household. */
  @CreateRequestContext()
  async update(request: UpdateApplicationRequest): Promise<ApplicationReply> {
    const application = await this.loadForChange(request.applicationId);
    if (application.status !== 'DRAFT') {
      throw ApplicationError.notDraft(application.status);
    }
    await this.em.transactional(async (em) => {
      if (request.details !== undefined) {
        await this.assertDetailsFit(em, application, request.details);
        application.details = request.details;
        application.conflictOfInterest = request.details.conflictOfInterest ?? false;
      }
      if (request.householdSize !== undefined) {
        application.householdSize = request.householdSize;
      }
      if (request.reason !== undefined) {
        application.reason = request.reason;
      }
      em.persist(application);
    });
    return toApplicationReply(application);
  }

  /** Submits a draft and starts its approval chain; submitting again changes nothing. */
  @CreateRequestContext()
  async submitDraft(applicationId: string): Promise<ApplicationReply> {
    const application = await this.loadForChange(applicationId);
    if (application.status === 'WITHDRAWN') {
      throw ApplicationError.withdrawn();
    }
    if (application.status === 'DRAFT') {
      assertConsent(application.details);
      await this.em.transactional(async (em) => {
        await this.assertNoneInProgress(em, application.household.id, application.id);
        await this.assertDetailsFit(em, application, application.details);
        application.status = 'SUBMITTED';
        application.submittedAt = new Date();
        em.persist(application);
      });
      this.logger.log({ applicationId: application.id }, 'draft submitted');
    }
    await this.ensureWorkflow(application);
    return toApplicationReply(application);
  }

  /** Withdraws the application and signals its running chain; withdrawing again changes nothing. */
  @CreateRequestContext()
  async withdraw(applicationId: string, reason: string): Promise<ApplicationReply> {
    const application = await this.loadForChange(applicationId);
    if (application.status === 'WITHDRAWN') {
      return toApplicationReply(application);
    }
    if (application.status === 'APPROVED' || application.status === 'REJECTED' || application.status === 'TERMINATED') {
      throw ApplicationError.decided(application.status);
    }
    application.status = 'WITHDRAWN';
    application.withdrawnReason = reason;
    await this.em.flush();
    if (application.workflowStartedAt) {
      await this.workflows.signalWithdrawn(application.workflowId, reason);
    }
    this.logger.log({ applicationId: application.id }, 'application withdrawn');
    return toApplicationReply(application);
  }

  @CreateRequestContext()
  async get(applicationId: string, reveal = false): Promise<ApplicationReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.applicationRead);
    if (reveal) {
      assertPermission(caller, PERMISSIONS.personalDataReveal);
    }
    // The reply names the household by id only, which the application row holds: the household is not loaded.
    const application = await this.em.findOne(Application, { id: applicationId });
    assertVisible(caller, application?.divisionCode);
    return toApplicationReply(application as Application, reveal, await this.attachments.list(this.em, applicationId));
  }

  /** A household's applications in the caller's division, newest first (for its dossier). */
  @CreateRequestContext()
  /** The register: applications in the caller's area (or the part asked for), filtered, newest first. */
  async list(request: ListApplicationsRequest): Promise<ListApplicationsReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.applicationRead);
    if (request.submittedFrom && request.submittedTo && request.submittedFrom > request.submittedTo) {
      throw new DomainError(
        ErrorCode.VALIDATION_FAILED,
        'submittedFrom after submittedTo',
        '开始日期不能晚于结束日期',
        [{ field: 'submittedFrom', messages: ['开始日期不能晚于结束日期'] }],
      );
    }
    const submittedAt = {
      ...(request.submittedFrom ? { $gte: beijingDayStart(request.submittedFrom) } : {}),
      ...(request.submittedTo ? { $lt: beijingDayStart(request.submittedTo, 1) } : {}),
    };
    const [applications, total] = await this.em.findAndCount(
      Application,
      {
        divisionCode: { $like: `${areaOf(caller, request.divisionCode)}%` },
        ...(request.householdId ? { household: request.householdId } : {}),
        ...(request.applicationIds ? { id: { $in: request.applicationIds } } : {}),
        ...(request.status ? { status: request.status } : {}),
        ...(request.applicationNo ? { applicationNo: request.applicationNo } : {}),
        ...(Object.keys(submittedAt).length ? { submittedAt } : {}),
      },
      {
        orderBy: { createdAt: 'desc', id: 'desc' },
        limit: request.limit ?? 50,
        offset: request.offset ?? 0,
        // A summary shows neither the declared details nor the notice: not read.
        exclude: ['details', 'materialsNotice'],
      },
    );
    return { items: applications.map(toApplicationSummary), total };
  }

  /**
   * Moves the status forward (never back); recording the same status twice changes nothing. One statement when it
   * moves (the chain's case); the status is read only when it does not.
   */
  async recordStage(request: RecordApplicationStageRequest): Promise<ApplicationStageReply> {
    if (!isSystemCaller(requireCaller())) {
      throw AccessError.wrongRole(PERMISSIONS.applicationCreate);
    }
    const earlier = APPLICATION_STATUSES.slice(0, APPLICATION_STATUSES.indexOf(request.status));
    const em = this.em.fork();
    // The condition is on the row itself, so a concurrent change is re-checked after its lock: never moved back.
    const [moved] = await em.execute<Array<{ status: ApplicationStatus }>>(
      `update intake.application set status = ?, updated_at = ? where id = ? and status = any(?::text[])
       returning status`,
      [request.status, new Date(), request.applicationId, sqlArray(earlier)],
    );
    if (moved) {
      this.logger.log({ applicationId: request.applicationId, status: request.status }, 'application status recorded');
      return { applicationId: request.applicationId, status: moved.status, changed: true };
    }
    const [current] = await em.execute<Array<{ status: ApplicationStatus }>>(
      'select status from intake.application where id = ?',
      [request.applicationId],
    );
    if (!current) {
      throw ApplicationError.notFound(request.applicationId);
    }
    return { applicationId: request.applicationId, status: current.status, changed: false };
  }

  /** The application, for a caller who may file applications in its division. */
  private async loadForChange(applicationId: string): Promise<Application> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.applicationCreate);
    // The household is referred to by id (which the application row holds) in everything done here: not loaded.
    const application = await this.em.findOne(Application, { id: applicationId });
    assertVisible(caller, application?.divisionCode);
    return application as Application;
  }

  /**
   * A household has one application in progress (submitted, received or in review) at a time. The household row is
   * locked first, so two submissions for it at once are checked one after the other; `except` is the application
   * being submitted (a draft).
   */
  private async assertNoneInProgress(em: EntityManager, householdId: string, except?: string): Promise<void> {
    await em.execute('select id from intake.household where id = ? for update', [householdId]);
    const [other] = await em.execute<Array<{ application_no: string; status: InProgressStatus }>>(
      `select application_no, status from intake.application
        where household_id = ? and status = any(?::text[]) and id is distinct from ?
        limit 1`,
      [householdId, sqlArray(Object.keys(IN_PROGRESS_STATUS_NAMES)), except ?? null],
    );
    if (other) {
      throw ApplicationError.inProgress({ applicationNo: other.application_no, status: other.status });
    }
  }

  /** Incomes and deductions belong to members of the household; the payment account is the head's. */
  private async assertDetailsFit(
    em: EntityManager,
    application: Pick<Application, 'household'>,
    details?: ApplicationDetails,
  ): Promise<void> {
    if (!details?.incomes?.length && !details?.deductions?.length && !details?.paymentAccount) {
      return; // nothing in the details names a member
    }
    const members = await this.households.activeMembers(em, application.household);
    const head = members.find((member) => member.isHead)?.idNumber;
    const errors = meansMisfits(details, new Set(members.map((member) => member.idNumber)), 'details');
    if (details.paymentAccount && checkIdNumber(details.paymentAccount.holderIdNumber).normalized !== head) {
      errors.push({ field: 'details.paymentAccount.holderIdNumber', messages: ['低保金账户的持有人须为户主本人'] });
    }
    if (errors.length > 0) {
      throw ApplicationError.detailsInvalid(errors);
    }
  }

  private async create(request: SubmitApplicationRequest, requestHash: string): Promise<Application> {
    return this.em.transactional(async (em) => {
      const { household, isNew } = await this.households.householdForApplicant(
        em,
        request.divisionCode,
        request.applicantName,
        request.applicantIdNumber,
      );
      if (!isNew && !request.draft) {
        await this.assertNoneInProgress(em, household.id);
      }
      await this.assertDetailsFit(em, { household }, request.details);
      const applicationNo = await this.nextApplicationNo(em, request.divisionCode);
      const application = em.create(Application, {
        applicationNo,
        idempotencyKey: request.idempotencyKey,
        requestHash,
        household,
        divisionCode: request.divisionCode,
        applicantName: request.applicantName,
        applicantIdNumber: request.applicantIdNumber,
        householdSize: request.householdSize,
        reason: request.reason,
        workflowId: '',
        status: request.draft ? 'DRAFT' : 'SUBMITTED',
        submittedAt: request.draft ? undefined : new Date(),
        details: request.details,
        conflictOfInterest: request.details?.conflictOfInterest ?? false,
      });
      application.workflowId = approvalChainWorkflowId(application.id);
      this.logger.log({ applicationId: application.id, applicationNo }, 'application stored');
      return application;
    });
  }

  /** SQ-<county>-<year>-<6 digits>, numbered per county and year without gaps (same transaction). */
  private async nextApplicationNo(em: EntityManager, divisionCode: string): Promise<string> {
    const countyCode = divisionAncestor(divisionCode, 3);
    const year = Number(beijingDate(new Date()).slice(0, 4));
    const [row] = await em.execute<Array<{ last_no: number }>>(
      `insert into intake.application_counter (county_code, year, last_no) values (?, ?, 1)
       on conflict (county_code, year) do update set last_no = intake.application_counter.last_no + 1
       returning last_no`,
      [countyCode, year],
    );
    return `SQ-${countyCode}-${year}-${String(row.last_no).padStart(6, '0')}`;
  }

  private async findByKey(idempotencyKey: string, requestHash: string): Promise<Application | undefined> {
    // The reply and the workflow's input name the household by id only, which the application row holds.
    const existing = await this.em.findOne(Application, { idempotencyKey });
    if (existing && existing.requestHash !== requestHash) {
      throw ApplicationError.keyReused(idempotencyKey);
    }
    return existing ?? undefined;
  }

  private async ensureWorkflow(application: Application): Promise<void> {
    if (application.workflowStartedAt || application.status === 'DRAFT' || application.status === 'WITHDRAWN') {
      return;
    }
    try {
      await this.workflows.start(application.workflowId, {
        applicationId: application.id,
        applicationNo: application.applicationNo,
        householdId: application.household.id,
        divisionCode: application.divisionCode,
        correlationId: currentCorrelationId() ?? application.id,
        confidential: application.details?.confidential === true,
        conflictOfInterest: application.conflictOfInterest,
        ...(application.redecision ? { redecision: application.redecision } : {}),
      });
    } catch (error) {
      this.logger.error({ err: error, applicationId: application.id }, 'starting the approval workflow failed');
      throw ApplicationError.workflowNotStarted(application.applicationNo);
    }
    application.workflowStartedAt = new Date();
    await this.em.flush();
  }
}

function hashRequest(request: SubmitApplicationRequest): string {
  const fields = [
    request.divisionCode,
    request.applicantName,
    request.applicantIdNumber,
    request.householdSize,
    request.reason,
    request.details ?? null,
    request.draft ?? false,
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/** Submission needs the signed authorisation for the economic-status data check ([R2] Art. 9). */
function assertConsent(details?: ApplicationDetails): void {
  if (details?.dataCheckConsent !== true) {
    throw ApplicationError.detailsInvalid([
      {
        field: 'details.dataCheckConsent',
        messages: ['提交申请须签署家庭经济状况核对授权书（dataCheckConsent为true）'],
      },
    ]);
  }
}
