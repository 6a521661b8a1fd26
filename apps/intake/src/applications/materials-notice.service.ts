import { Injectable, Logger } from '@nestjs/common';
import { CreateRequestContext, EntityManager, LockMode } from '@mikro-orm/postgresql';

import {
  type ApplicationReply,
  type NotifyMissingMaterialsRequest,
  PERMISSIONS,
  stepFiling,
  SUBJECTS,
} from '@app/contracts';
import { beijingMinute, maskIdNumber, materialsFromSharedData } from '@app/domain';
import {
  assertPermission,
  assertVisible,
  MessagingClient,
  requireCaller,
  runAsCaller,
  SYSTEM_CALLER,
} from '@app/platform';

import { Application } from './application.entity';
import { ApplicationError } from './application.errors';
import { filedUnder, toApplicationReply } from './application.mapper';

/** The archive step of the notice: part of the application's chain's file, before its acceptance. */
const STEP = 'acceptance:materials-notice';

/**
 * The one-time notice of missing materials (一次性告知, 2021 rules Art. 10): given on a draft, before acceptance,
 * once — everything missing at once, nothing the data check obtains through data sharing — and filed into the
 * household's archive file the moment it is given (approving is archiving).
 */
@Injectable()
export class MaterialsNoticeService {
  private readonly logger = new Logger(MaterialsNoticeService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly messaging: MessagingClient,
  ) {}

  @CreateRequestContext()
  async notify(request: NotifyMissingMaterialsRequest): Promise<ApplicationReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.applicationCreate);
    const shared = materialsFromSharedData(request.missing);
    if (shared.length > 0) {
      throw ApplicationError.sharedDataMaterials(shared);
    }
    // One notice per application: the row is locked while it is filed, so two staff at once give one notice.
    const application = await this.em.transactional(async (em) => {
      const found = await em.findOne(
        Application,
        { id: request.applicationId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      assertVisible(caller, found?.divisionCode);
      const row = found!;
      if (row.materialsNotice) {
        if (row.materialsNotice.idempotencyKey === request.idempotencyKey) {
          return row;
        }
        throw ApplicationError.materialsNoticeGiven(row.materialsNotice.notifiedAt);
      }
      if (row.status === 'WITHDRAWN') {
        throw ApplicationError.withdrawn();
      }
      if (row.status !== 'DRAFT') {
        throw ApplicationError.materialsNoticeAfterSubmission(row.status);
      }
      const notifiedAt = new Date();
      // Filing is the system's act (staff never file into the archive directly); the form names who gave it.
      const document = await runAsCaller(SYSTEM_CALLER, () =>
        this.messaging.request(SUBJECTS.archive.documentFile, {
          // A retry under the same key after a failure past this point finds the notice as first filed.
          ...stepFiling(filedUnder(row), row.workflowId, STEP, request.idempotencyKey),
          documentType: 'MATERIALS_NOTICE',
          createdBy: caller.username,
          form: {
            title: '一次性告知书',
            subtitle: `申请编号：${row.applicationNo}`,
            fields: [
              { label: '申请人', value: row.applicantName },
              { label: '公民身份号码', value: maskIdNumber(row.applicantIdNumber) },
              { label: '所在社区（村）', value: row.divisionCode },
              {
                label: '需补齐的材料',
                value: request.missing.map((item, index) => `${index + 1}. ${item}`).join('；'),
              },
              ...(request.note ? [{ label: '补齐方式', value: request.note }] : []),
              { label: '告知人', value: caller.username },
              { label: '告知时间', value: `${beijingMinute(notifiedAt)}（北京时间）` },
            ],
            notes: [
              '以上为需补齐的全部材料，经办机构不再要求提供其他材料；材料补齐后予以受理。',
              '可通过政府部门信息共享获取的材料，无需申请人提供。',
            ],
            completedAt: notifiedAt.toISOString(),
          },
        }),
      );
      row.materialsNotice = {
        missing: request.missing,
        note: request.note ?? null,
        notifiedBy: caller.username,
        notifiedAt: notifiedAt.toISOString(),
        documentId: document.id,
        idempotencyKey: request.idempotencyKey,
      };
      this.logger.log({ applicationId: row.id, items: request.missing.length }, 'materials notice given and filed');
      return row;
    });
    return toApplicationReply(application);
  }
}
