import { Injectable, Logger } from '@nestjs/common';
import { CreateRequestContext, EntityManager, LockMode } from '@mikro-orm/postgresql';

import {
  type ApplicationReply,
  type DeclaredMeans,
  PERMISSIONS,
  type RecheckDataCheckRequest,
  stepFiling,
  type StoredAssessmentReply,
  SUBJECTS,
} from '@app/contracts';
import { beijingDate, beijingMinute, canonicalJson, maskIdNumber, sha256Hex } from '@app/domain';
import {
  assertPermission,
  assertVisible,
  MessagingClient,
  requireCaller,
  runAsCaller,
  SYSTEM_CALLER,
} from '@app/platform';

import { Application, type StoredRecheck } from './application.entity';
import { ApplicationError, IN_PROGRESS_STATUS_NAMES } from './application.errors';
import { filedUnder, toApplicationReply } from './application.mapper';
import { meansMisfits, summariseMeans } from './declared-means';
import { ChainNoticesService } from '../approval-chain/chain-notices.service';
import { AttachmentsService } from '../attachments/attachments.service';
import { HouseholdsService } from '../households/households.service';

/** The archive step of a re-check: part of the application's chain's file. */
const STEP = 'assessment:recheck';

/**
 * The re-check of a data check the applicant disputes (核对结果复查, 2021 rules Art. 18): when the latest assessment
 * found the household not eligible and the applicant objects with evidence, the township (the community assisting)
 * re-checks. Under the application's lock: the record (家庭经济状况核对结果复查记录: the objection, the evidence,
 * the means before and after) is filed into the household file, then the re-checked means replace the declared
 * ones. Once that is committed the chain is told, and it assesses the household again (a new report beside the
 * first). Idempotent by key.
 */
@Injectable()
export class DataCheckRechecksService {
  private readonly logger = new Logger(DataCheckRechecksService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly messaging: MessagingClient,
    private readonly households: HouseholdsService,
    private readonly notices: ChainNoticesService,
    private readonly attachments: AttachmentsService,
  ) {}

  @CreateRequestContext()
  async recheck(request: RecheckDataCheckRequest): Promise<ApplicationReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.dataCheckRecheck);
    const requestHash = sha256Hex(canonicalJson(request));
    const { application, recheck } = await this.em.transactional(async (em) => {
      const row = await em.findOne(
        Application,
        { id: request.applicationId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      assertVisible(caller, row?.divisionCode);
      const found = row!;
      const repeat = found.rechecks.find((earlier) => earlier.idempotencyKey === request.idempotencyKey);
      if (repeat) {
        if (repeat.requestHash !== requestHash) {
          throw ApplicationError.recheckKeyReused();
        }
        return { application: found, recheck: repeat };
      }
      if (!(found.status in IN_PROGRESS_STATUS_NAMES)) {
        throw ApplicationError.recheckNotInProgress(found.status);
      }
      const disputed = await this.latestAssessment(found);
      if (!disputed || disputed.eligible) {
        throw ApplicationError.recheckWithoutIneligibleAssessment(disputed?.eligible);
      }
      const members = await this.households.activeMembers(em, found.household);
      const misfits = meansMisfits(request.means, new Set(members.map((member) => member.idNumber)), 'means');
      if (misfits.length > 0) {
        throw ApplicationError.detailsInvalid(misfits);
      }
      const evidence = await this.fileEvidence(em, found, request.evidenceAttachmentIds ?? []);
      const before: DeclaredMeans = {
        incomes: found.details?.incomes ?? [],
        deductions: found.details?.deductions ?? [],
        assets: found.details?.assets ?? [],
      };
      const after: DeclaredMeans = {
        incomes: request.means.incomes ?? [],
        deductions: request.means.deductions ?? [],
        assets: request.means.assets ?? [],
      };
      const recheckedAt = new Date();
      const documentId = await this.fileRecord(found, {
        request,
        disputed,
        means: { before, after },
        evidence: evidence.map((item) => item.referenceCode),
        recheckedAt,
      });
      const stored: StoredRecheck = {
        assessmentId: disputed.id,
        objection: request.objection,
        means: { before, after },
        evidenceDocumentIds: evidence.map((item) => item.documentId),
        recheckedBy: caller.username,
        recheckedAt: recheckedAt.toISOString(),
        documentId,
        idempotencyKey: request.idempotencyKey,
        requestHash,
      };
      found.details = { ...found.details, ...after };
      found.rechecks = [...found.rechecks, stored];
      // Assessed again: the notice is committed with the re-check and sent after it (tellChain, or the sweep).
      this.notices.queue(em, {
        changeId: recheckChangeId(found, stored),
        workflowId: found.workflowId,
        signal: 'dataCheckRechecked',
        summary: `申请人异议，${beijingDate(recheckedAt)}复查`,
        occurredOn: beijingDate(recheckedAt),
      });
      return { application: found, recheck: stored };
    });
    this.logger.log({ applicationId: application.id, documentId: recheck.documentId }, 'data check re-checked');
    await this.tellChain(application, recheck);
    return toApplicationReply(application, false, await this.attachments.list(this.em.fork(), application.id));
  }

  /** The application's latest stored assessment (the chain files one per attempt); none before the first. */
  private async latestAssessment(application: Application): Promise<StoredAssessmentReply | undefined> {
    const { items } = await runAsCaller(SYSTEM_CALLER, () =>
      this.messaging.request(SUBJECTS.eligibility.assessmentList, { householdId: application.household.id }),
    );
    return items
      .filter((item) => item.applicationId === application.id)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .at(-1);
  }

  /**
   * The evidence named must have been uploaded for this application; each is in the household file once (filed at
   * its upload, or with the receipt at acceptance; any other is filed now, as part of the re-check). Answered with
   * the archived items and their codes, in the order named.
   */
  private async fileEvidence(
    em: EntityManager,
    application: Application,
    attachmentIds: string[],
  ): Promise<Array<{ documentId: string; referenceCode: string }>> {
    if (attachmentIds.length === 0) {
      return [];
    }
    const uploaded = new Map((await this.attachments.list(em, application.id)).map((item) => [item.id, item]));
    const unknown = attachmentIds
      .map((id, index) => ({ id, index }))
      .filter(({ id }) => !uploaded.has(id))
      .map(({ index }) => ({ field: `evidenceAttachmentIds[${index}]`, messages: ['不是本申请已上传的证明材料'] }));
    if (unknown.length > 0) {
      throw ApplicationError.evidenceNotOfApplication(unknown);
    }
    const items: Array<{ documentId: string; referenceCode: string }> = [];
    for (const id of attachmentIds) {
      items.push(await this.attachments.fileOnce(application, uploaded.get(id)!, STEP));
    }
    return items;
  }

  /**
   * 家庭经济状况核对结果复查记录, filed into the household file (审批类) by the system in the staff's name; a retry under
   * the same key after a failure past this point finds the record as first filed.
   */
  private async fileRecord(
    application: Application,
    {
      request,
      disputed,
      means,
      evidence,
      recheckedAt,
    }: {
      request: RecheckDataCheckRequest;
      disputed: StoredAssessmentReply;
      means: StoredRecheck['means'];
      evidence: string[];
      recheckedAt: Date;
    },
  ): Promise<string> {
    const caller = requireCaller();
    const document = await runAsCaller(SYSTEM_CALLER, () =>
      this.messaging.request(SUBJECTS.archive.documentFile, {
        ...stepFiling(filedUnder(application), application.workflowId, STEP, request.idempotencyKey),
        documentType: 'DATA_CHECK_RECHECK_RECORD',
        createdBy: caller.username,
        form: {
          title: '家庭经济状况核对结果复查记录',
          subtitle: `申请编号：${application.applicationNo}`,
          fields: [
            { label: '申请人', value: application.applicantName },
            { label: '公民身份号码', value: maskIdNumber(application.applicantIdNumber) },
            { label: '所在社区（村）', value: application.divisionCode },
            { label: '被复查的核对认定', value: `${disputed.at}认定不符合条件（认定编号：${disputed.id}）` },
            { label: '申请人异议', value: request.objection },
            { label: '证明材料', value: evidence.length ? evidence.join('、') : '无' },
            { label: '复查前申报', value: summariseMeans(means.before) },
            { label: '复查后认定', value: summariseMeans(means.after) },
            { label: '复查人', value: caller.username },
            { label: '复查单位（行政区划代码）', value: caller.divisionCode },
            { label: '复查时间', value: `${beijingMinute(recheckedAt)}（北京时间）` },
          ],
          notes: ['复查后，系统按复查后的家庭经济状况重新核算，新的核对认定结果另行归档，原认定结果保留。'],
          completedAt: recheckedAt.toISOString(),
        },
      }),
    );
    return document.id;
  }

  /**
   * Sends the chain the notice the re-check queued, once it is committed, so that it assesses the household again
   * with the re-checked means. Temporal unreachable: 503 with the re-check recorded; the sweep sends it later, as
   * does the same request sent again.
   */
  private async tellChain(application: Application, recheck: StoredRecheck): Promise<void> {
    try {
      await this.notices.send(recheckChangeId(application, recheck));
    } catch (error) {
      this.logger.warn({ workflowId: application.workflowId, err: error }, 'chain not told of a re-check yet');
      throw ApplicationError.recheckChainNotTold();
    }
  }
}

/** The re-check's own key where it reaches the chain: stable when the same request is sent again. */
function recheckChangeId(application: Application, recheck: Pick<StoredRecheck, 'idempotencyKey'>): string {
  return sha256Hex(`${application.id}:${recheck.idempotencyKey}`);
}
