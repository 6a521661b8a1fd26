import { Injectable, Logger } from '@nestjs/common';
import { CreateRequestContext, EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';

import {
  DELIVERY_METHOD_LABELS,
  type DocumentReply,
  ErrorCode,
  PERMISSIONS,
  type RecordNoticeDeliveryRequest,
  stepFiling,
  SUBJECTS,
} from '@app/contracts';
import { beijingDate, maskIdNumber } from '@app/domain';
import {
  assertPermission,
  assertVisible,
  MessagingClient,
  RemoteError,
  requireCaller,
  runAsCaller,
  SYSTEM_CALLER,
} from '@app/platform';

import { Application } from './application.entity';
import { ApplicationError } from './application.errors';
import { filedUnder } from './application.mapper';
import { ChainNotice } from '../approval-chain/chain-notice.entity';
import { ChainNoticesService } from '../approval-chain/chain-notices.service';

/**
 * The service of a 家庭经济状况核对结果告知书 on the applicant (2021 rules Art. 18): the township tells the applicant
 * the data check found the household not eligible, so that an objection, and a re-check, can follow. Its 送达回证 is
 * filed beside the notice, keyed by the notice: the same service recorded again gets the same receipt, another one
 * for the same notice is refused. The chain's history then notes it (signal dataCheckNoticeServed, via the outbox).
 */
@Injectable()
export class DataCheckNoticesService {
  private readonly logger = new Logger(DataCheckNoticesService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly messaging: MessagingClient,
    private readonly notices: ChainNoticesService,
  ) {}

  @CreateRequestContext()
  async recordDelivery(request: RecordNoticeDeliveryRequest): Promise<DocumentReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.dataCheckRecheck);
    const application = await this.em.findOne(Application, { id: request.applicationId });
    assertVisible(caller, application?.divisionCode);
    const { items } = await runAsCaller(SYSTEM_CALLER, () =>
      this.messaging.request(SUBJECTS.archive.documentList, { applicationId: application!.id }),
    );
    const notice = items.find((item) => item.id === request.documentId);
    if (!notice || notice.documentType !== 'DATA_CHECK_RESULT_NOTICE') {
      throw ApplicationError.notTheDataCheckNotice();
    }
    const issuedOn = beijingDate(new Date(notice.filedAt));
    const today = beijingDate(new Date());
    if (request.deliveredOn < issuedOn || request.deliveredOn > today) {
      throw ApplicationError.deliveryDayOutOfRange(issuedOn, today);
    }
    try {
      const receipt = await runAsCaller(SYSTEM_CALLER, () =>
        this.messaging.request(SUBJECTS.archive.documentFile, {
          ...stepFiling(filedUnder(application!), application!.workflowId, `${notice.step}:delivery`),
          // The receipt's content decides: the same service again is the same receipt, another one a conflict.
          firstFilingStands: false,
          documentType: 'DELIVERY_RECEIPT',
          createdBy: caller.username,
          form: {
            title: '送达回证',
            subtitle: `申请编号：${application!.applicationNo}`,
            fields: [
              { label: '送达文书', value: `家庭经济状况核对结果告知书（${notice.referenceCode}）` },
              { label: '出具日期', value: issuedOn },
              { label: '申请人', value: application!.applicantName },
              { label: '公民身份号码', value: maskIdNumber(application!.applicantIdNumber) },
              { label: '受送达人', value: request.recipient },
              { label: '送达方式', value: DELIVERY_METHOD_LABELS[request.method] },
              ...(request.witnesses?.length ? [{ label: '见证人', value: request.witnesses.join('、') }] : []),
              ...(request.trackingNo ? [{ label: '邮件号码', value: request.trackingNo }] : []),
              { label: '送达日期', value: request.deliveredOn },
              { label: '送达人', value: caller.username },
              { label: '送达单位（行政区划代码）', value: caller.divisionCode },
            ],
            notes: ['申请人对核对结果有异议的，可以提供相关证明材料，由乡镇（街道）组织复查。'],
            completedAt: `${request.deliveredOn}T00:00:00+08:00`,
          },
        }),
      );
      this.logger.log({ applicationId: application!.id, documentId: receipt.id }, 'data-check notice served');
      await this.tellChain(application!, receipt.id, {
        summary: `${DELIVERY_METHOD_LABELS[request.method]}，${request.deliveredOn}；告知书：${notice.id}`,
        occurredOn: request.deliveredOn,
      });
      return receipt;
    } catch (error) {
      if (error instanceof RemoteError && error.code === ErrorCode.IDEMPOTENCY_CONFLICT) {
        throw ApplicationError.noticeDeliveredAlready();
      }
      throw error;
    }
  }

  /**
   * The chain's history notes the service beside the notice: through the outbox, once per receipt. Temporal
   * unreachable: the receipt is filed all the same, and the sweep tells the chain later.
   */
  private async tellChain(
    application: Application,
    receiptId: string,
    served: { summary: string; occurredOn: string },
  ): Promise<void> {
    try {
      await this.em.fork().transactional(async (em) => {
        if (!(await em.findOne(ChainNotice, { changeId: receiptId }))) {
          this.notices.queue(em, {
            changeId: receiptId,
            workflowId: application.workflowId,
            signal: 'dataCheckNoticeServed',
            ...served,
          });
        }
      });
    } catch (error) {
      // The same service recorded twice at once: the other request queued the notice.
      if (!(error instanceof UniqueConstraintViolationException)) {
        throw error;
      }
    }
    try {
      await this.notices.send(receiptId);
    } catch (error) {
      this.logger.warn({ workflowId: application.workflowId, err: error }, 'chain not told of a served notice yet');
    }
  }
}
