import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags, OmitType } from '@nestjs/swagger';

import {
  DecideTaskRequest,
  type DecisionReply,
  type ListTasksReply,
  ListTasksRequest,
  PERMISSIONS,
  SUBJECTS,
} from '@app/contracts';
import { MessagingClient, UuidParam } from '@app/platform';

import { IdempotencyKey } from '../common/idempotency-key.decorator';
import { RequirePermission } from '../identity/auth/auth.decorators';

class DecisionDto extends OmitType(DecideTaskRequest, ['taskId', 'idempotencyKey'] as const) {}

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('v1/tasks')
export class TasksController {
  constructor(private readonly messaging: MessagingClient) {}

  @Get()
  @RequirePermission(PERMISSIONS.applicationRead)
  @ApiOperation({
    summary:
      'Your inbox: open tasks of your stage for applications in your division, oldest due first, with due dates and overdue flags; purpose DELIVERY marks a refusal or termination notice to serve',
  })
  list(@Query() query: ListTasksRequest): Promise<ListTasksReply> {
    return this.messaging.request(SUBJECTS.approval.taskList, query);
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
