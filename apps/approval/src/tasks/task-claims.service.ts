import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';

import {
  type ClaimTaskRequest,
  PERMISSIONS,
  type ReleaseClaimsReply,
  type ReleaseClaimsRequest,
  type TaskReply,
} from '@app/contracts';
import { areaOf, assertPermission, assertVisible, requireCaller, sqlArray } from '@app/platform';

import { Task } from './task.entity';
import { TaskError } from './task.errors';
import { assertStageStaff, isStageStaff, toTaskReply } from './tasks.service';

/** Signing for tasks (签收): who holds an open task, and giving tasks back when their holder can no longer act. */
@Injectable()
export class TaskClaimsService {
  private readonly logger = new Logger(TaskClaimsService.name);

  constructor(private readonly em: EntityManager) {}

  /**
   * Signs for an open task, or gives it back: one conditional statement, so of two staff signing at once one
   * has it. Signing again for one's own task changes nothing; a task another signed for is refused, naming them.
   */
  async claim(request: ClaimTaskRequest): Promise<TaskReply> {
    const caller = requireCaller();
    const em = this.em.fork();
    const task = await em.findOne(Task, { id: request.taskId });
    assertVisible(caller, task?.divisionCode);
    assertStageStaff(caller, task!, '签收此任务');
    const now = new Date();
    const [changed] = await em.execute<Array<Record<string, unknown>>>(
      request.release
        ? `update approval.task set claimed_by = null, claimed_at = null, updated_at = ?
            where id = ? and status = 'OPEN' and claimed_by = ? returning *`
        : `update approval.task set claimed_by = ?, claimed_at = coalesce(claimed_at, ?), updated_at = ?
            where id = ? and status = 'OPEN' and (claimed_by is null or claimed_by = ?) returning *`,
      request.release ? [now, task!.id, caller.username] : [caller.username, now, now, task!.id, caller.username],
    );
    if (changed) {
      return toTaskReply(em.map(Task, changed));
    }
    const current = await em.fork().findOneOrFail(Task, { id: task!.id });
    if (current.status !== 'OPEN') {
      throw TaskError.notOpen();
    }
    if (request.release && !current.claimedBy) {
      return toTaskReply(current);
    }
    throw TaskError.claimedByOther(current.claimedBy!, current.claimedAt!);
  }

  /**
   * An account's standing changed: every open task in the administrator's area that it signed for and, standing
   * as it now does, may no longer decide goes back to its inbox. Tasks it may still decide stay signed for, unless
   * `all` takes back every one. The same request again releases nothing more.
   */
  async releaseClaimsOf(request: ReleaseClaimsRequest): Promise<ReleaseClaimsReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.accountManage);
    const em = this.em.fork();
    const held = await em.find(
      Task,
      { status: 'OPEN', claimedBy: request.username, divisionCode: { $like: `${areaOf(caller, undefined)}%` } },
      { fields: ['id', 'role', 'stage', 'divisionCode'] },
    );
    const lost = held
      .filter((task) => request.all || !request.active || !isStageStaff(request, task))
      .map((task) => task.id);
    if (lost.length === 0) {
      return { releasedTaskIds: [] };
    }
    const released = await em.execute<Array<{ id: string }>>(
      `update approval.task set claimed_by = null, claimed_at = null, updated_at = ?
        where id = any(?::uuid[]) and status = 'OPEN' and claimed_by = ? returning id`,
      [new Date(), sqlArray(lost), request.username],
    );
    const releasedTaskIds = released.map((row) => row.id);
    this.logger.log(
      { username: request.username, by: caller.username, taskIds: releasedTaskIds },
      request.all
        ? 'claims of an account taken back to their inboxes'
        : 'claims of an account whose standing changed given back to their inboxes',
    );
    return { releasedTaskIds };
  }
}
