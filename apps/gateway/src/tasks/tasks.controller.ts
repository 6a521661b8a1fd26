import { Body, Controller, Get, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags, OmitType } from '@nestjs/swagger';
import type { Request } from 'express';

import {
  DecideTaskRequest,
  type DecisionReply,
  type InboxReply,
  ListTasksRequest,
  PERMISSIONS,
  SUBJECTS,
  type TaskReply,
  type TaskStatisticsReply,
  TaskStatisticsRequest,
} from '@app/contracts';
import { MessagingClient, UuidParam } from '@app/platform';

import { InboxService } from './inbox.service';
import { AccessPurpose, clientIp } from '../access-log/access-purpose.decorator';
import { IdempotencyKey } from '../common/idempotency-key.decorator';
import { RequirePermission } from '../identity/auth/auth.decorators';

class DecisionDto extends OmitType(DecideTaskRequest, ['taskId', 'idempotencyKey'] as const) {}

/** What the access log says of an inbox shown without a stated purpose. */
const INBOX_PURPOSE = '办理待办任务';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('v1/tasks')
export class TasksController {
  constructor(
    private readonly messaging: MessagingClient,
    private readonly inbox: InboxService,
  ) {}

  @Get()
  @RequirePermission(PERMISSIONS.applicationRead)
  @ApiOperation({
    summary:
      'Your inbox: open tasks of your stage for applications in your division, oldest due first, with due dates, ' +
      'overdue flags and who applied (name, ID number masked; each application shown is access-logged as SEARCH); ' +
      'purpose DELIVERY marks a refusal or termination notice to serve',
  })
  @ApiHeader({
    name: 'X-Access-Purpose',
    required: false,
    description: `Why you look (UTF-8, percent-encoded). Left out: logged as 「${INBOX_PURPOSE}」`,
  })
  async list(
    @Query() query: ListTasksRequest,
    @AccessPurpose({ otherwise: INBOX_PURPOSE, headerOnly: true }) purpose: string,
    @Req() request: Request,
  ): Promise<InboxReply> {
    return this.inbox.list(query, { purpose, clientIp: clientIp(request) });
  }

  @Get('statistics')
  @RequirePermission(PERMISSIONS.applicationRead)
  @ApiOperation({
    summary:
      'Supervision figures of your area (督办统计): tasks open, overdue, past the overall limit and escalated now; ' +
      'decisions of a period (default the 30 days to today) by outcome, late ones and days taken; per division one ' +
      'level down',
  })
  statistics(@Query() query: TaskStatisticsRequest): Promise<TaskStatisticsReply> {
    return this.messaging.request(SUBJECTS.approval.taskStatistics, query);
  }

  @Post(':id/claim')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.applicationRead)
  @ApiOperation({
    summary:
      'Sign for a task (签收) so colleagues of your inbox see who works on it; only you may decide it until you ' +
      'release it. Signing again for your own task changes nothing; one signed by another is 409, naming them.',
  })
  claim(@UuidParam('id') taskId: string): Promise<TaskReply> {
    return this.messaging.request(SUBJECTS.approval.taskClaim, { taskId });
  }

  @Post(':id/release')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.applicationRead)
  @ApiOperation({ summary: 'Give a task you signed for back to the inbox' })
  release(@UuidParam('id') taskId: string): Promise<TaskReply> {
    return this.messaging.request(SUBJECTS.approval.taskClaim, { taskId, release: true });
  }

  @Post(':id/decision')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.applicationRead)
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'Same key → the first decision’s answer' })
  @ApiOperation({
    summary:
      'Approve, reject (with reasons) or return (with what is missing); on a DELIVERY task, DELIVER with how the notice was served (filed as the proof of delivery). Answers once the step’s record is filed in the archive.',
  })
  decide(
    @UuidParam('id') taskId: string,
    @IdempotencyKey() idempotencyKey: string,
    @Body() body: DecisionDto,
  ): Promise<DecisionReply> {
    return this.messaging.request(
      SUBJECTS.approval.taskDecide,
      { ...body, taskId, idempotencyKey },
      { timeoutMs: 30_000 },
    );
  }
}
