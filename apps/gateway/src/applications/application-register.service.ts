import { BadRequestException, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

import { ErrorCode, type ListApplicationsReply, type ListApplicationsRequest, SUBJECTS } from '@app/contracts';
import { MessagingClient } from '@app/platform';

import { AccessLogService, type Viewer } from '../access-log/access-log.service';

const shownOf = (items: ListApplicationsReply['items']) =>
  items.map((application) => ({ recordId: application.id, recordDivision: application.divisionCode }));

/**
 * The register of applications (申请台账) as staff see it, from intake: a page, or the whole selection to export.
 * A line shows the applicant's name, so each application shown is access-logged before the answer.
 */
@Injectable()
export class ApplicationRegisterService {
  /** The most rows an export holds (REGISTER_EXPORT_MAX): a larger selection is refused, never cut short. */
  private readonly exportMax: number;

  constructor(
    private readonly messaging: MessagingClient,
    private readonly accessLog: AccessLogService,
    config: ConfigService,
  ) {
    this.exportMax = config.getOrThrow<number>('REGISTER_EXPORT_MAX');
  }

  async page(filters: ListApplicationsRequest, viewer: Viewer): Promise<ListApplicationsReply> {
    const found = await this.messaging.request(SUBJECTS.intake.applicationList, filters);
    await this.accessLog.recordShown('application', shownOf(found.items), viewer.purpose, viewer.clientIp);
    return found;
  }

  /** Every application of the selection, page by page (at most REGISTER_EXPORT_MAX), each logged as downloaded. */
  async export(
    filters: Omit<ListApplicationsRequest, 'limit' | 'offset'>,
    viewer: Viewer,
  ): Promise<ListApplicationsReply['items']> {
    const items: ListApplicationsReply['items'] = [];
    for (;;) {
      const page = await this.messaging.request(SUBJECTS.intake.applicationList, {
        ...filters,
        limit: 200,
        offset: items.length,
      });
      if (page.total > this.exportMax) {
        throw new BadRequestException({
          code: ErrorCode.VALIDATION_FAILED,
          message: `导出最多${this.exportMax}条，当前筛选有${page.total}条，请缩小范围（如按社区、状态或提交日期）`,
          details: [{ field: 'format', messages: [`导出最多${this.exportMax}条，当前筛选有${page.total}条`] }],
        });
      }
      items.push(...page.items);
      if (page.items.length === 0 || items.length >= page.total) {
        break;
      }
    }
    await this.accessLog.recordShown('application', shownOf(items), viewer.purpose, viewer.clientIp, 'DOWNLOAD');
    return items;
  }
}
