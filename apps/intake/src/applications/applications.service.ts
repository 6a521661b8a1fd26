import { createHash } from 'node:crypto';

import { Injectable, Logger } from '@nestjs/common';
import { CreateRequestContext, EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';

import {
  APPLICATION_STATUSES,
  PERMISSIONS,
  type ApplicationReply,
  type RecordApplicationStageRequest,
  type SubmitApplicationRequest,
} from '@app/contracts';
import { approvalChainWorkflowId } from '@app/contracts/temporal';
import { checkIdNumber, divisionAncestor } from '@app/domain';
import {
  AccessError,
  assertPermission,
  assertVisible,
  currentCorrelationId,
  inScope,
  isSystemCaller,
  requireCaller,
} from '@app/platform';

import { Application } from './application.entity';
import { ApplicationError } from './application.errors';
import { toApplicationReply } from './application.mapper';
import { ApprovalWorkflowService } from './approval-workflow.service';
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
    const requestHash = hashRequest(normalized);

    let application = await this.findByKey(request.idempotencyKey, requestHash);
    if (!application) {
      try {
        application = await this.create(normalized, requestHash);
      } catch (error) {
        if (!(error instanceof UniqueConstraintViolationException)) {
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

  @CreateRequestContext()
  async get(applicationId: string, reveal = false): Promise<ApplicationReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.applicationRead);
    if (reveal) {
      assertPermission(caller, PERMISSIONS.personalDataReveal);
    }
    const application = await this.em.findOne(Application, { id: applicationId }, { populate: ['household'] });
    assertVisible(caller, application?.divisionCode);
    return toApplicationReply(application as Application, reveal);
  }

  /** Moves the status forward (never back); recording the same status twice changes nothing. */
  @CreateRequestContext()
  async recordStage(request: RecordApplicationStageRequest): Promise<ApplicationReply> {
    if (!isSystemCaller(requireCaller())) {
      throw AccessError.wrongRole(PERMISSIONS.applicationCreate);
    }
    const application = await this.em.findOne(Application, { id: request.applicationId }, { populate: ['household'] });
    if (!application) {
      throw ApplicationError.notFound(request.applicationId);
    }
    if (APPLICATION_STATUSES.indexOf(request.status) > APPLICATION_STATUSES.indexOf(application.status)) {
      application.status = request.status;
      await this.em.flush();
      this.logger.log({ applicationId: application.id, status: request.status }, 'application status recorded');
    }
    return toApplicationReply(application);
  }

  private async create(request: SubmitApplicationRequest, requestHash: string): Promise<Application> {
    return this.em.transactional(async (em) => {
      const household = await this.households.householdForApplicant(
        em,
        request.divisionCode,
        request.applicantName,
        request.applicantIdNumber,
      );
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
      });
      application.workflowId = approvalChainWorkflowId(application.id);
      this.logger.log({ applicationId: application.id, applicationNo }, 'application stored');
      return application;
    });
  }

  /** SQ-<county>-<year>-<6 digits>, numbered per county and year without gaps (same transaction). */
  private async nextApplicationNo(em: EntityManager, divisionCode: string): Promise<string> {
    const countyCode = divisionAncestor(divisionCode, 3);
    const year = Number(
      new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
    );
    const [row] = await em.execute<Array<{ last_no: number }>>(
      `insert into intake.application_counter (county_code, year, last_no) values (?, ?, 1)
       on conflict (county_code, year) do update set last_no = intake.application_counter.last_no + 1
       returning last_no`,
      [countyCode, year],
    );
    return `SQ-${countyCode}-${year}-${String(row.last_no).padStart(6, '0')}`;
  }

  private async findByKey(idempotencyKey: string, requestHash: string): Promise<Application | undefined> {
    const existing = await this.em.findOne(Application, { idempotencyKey }, { populate: ['household'] });
    if (existing && existing.requestHash !== requestHash) {
      throw ApplicationError.keyReused(idempotencyKey);
    }
    return existing ?? undefined;
  }

  private async ensureWorkflow(application: Application): Promise<void> {
    if (application.workflowStartedAt) {
      return;
    }
    try {
      await this.workflows.start(application.workflowId, {
        applicationId: application.id,
        applicationNo: application.applicationNo,
        householdId: application.household.id,
        divisionCode: application.divisionCode,
        correlationId: currentCorrelationId() ?? application.id,
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
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}
