import { Injectable } from '@nestjs/common';

import { ErrorCode, type InboxReply, type ListTasksRequest, SUBJECTS } from '@app/contracts';
import { MessagingClient, RemoteError } from '@app/platform';

import { AccessLogService, type Viewer } from '../access-log/access-log.service';

/**
 * The staff inbox: the approval service's tasks, each with who applied from intake (the owner of applications),
 * every application shown access-logged. Without intake the tasks are still listed, saying so.
 */
@Injectable()
export class InboxService {
  constructor(
    private readonly messaging: MessagingClient,
    private readonly accessLog: AccessLogService,
  ) {}

  async list(query: ListTasksRequest, viewer: Viewer): Promise<InboxReply> {
    const tasks = await this.messaging.request(SUBJECTS.approval.taskList, query);
    const ids = [...new Set(tasks.items.map((task) => task.applicationId))];
    if (ids.length === 0) {
      return { ...tasks, items: [] };
    }
    let applicants;
    try {
      applicants = await this.messaging.request(SUBJECTS.intake.applicationList, {
        applicationIds: ids,
        limit: ids.length,
      });
    } catch (error) {
      // Intake down or not answering: the tasks without names. Anything else is a fault to report, not hide.
      if (!(error instanceof RemoteError && error.code === ErrorCode.UNAVAILABLE)) {
        throw error;
      }
      return {
        ...tasks,
        items: tasks.items.map((task) => ({ ...task, applicant: null })),
        applicantsUnavailable: '申请人信息暂时无法读取，请稍后再查',
      };
    }
    await this.accessLog.recordShown(
      'application',
      applicants.items.map((application) => ({ recordId: application.id, recordDivision: application.divisionCode })),
      viewer.purpose,
      viewer.clientIp,
    );
    const byId = new Map(applicants.items.map((application) => [application.id, application]));
    return {
      ...tasks,
      items: tasks.items.map((task) => {
        const application = byId.get(task.applicationId);
        return {
          ...task,
          applicant: application
            ? {
                name: application.applicantName,
                idNumberMasked: application.applicantIdNumberMasked,
                householdSize: application.householdSize,
              }
            : null,
        };
      }),
    };
  }
}
